/** Edits of an entity's relations, indexes, policies and views. */
import { type Draft, EditRefused } from "./draft.ts";
import { type EditedElement, insertField } from "./entity-edits.ts";
import { after, ENTITY_KEYS, LIST_VIEW_KEYS, POLICY_KEYS, VIEW_KEYS } from "./order.ts";
import { expr, type Value } from "./render.ts";
import type { EditOf } from "./types.ts";
import { appendIn, deleteIn, getIn, setIn } from "./yaml-text.ts";

/** A ref (or one, or many-to-many) field, and on the target the field that lists the other side. */
export function addRelation(draft: Draft, edit: EditOf<"addRelation">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const target = draft.fileOf(edit.to);
  if (getIn(draft.read(file)!, ["fields", edit.field]) !== undefined) throw new EditRefused(`${edit.entity} already has a field ${edit.field}`);
  if (edit.inverse && getIn(draft.read(target)!, ["fields", edit.inverse]) !== undefined) throw new EditRefused(`${edit.to} already has a field ${edit.inverse}`);
  const props: Record<string, Value> = { type: edit.type };
  if (edit.label) props.label = edit.label;
  props.to = edit.to;
  if (edit.type === "many-to-many" && edit.inverse) props.inverse = edit.inverse;
  if (edit.required) props.required = true;
  if (edit.onDelete) props.onDelete = edit.onDelete;
  insertField(draft, file, edit.field, props);
  // A many-to-many names its other side on one side only; a ref's other side is a `many` naming it.
  if (edit.inverse) insertField(draft, target, edit.inverse, edit.type === "many-to-many" ? { type: "many-to-many", to: edit.entity } : { type: "many", to: edit.entity, inverse: edit.field });
  return { file, path: ["fields", edit.field] };
}

export function addIndex(draft: Draft, edit: EditOf<"addIndex">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const index: Record<string, Value> = {};
  if (edit.name) index.name = edit.name;
  index.fields = edit.fields;
  if (edit.unique) index.unique = true;
  if (edit.where) index.where = expr(edit.where);
  draft.update(file, (text) => appendIn(text, ["indexes"], index, { before: after(ENTITY_KEYS, "indexes") }));
  const count = (getIn(draft.read(file)!, ["indexes"]) as unknown[]).length;
  return { file, path: ["indexes", count - 1] };
}

export function setPolicies(draft: Draft, edit: EditOf<"setPolicies">): EditedElement {
  const file = draft.fileOf(edit.entity);
  for (const key of POLICY_KEYS) {
    const value = (edit.policies as Record<string, string | null | undefined>)[key];
    if (value === undefined) continue;
    const path = ["policies", key];
    draft.update(file, (text) => (value === null ? deleteIn(text, path) : setIn(text, path, expr(value), { before: after(POLICY_KEYS, key) })));
  }
  return { file, path: ["policies"] };
}

export function setListView(draft: Draft, edit: EditOf<"setListView">): EditedElement {
  const file = draft.fileOf(edit.entity);
  setView(draft, file, "columns", edit.columns);
  if (edit.filters) setView(draft, file, "filters", edit.filters);
  return { file, path: ["views", "list"] };
}

function setView(draft: Draft, file: string, key: string, names: readonly string[]): void {
  const path = ["views", "list", key];
  draft.update(file, (text) => {
    if (names.length === 0) return deleteIn(text, path);
    // A missing views section starts as `views:` / `list:` blocks, as the examples write them.
    if (getIn(text, ["views"]) === undefined) return setIn(text, ["views"], { list: { [key]: names } }, { before: after(ENTITY_KEYS, "views") });
    if (getIn(text, ["views", "list"]) === undefined) return setIn(text, ["views", "list"], { [key]: names }, { before: after(VIEW_KEYS, "list") });
    return setIn(text, path, names, { before: after(LIST_VIEW_KEYS, key) });
  });
}

export function setSections(draft: Draft, edit: EditOf<"setSections">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const path = ["views", edit.view, "sections"];
  const sections = edit.sections.map((s) => ({ label: s.label, fields: s.fields }));
  draft.update(file, (text) => {
    if (sections.length === 0) return deleteIn(text, path);
    if (getIn(text, ["views"]) === undefined) return setIn(text, ["views"], { [edit.view]: { sections } }, { before: after(ENTITY_KEYS, "views") });
    if (getIn(text, ["views", edit.view]) === undefined) return setIn(text, ["views", edit.view], { sections }, { before: after(VIEW_KEYS, edit.view) });
    return setIn(text, path, sections);
  });
  return { file, path: ["views", edit.view] };
}
