/** The views of an entity: how its generated screens look. Field names may be dotted paths. */
import { array, bool, doc, int, object, ref, str, type Schema } from "./dsl.ts";

const paths = (markdown: string) => array(markdown, ref("fieldPath"), { uniqueItems: true });

const viewSnippets = [
  {
    label: "list view",
    body: { list: { columns: ["${1:number}"], filters: ["${2:status}"], sort: ["${3:-number}"], search: true } },
  },
  { label: "detail view", body: { detail: { sections: [{ label: "${1:Summary}", fields: ["${2:number}"] }] } } },
  { label: "form view", body: { form: { sections: [{ label: "${1:Details}", fields: ["${2:number}"] }] } } },
  { label: "kanban view", body: { kanban: { by: "${1:status}", title: "${2:number}" } } },
];

export const viewDefinitions: Record<string, Schema> = {
  views: object(
    "The entity's generated screens. Each view is optional: weave derives what is missing from the fields.",
    {
      list: ref("listView"),
      detail: ref("detailView"),
      form: ref("formView"),
      kanban: ref("kanbanView"),
    },
    { title: "Views", defaultSnippets: viewSnippets },
  ),
  listView: object(
    "The table of records.",
    {
      columns: paths("The columns, in order. Default: the first six fields that fit in a table."),
      filters: paths("The fields offered as filters above the table."),
      sort: array(
        "The default order: field paths, `-` first for descending, e.g. `[-due, number]`. Default: by the key, else newest first.",
        ref("sortKey"),
        {
          uniqueItems: true,
        },
      ),
      search: bool(
        "Show a search box over the entity's `search` fields. Default: `true` when the entity has `search` fields.",
      ),
      pageSize: int("Rows per page. Default 25.", { minimum: 1, maximum: 1000, default: 25 }),
    },
    { title: "ListView" },
  ),
  detailView: object(
    "The page of one record: sections of fields, then tabs.",
    {
      sections: array("The sections, in order. Default: one section with every field.", ref("section"), {
        minItems: 1,
      }),
      tabs: array(
        "The tabs under the sections: a related list, or the record's history. Default: a tab per `many` relation.",
        ref("tab"),
      ),
    },
    { title: "DetailView" },
  ),
  formView: object(
    "The create and edit form. Fields the user may not write are shown read-only or left out.",
    {
      sections: array("The sections, in order. Default: one section with every writable field.", ref("section"), {
        minItems: 1,
      }),
    },
    { title: "FormView" },
  ),
  kanbanView: object(
    "A board with a column per value of a state or enum field; moving a card runs the transition or sets the value.",
    {
      by: ref("fieldName", "The `state` or `enum` field whose values are the columns."),
      title: ref("fieldPath", "The field shown as the card's title. Default: the key."),
      fields: paths("Further fields shown on each card."),
    },
    { title: "KanbanView", required: ["by"] },
  ),
  section: object(
    "A titled group of fields.",
    {
      label: str("The section's heading."),
      fields: paths("The fields, in order. An `embedded` field shows all its nested fields."),
    },
    { title: "Section", required: ["fields"], examples: [{ label: "Summary", fields: ["number", "customer"] }] },
  ),
  tab: {
    title: "Tab",
    ...doc("A tab of the detail page: a related list (`relation`) or the record's history (`audit: true`)."),
    oneOf: [ref("relationTab"), ref("auditTab")],
    defaultSnippets: [
      { label: "related list tab", body: { label: "${1:Lines}", relation: "${2:lines}" } },
      { label: "history tab", body: { label: "${1:History}", audit: true } },
    ],
  },
  relationTab: object(
    "A tab listing the records of a relation.",
    {
      label: str("The tab's title."),
      relation: ref("fieldName", "A `many` or `many-to-many` field: the tab lists its records."),
    },
    { title: "RelationTab", required: ["label", "relation"], examples: [{ label: "Lines", relation: "lines" }] },
  ),
  auditTab: object(
    "A tab showing the record's history: who changed what, when.",
    {
      label: str("The tab's title."),
      audit: { ...doc("Show the record's history."), const: true },
    },
    { title: "AuditTab", required: ["label", "audit"], examples: [{ label: "History", audit: true }] },
  ),
};
