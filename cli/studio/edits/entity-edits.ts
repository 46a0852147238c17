/** Edits of an entity as a whole and of its fields: add an entity, add, rename, remove and change fields. */
import { dirname } from "node:path";
import { type Draft, EditRefused, entityName } from "./draft.ts";
import { type EditNote, expressionNotes } from "./notes.ts";
import { renameReferences } from "./references.ts";
import { after, ENTITY_KEYS, FIELD_KEYS, ordered, POLICY_KEYS } from "./order.ts";
import { kebab } from "./names.ts";
import { expr, renderEntries, renderPair, type Value } from "./render.ts";
import type { EditOf } from "./types.ts";
import { deleteIn, getIn, lastValueStyle, renameKey, reorderKeys, setIn, type Path, YamlEditError } from "./yaml-text.ts";

/** The edited element: its file and its path in that file, to tell its diagnostics apart. */
export interface EditedElement {
  readonly file: string;
  readonly path: Path;
  /** What the edit could not follow itself: expressions naming what it renamed or removed. */
  readonly notes?: readonly EditNote[];
}

const EXPRESSION_PROPS = new Set(["computed"]);

/** A field's props as YAML values: expressions quoted, `default: { expr }` too, null left for removal. */
export function fieldValue(props: Readonly<Record<string, unknown>>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (EXPRESSION_PROPS.has(key) && typeof value === "string") out[key] = expr(value);
    else if (key === "default" && isExprDefault(value)) out[key] = { expr: expr(value.expr) };
    else out[key] = value as Value;
  }
  return out;
}

function isExprDefault(value: unknown): value is { expr: string } {
  return typeof value === "object" && value !== null && typeof (value as { expr?: unknown }).expr === "string";
}

export function addEntity(draft: Draft, edit: EditOf<"addEntity">): EditedElement {
  const path = `domain/${kebab(edit.entity)}.entity.yaml`;
  if (draft.read(path) !== undefined || draft.entityFiles().some((p) => entityName(draft.read(p) ?? "") === edit.entity)) {
    throw new EditRefused(`the app already has an entity ${edit.entity} (${path})`);
  }
  const head: Record<string, Value> = { entity: edit.entity };
  if (edit.label) head.label = edit.label;
  if (edit.plural) head.plural = edit.plural;
  if (edit.tenant) head.tenant = true;
  const fields = Object.fromEntries(Object.entries(edit.fields ?? {}).map(([name, props]) => [name, ordered(fieldValue(props), FIELD_KEYS)]));
  const policies = Object.fromEntries(Object.entries(edit.policies ?? {}).flatMap(([k, v]) => (typeof v === "string" ? [[k, expr(v)]] : [])));
  const sections = [renderEntries(head, 0), renderPair("fields", fields, 0)];
  if (Object.keys(policies).length > 0) sections.push(renderPair("policies", ordered(policies, POLICY_KEYS), 0));
  draft.write(path, `${modeline(draft, path)}\n${sections.join("\n")}`);
  return { file: path, path: ["entity"] };
}

/** The schema modeline of a new entity file: the one the other entity files use, else one beside weave.yaml's. */
function modeline(draft: Draft, path: string): string {
  for (const file of draft.entityFiles()) {
    const first = draft.read(file)?.split("\n")[0] ?? "";
    if (file !== path && dirname(file) === dirname(path) && first.startsWith("# yaml-language-server:")) return first;
  }
  const app = /^#\s*yaml-language-server:\s*\$schema=(\S+)app\.schema\.json/m.exec(draft.read("weave.yaml") ?? "");
  const schemas = app ? (app[1]!.startsWith("/") || /^[a-z]+:/.test(app[1]!) ? app[1]! : `../${app[1]}`) : "../node_modules/@weave-dev/weave/schema/";
  return `# yaml-language-server: $schema=${schemas}entity.schema.json`;
}

export function addField(draft: Draft, edit: EditOf<"addField">): EditedElement {
  const file = draft.fileOf(edit.entity);
  if (getIn(draft.read(file)!, ["fields", edit.field]) !== undefined) throw new EditRefused(`${edit.entity} already has a field ${edit.field}`);
  insertField(draft, file, edit.field, fieldValue(edit.props));
  return { file, path: ["fields", edit.field] };
}

/** Adds a field written like its siblings: on one line when the last field is, else in block style. */
export function insertField(draft: Draft, file: string, name: string, props: Record<string, Value>): void {
  draft.update(file, (text) => {
    const style = lastValueStyle(text, ["fields"]) ?? "block";
    return setIn(text, ["fields", name], ordered(props, FIELD_KEYS), { style, before: after(ENTITY_KEYS, "fields") });
  });
}

export function setField(draft: Draft, edit: EditOf<"setField">): EditedElement {
  const file = draft.fileOf(edit.entity);
  if (getIn(draft.read(file)!, ["fields", edit.field]) === undefined) throw new EditRefused(`${edit.entity} has no field ${edit.field}`);
  const values = fieldValue(edit.props);
  for (const [key, value] of Object.entries(ordered(values, FIELD_KEYS))) {
    const path = ["fields", edit.field, key];
    draft.update(file, (text) => (value === null ? deleteIn(text, path) : setIn(text, path, value, { before: after(FIELD_KEYS, key) })));
  }
  return { file, path: ["fields", edit.field] };
}

export function renameField(draft: Draft, edit: EditOf<"renameField">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const text = draft.read(file)!;
  if (getIn(text, ["fields", edit.field]) === undefined) throw new EditRefused(`${edit.entity} has no field ${edit.field}`);
  if (getIn(text, ["fields", edit.to]) !== undefined) throw new EditRefused(`${edit.entity} already has a field ${edit.to}`);
  draft.update(file, (t) => renameKey(t, ["fields", edit.field], edit.to));
  // The database keeps the column's data only when the migration knows the old name.
  if (getIn(draft.read(file)!, ["fields", edit.to, "renamedFrom"]) === undefined) {
    draft.update(file, (t) => setIn(t, ["fields", edit.to, "renamedFrom"], edit.field));
  }
  renameReferences(draft, edit.entity, edit.field, edit.to);
  return { file, path: ["fields", edit.to], ...fieldNotes(draft, file, edit.field, (e) => `the expression "${e}" may still name ${edit.field}: rename it there by hand`) };
}

export function removeField(draft: Draft, edit: EditOf<"removeField">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const field = getIn(draft.read(file)!, ["fields", edit.field]) as FieldShape | undefined;
  if (field === undefined) throw new EditRefused(`${edit.entity} has no field ${edit.field}`);
  draft.update(file, (t) => deleteIn(t, ["fields", edit.field]));
  if (edit.raiseVersion && isStored(field)) raiseVersion(draft, file);
  renameReferences(draft, edit.entity, edit.field, null);
  return { file, path: ["fields"], ...fieldNotes(draft, file, edit.field, (e) => `the expression "${e}" may still use ${edit.field}`) };
}

type FieldShape = { readonly type?: unknown; readonly computed?: unknown; readonly materialized?: unknown } | null;

/** A field with a column: dropping it drops data. */
function isStored(field: FieldShape): boolean {
  if (field?.type === "many" || field?.type === "many-to-many") return false;
  return field?.computed === undefined || field.materialized === true;
}

/**
 * `version: n + 1`: the spec's written acknowledgement that a change to the entity may drop data,
 * which lets the migration (and `weave dev`) drop the column.
 */
function raiseVersion(draft: Draft, file: string): void {
  draft.update(file, (text) => {
    const current = getIn(text, ["version"]);
    return setIn(text, ["version"], (typeof current === "number" ? current : 1) + 1, { before: after(ENTITY_KEYS, "version") });
  });
}

/** Expressions of the entity's file naming the field: the Studio does not rewrite expressions. */
function fieldNotes(draft: Draft, file: string, field: string, message: (expression: string) => string): { notes?: EditNote[] } {
  const notes = expressionNotes(draft, [file], field, message);
  return notes.length > 0 ? { notes } : {};
}

export function reorderFields(draft: Draft, edit: EditOf<"reorderFields">): EditedElement {
  const file = draft.fileOf(edit.entity);
  try {
    draft.update(file, (text) => reorderKeys(text, ["fields"], edit.fields));
  } catch (error) {
    if (error instanceof YamlEditError) throw new EditRefused(`${edit.entity}: ${error.message}`);
    throw error;
  }
  return { file, path: ["fields"] };
}
