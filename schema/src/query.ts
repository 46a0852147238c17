/** `queries/<name>.query.yaml`: a saved, parameterised, permission-scoped query. */
import { array, doc, int, map, object, ref, str, stringEnum, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

const PATH = "[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*";
const CALL = "(?:count|sum|avg|min|max)\\((?:distinct )?(?:" + PATH + ")?\\)|(?:day|week|month|quarter|year)\\(" + PATH + "\\)";

/** One column of `select`: a path, an aggregate or a bucket, with an optional alias. */
const COLUMN: Schema = str("A column: `number`, `customer.name`, `count()`, `sum(total) as revenue`, `month(issued) as month`.", {
  pattern: `^(?:${CALL}|${PATH})(?: as [a-z][A-Za-z0-9]*)?$`,
  patternErrorMessage: "A column is a field path, an aggregate such as `sum(total)` or a bucket such as `month(issued)`, optionally followed by `as <alias>`",
  examples: ["customer.name", "count()", "sum(total) as revenue", "month(issued) as month"],
});

/** One key of `groupBy`: a path or a date bucket. */
const GROUP_KEY: Schema = str("A field path (`status`, `customer.name`) or a date bucket (`month(issued)`).", {
  pattern: `^(?:(?:day|week|month|quarter|year)\\(${PATH}\\)|${PATH})$`,
  patternErrorMessage: "A group key is a field path or a date bucket such as `month(issued)`",
});

const HAVING: Schema = object(
  "A condition on a column of the groups.",
  {
    column: str("The output column (its alias, or its default name such as `count`)."),
    op: stringEnum("The comparison.", { eq: "equal", ne: "not equal", lt: "less than", lte: "at most", gt: "greater than", gte: "at least" }),
    value: {
      ...doc("A literal, or `{ param: <name> }` for one of the query's params."),
      oneOf: [{ type: ["string", "number", "boolean"] }, object("A parameter of the query.", { param: str("The parameter's name.") }, { required: ["param"] })],
    },
  },
  { required: ["column", "op", "value"] },
);

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
      "The columns returned: field paths (`customer.name`), aggregates (`count()`, `sum(total)`, `avg`, `min`, `max`), " +
        "date buckets (`month(issued)`: `day`, `week`, `month`, `quarter`, `year`), each with an optional alias " +
        "(`sum(total) as revenue`). Default: every field the caller may read.",
      COLUMN,
      { uniqueItems: true, minItems: 1 },
    ),
    groupBy: array(
      "Group the records by these field paths or date buckets (`[month(issued)]`): each row is then one group, and " +
        "every other column is an aggregate.",
      GROUP_KEY,
      { uniqueItems: true, minItems: 1 },
    ),
    having: array(
      "Conditions on the groups (all must hold), e.g. `{ column: revenue, op: gt, value: 1000 }`.",
      HAVING,
      { minItems: 1 },
    ),
    sort: array(
      "The order: output columns (their alias) or field paths, `-` first for descending, e.g. `[-revenue]`.",
      ref("sortKey"),
      { uniqueItems: true },
    ),
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
