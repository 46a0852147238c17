/** WV330-WV333: saved query columns and dashboards. */
import { yaml } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER, INVOICE } from "./fixtures.ts";

const query = (lines: string) => yaml`
  {schema}
  query: totals
  from: Invoice
  ${lines}
`;

const dashboard = (widget: string) => yaml`
  {schema}
  dashboard: overview
  widgets:
    - ${widget}
`;

const ENTITIES = { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": INVOICE };
const TOTALS = query("groupBy: [customer.name]\n  select: [customer.name, sum(total) as revenue]");

export const queryColumns: CodeTable = [
  ["WV330", {
    name: "a sum of a text field",
    given: { ...ENTITIES, "queries/totals.query.yaml": query("groupBy: [customer.name]\n  select: [customer.name, sum(number) as revenue]") },
    want: { file: "queries/totals.query.yaml", line: 5, column: 25, message: "sum needs a number, but `number` is string" },
    fixed: { ...ENTITIES, "queries/totals.query.yaml": TOTALS },
  }],
  ["WV331", {
    name: "a plain column in a grouped query",
    given: { ...ENTITIES, "queries/totals.query.yaml": query("groupBy: [customer.name]\n  select: [number, sum(total) as revenue]") },
    want: { file: "queries/totals.query.yaml", line: 5, column: 10, message: "`number` is neither grouped nor aggregated" },
    fixed: { ...ENTITIES, "queries/totals.query.yaml": TOTALS },
  }],
  ["WV332", {
    name: "a sort by a column the grouped query does not have",
    given: { ...ENTITIES, "queries/totals.query.yaml": query("groupBy: [customer.name]\n  select: [customer.name, sum(total) as revenue]\n  sort: [-revenu]") },
    want: { file: "queries/totals.query.yaml", line: 6, column: 8, message: "the query has no column `revenu` to sort by", hint: "did you mean `revenue`?" },
    fixed: { ...ENTITIES, "queries/totals.query.yaml": query("groupBy: [customer.name]\n  select: [customer.name, sum(total) as revenue]\n  sort: [-revenue]") },
  }],
  ["WV333", {
    name: "a dashboard widget passing a param its query does not take",
    given: { ...ENTITIES, "queries/totals.query.yaml": TOTALS, "ui/overview.dashboard.yaml": dashboard("{ name: totals, type: bar, query: totals, params: { year: 2026 } }") },
    want: { file: "ui/overview.dashboard.yaml", line: 4, column: 57, message: "saved query `totals` has no parameter `year`" },
    fixed: { ...ENTITIES, "queries/totals.query.yaml": TOTALS, "ui/overview.dashboard.yaml": dashboard("{ name: totals, type: bar, query: totals, x: customer.name, y: [revenue] }") },
  }],
];
