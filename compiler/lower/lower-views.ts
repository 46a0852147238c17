import type { Field, Views } from "../ir/index.ts";

interface ViewsSpec {
  list?: { columns?: string[]; filters?: string[]; sort?: string[]; search?: boolean; pageSize?: number };
  detail?: { sections?: { label?: string; fields: string[] }[]; tabs?: { label: string; relation?: string; fields?: string[]; audit?: boolean }[] };
  form?: { sections?: { label?: string; fields: string[] }[] };
  kanban?: { by: string; title?: string; fields?: string[] };
}

const NOT_IN_LISTS = new Set(["many", "many-to-many", "json", "richtext", "text", "embedded", "file"]);
const RELATIONS = new Set(["many", "many-to-many"]);

/**
 * Views with the defaults filled in, so the UI never guesses: a list shows the first six
 * listable fields, sorted by key; a detail page shows every field and a tab per relation;
 * a form shows every writable field.
 *
 * @example
 *   lowerViews({}, fields, ["number"], true).list; // { columns: [...], filters: [], sort: ["number"], search: true, pageSize: 25 }
 */
export function lowerViews(spec: ViewsSpec, fields: readonly Field[], key: readonly string[], searchable: boolean): Views {
  const listable = fields.filter((f) => !NOT_IN_LISTS.has(f.type) && !f.hidden).map((f) => f.name);
  const views: Views = {
    list: {
      columns: spec.list?.columns ?? listable.slice(0, 6),
      filters: spec.list?.filters ?? [],
      sort: spec.list?.sort ?? (key.length > 0 ? [...key] : ["-createdAt"]),
      search: spec.list?.search ?? searchable,
      pageSize: spec.list?.pageSize ?? 25,
    },
    detail: {
      sections: spec.detail?.sections ?? [{ fields: fields.filter((f) => !RELATIONS.has(f.type) && !f.hidden).map((f) => f.name) }],
      tabs: spec.detail?.tabs ?? fields.filter((f) => RELATIONS.has(f.type)).map((f) => ({ label: f.label, relation: f.name })),
    },
    form: { sections: spec.form?.sections ?? [{ fields: fields.filter(isWritable).map((f) => f.name) }] },
  };
  if (spec.kanban) views.kanban = { by: spec.kanban.by, title: spec.kanban.title ?? key[0] ?? "id", fields: spec.kanban.fields ?? [] };
  return views;
}

function isWritable(field: Field): boolean {
  return !field.readonly && !field.hidden && field.type !== "state" && !RELATIONS.has(field.type);
}
