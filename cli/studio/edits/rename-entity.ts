/**
 * Renaming an entity: its `entity:` name, `renamedFrom` (so the migration renames the table and
 * keeps the data), its file (`domain/<kebab name>.entity.yaml`), and every place another file
 * names it by name: relations' `to` and `through`, actions' `output`, queries' `from`, seed
 * records, workflows' `Entity.transition` and `Entity.action`, i18n keys. Expressions are not
 * rewritten: the ones that mention the old name are returned as notes, and the compiler reports
 * those that no longer check.
 */
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { type Draft, EditRefused, entityName } from "./draft.ts";
import type { EditedElement } from "./entity-edits.ts";
import { kebab } from "./names.ts";
import { expressionNotes } from "./notes.ts";
import { after, ENTITY_KEYS } from "./order.ts";
import { deleteIn, getIn, renameKey, setIn, type Path } from "./yaml-text.ts";

export function renameEntity(draft: Draft, edit: { readonly entity: string; readonly to: string }): EditedElement {
  const { entity: from, to } = edit;
  const file = draft.fileOf(from);
  if (draft.entityFiles().some((p) => entityName(draft.read(p) ?? "") === to)) throw new EditRefused(`the app already has an entity ${to}`);
  draft.update(file, (text) => {
    let out = setIn(text, ["entity"], to);
    const previous = getIn(out, ["renamedFrom"]);
    // The database still has the table of the first name until a migration ran: keep that one.
    if (previous === to) out = deleteIn(out, ["renamedFrom"]);
    else if (previous === undefined) out = setIn(out, ["renamedFrom"], from, { before: after(ENTITY_KEYS, "renamedFrom") });
    return out;
  });
  const moved = `domain/${kebab(to)}.entity.yaml`;
  if (moved !== file) draft.move(file, moved);
  // The entity's own file too: a ref to itself (a parent) names it.
  for (const path of draft.specFiles()) draft.update(path, (text) => renameIn(path, text, from, to));
  const notes = expressionNotes(draft, draft.specFiles(), from, (e) => `the expression "${e}" may still name ${from}: rename it there by hand`);
  return { file: moved, path: ["entity"], ...(notes.length > 0 ? { notes } : {}) };
}

/** The rewrites of one file, by its kind. */
function renameIn(path: string, text: string, from: string, to: string): string {
  if (path.startsWith("seed/")) return getIn(text, ["records", from]) === undefined ? text : renameKey(text, ["records", from], to);
  if (path.startsWith("i18n/")) return renameMessageKeys(text, from, to);
  let out = text;
  for (const { path: at, key, value } of scalars(text)) {
    const next = renamed(path, at, key, value, from, to);
    if (next !== undefined) out = setIn(out, at, next);
  }
  return out;
}

/** The new value of a scalar that names the entity, or undefined. */
function renamed(file: string, at: Path, key: string | number, value: string, from: string, to: string): string | undefined {
  const owner = typeof key === "number" ? at.at(-2) : key;
  if (file.startsWith("domain/") && at[0] === "fields" && (owner === "to" || owner === "through") && value === from) return to;
  if (file.startsWith("domain/") && at[0] === "actions" && key === "output" && at.length === 3 && value === from) return to;
  if (file.startsWith("queries/") && at.length === 1 && key === "from" && value === from) return to;
  if (file.startsWith("workflows/") && (key === "transition" || key === "action") && value.startsWith(`${from}.`)) return `${to}${value.slice(from.length)}`;
  return undefined;
}

/** `entity.Old.label` -> `entity.New.label`, and the same for every key namespaced by the entity. */
function renameMessageKeys(text: string, from: string, to: string): string {
  const messages = getIn(text, ["messages"]);
  if (!messages || typeof messages !== "object") return text;
  let out = text;
  const pattern = new RegExp(`^([a-z]+)\\.${from}\\.`);
  for (const key of Object.keys(messages)) if (pattern.test(key)) out = renameKey(out, ["messages", key], key.replace(pattern, `$1.${to}.`));
  return out;
}

/** Every string scalar of a document with its path and the key (or index) holding it. */
function scalars(text: string): { path: Path; key: string | number; value: string }[] {
  const out: { path: Path; key: string | number; value: string }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
    else if (isScalar(node) && typeof node.value === "string" && path.length > 0) out.push({ path, key: path.at(-1)!, value: node.value });
  };
  walk(parseDocument(text, { logLevel: "silent" }).contents, []);
  return out;
}
