/** `queries/<name>.query.yaml`: a saved, parameterised, permission-scoped query. */
import { array, int, map, ref, str } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

/** The root of query.schema.json. */
export const query: RootSpec = {
  kind: "query",
  title: "QuerySpec",
  doc:
    "A saved query of a weave app (`queries/<name>.query.yaml`), served as `GET /queries/<name>`. It runs with the " +
    "caller's rights: the entity's read policies still apply. See spec/query.md.",
  required: ["query", "from"],
  properties: {
    query: ref("queryName", "The query's name: camelCase, unique across the app."),
    label: str("Display name. Default: the name in words. i18n key `query.<query>.label`."),
    description: str("What the query answers: shown in API docs."),
    from: ref("entityName", "The entity whose records the query returns."),
    params: map(
      "Parameters by name, typed like fields, read in expressions as `params.<name>` and passed as URL query " +
        "parameters. i18n key `query.<query>.param.<name>.label`.",
      "fieldName",
      ref("inputField"),
      {
        defaultSnippets: [{ label: "new parameter", body: { "${1:asOf}": { type: "${2:date}" } } }],
      },
    ),
    where: ref("expression", "The condition (bool) a record must meet, e.g. `status == 'sent' && due < params.asOf`."),
    select: array(
      "The fields returned (paths across refs allowed, like `customer.name`). Default: every field the caller may read.",
      ref("fieldPath"),
      { uniqueItems: true, minItems: 1 },
    ),
    sort: array("The order: field paths, `-` first for descending.", ref("sortKey"), { uniqueItems: true }),
    limit: int("The most rows returned. Default: no limit beyond the API's paging.", { minimum: 1 }),
    allow: ref(
      "expression",
      "Who may run the query (bool), e.g. `'billing' in user.roles`. Absent: whoever may read `from`.",
    ),
  },
  snippets: [
    {
      label: "new query",
      body: { query: "${1:openInvoices}", from: "${2:Invoice}", where: "${3:status == 'sent'}" },
    },
  ],
};
