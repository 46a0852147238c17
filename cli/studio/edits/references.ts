/**
 * A renamed or removed field, followed through the places that name it: the entity's key, search,
 * indexes, rules, machines, field policies and views (detail tabs too), the `inverse` of relations
 * pointing at it from other entities, and their views' paths through a ref (`customer.name`). Expressions are left to the compiler, which reports what they still name.
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
  for (const other of draft.entityFiles()) {
    draft.update(other, (text) => renameInverses(text, entity, from, to));
    draft.update(other, (text) => renameThroughRefs(text, entity, from, to));
  }
}

/**
 * Paths in views that reach the field through a ref to its entity: `customer.name` in Invoice's
 * list columns when Customer.name is renamed or removed.
 */
function renameThroughRefs(text: string, entity: string, from: string, to: string | null): string {
  const fields = (getIn(text, ["fields"]) ?? {}) as Record<string, { type?: unknown; to?: unknown } | null>;
  const refs = new Set(Object.entries(fields).flatMap(([name, f]) => ((f?.type === "ref" || f?.type === "one") && f.to === entity ? [name] : [])));
  if (refs.size === 0) return text;
  const rename: Rename = (name) => {
    const descending = name.startsWith("-");
    const [head, field, ...rest] = name.replace(/^-/, "").split(".");
    if (head === undefined || !refs.has(head) || field !== from) return name;
    return to === null ? null : `${descending ? "-" : ""}${[head, to, ...rest].join(".")}`;
  };
  let out = text;
  for (const path of listPaths(out).filter((p) => p[0] === "views")) out = renameInList(out, path, rename);
  const title = getIn(out, ["views", "kanban", "title"]);
  if (typeof title === "string" && rename(title) !== title) {
    const next = rename(title);
    out = next === null ? deleteIn(out, ["views", "kanban", "title"]) : setIn(out, ["views", "kanban", "title"], next);
  }
  return out;
}

function renameInFile(text: string, rename: Rename, from: string, to: string | null): string {
  let out = text;
  for (const path of listPaths(out)) out = renameInList(out, path, rename);
  // Last first: removing a tab must not shift the index of one still to visit.
  for (const path of namePaths(out).reverse()) {
    const value = getIn(out, path);
    if (typeof value !== "string") continue;
    const next = rename(value);
    // A tab listing a removed relation goes as a whole; other names go alone.
    const gone = path.includes("tabs") ? path.slice(0, -1) : path;
    out = next === null ? deleteIn(out, gone) : next !== value ? setIn(out, path, next) : out;
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
  (getIn(text, ["views", "detail", "tabs"]) as unknown[] | undefined)?.forEach((_, i) => paths.push(["views", "detail", "tabs", i, "relation"]));
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
