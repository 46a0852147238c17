/**
 * A renamed or removed field, followed through the places that name it: the entity's key, search,
 * indexes, rules, machines, field policies and views, and the `inverse` of relations pointing at
 * it from other entities. Expressions are left to the compiler, which reports what they still name.
 */
import type { Draft } from "./draft.ts";
import type { Value } from "./render.ts";
import { deleteIn, getIn, renameKey, setIn, type Path } from "./yaml-text.ts";

type Rename = (name: string) => string | null;

/**
 * Renames `from` to `to` (or removes it, `to` null) wherever `entity`'s file lists it by name, and
 * in the `inverse` of relations from other entities.
 *
 * @example renameReferences(draft, "Invoice", "notes", "remarks");
 */
export function renameReferences(draft: Draft, entity: string, from: string, to: string | null): void {
  const file = draft.fileOf(entity);
  const rename: Rename = (name) => {
    const [head, ...rest] = name.replace(/^-/, "").split(".");
    if (head !== from) return name;
    if (to === null) return null;
    return `${name.startsWith("-") ? "-" : ""}${[to, ...rest].join(".")}`;
  };
  draft.update(file, (text) => renameInFile(text, rename, from, to));
  for (const other of draft.entityFiles()) draft.update(other, (text) => renameInverses(text, entity, from, to));
}

function renameInFile(text: string, rename: Rename, from: string, to: string | null): string {
  let out = text;
  for (const path of listPaths(out)) out = renameInList(out, path, rename);
  for (const path of namePaths(out)) {
    const value = getIn(out, path);
    if (typeof value !== "string") continue;
    const next = rename(value);
    out = next === null ? deleteIn(out, path) : next !== value ? setIn(out, path, next) : out;
  }
  if (getIn(out, ["policies", "fields", from]) !== undefined) {
    out = to === null ? deleteIn(out, ["policies", "fields", from]) : renameKey(out, ["policies", "fields", from], to);
  }
  return out;
}

/** The lists of field names in an entity file. */
function listPaths(text: string): Path[] {
  const paths: Path[] = [["key"], ["search"], ["views", "list", "columns"], ["views", "list", "filters"], ["views", "list", "sort"], ["views", "kanban", "fields"]];
  (getIn(text, ["indexes"]) as unknown[] | undefined)?.forEach((_, i) => paths.push(["indexes", i, "fields"]));
  for (const view of ["detail", "form"]) {
    (getIn(text, ["views", view, "sections"]) as unknown[] | undefined)?.forEach((_, i) => paths.push(["views", view, "sections", i, "fields"]));
  }
  return paths;
}

/** Single field names in an entity file. */
function namePaths(text: string): Path[] {
  const paths: Path[] = [["key"], ["views", "kanban", "by"], ["views", "kanban", "title"]];
  (getIn(text, ["rules"]) as unknown[] | undefined)?.forEach((_, i) => paths.push(["rules", i, "field"]));
  for (const machine of Object.keys((getIn(text, ["states"]) as object | undefined) ?? {})) paths.push(["states", machine, "field"]);
  return paths;
}

function renameInList(text: string, path: Path, rename: Rename): string {
  const list = getIn(text, path);
  if (!Array.isArray(list)) return text;
  const next = list.flatMap((name) => (typeof name === "string" ? [rename(name)].filter((n): n is string => n !== null) : [name]));
  if (next.length === list.length && next.every((n, i) => n === list[i])) return text;
  // An index, or a section, left without fields goes as a whole.
  if (next.length === 0) return deleteIn(text, path.at(-1) === "fields" && typeof path.at(-2) === "number" ? path.slice(0, -1) : path);
  return setIn(text, path, next as Value);
}

/** `inverse: <from>` on relations to `entity` in another file. */
function renameInverses(text: string, entity: string, from: string, to: string | null): string {
  let out = text;
  const fields = (getIn(out, ["fields"]) ?? {}) as Record<string, { to?: unknown; inverse?: unknown }>;
  for (const [name, field] of Object.entries(fields)) {
    if (field?.inverse !== from || field.to !== entity || to === null) continue;
    out = setIn(out, ["fields", name, "inverse"], to);
  }
  return out;
}
