/** `ui/<name>.dashboard.yaml`: a dashboard of widgets, each bound to a saved query. */
import { array, int, map, object, ref, str, stringEnum } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

const NAME = "^[a-z][A-Za-z0-9]*$";

const widget = object(
  "A widget: a saved query's rows as a number, a table or a chart.",
  {
    name: str("The widget's name: camelCase, unique in the dashboard. i18n key `dashboard.<dashboard>.widget.<name>.label`.", { pattern: NAME, patternErrorMessage: "Widget names are camelCase, like `revenueByMonth`" }),
    label: str("The widget's title. Default: the query's label."),
    description: str("A line under the title."),
    type: stringEnum("How the rows are shown.", {
      number: "One value: the first row's `y` column (default: its last column).",
      table: "The rows as a table (`columns`, default all).",
      bar: "Bars: `x` categories, one series per `y` column.",
      line: "Lines over `x`, one per `y` column.",
      pie: "Slices: `x` labels, the first `y` column as sizes.",
    }),
    query: ref("queryName", "The saved query whose rows the widget shows."),
    params: map("Values of the query's params (default: the params' own defaults).", "fieldName", { type: ["string", "number", "boolean"] }),
    x: str("The column of categories (bar, line, pie). Default: the first column."),
    y: array("The value columns (bar, line: a series each; pie and number: the first). Default: the last column.", { type: "string" }, { minItems: 1, uniqueItems: true }),
    columns: array("table: the columns shown, in order. Default: all.", { type: "string" }, { minItems: 1, uniqueItems: true }),
    span: int("The widget's width in grid columns, 1 to 4. Default 2 (a number: 1).", { minimum: 1, maximum: 4 }),
  },
  { required: ["name", "type", "query"] },
);

/** The root of dashboard.schema.json. */
export const dashboard: RootSpec = {
  kind: "dashboard",
  title: "DashboardSpec",
  doc:
    "A dashboard of a weave app (`ui/<name>.dashboard.yaml`): widgets bound to saved queries. `/api/_meta` lists it with " +
    "only the widgets whose query the caller may run. See spec/dashboard.md.",
  required: ["dashboard", "widgets"],
  properties: {
    dashboard: str("The dashboard's name: camelCase, unique across the app.", { pattern: NAME, patternErrorMessage: "Dashboard names are camelCase, like `billing`" }),
    label: str("Display name. Default: the name in words. i18n key `dashboard.<dashboard>.label`."),
    description: str("What the dashboard is for."),
    widgets: array("The widgets, in reading order.", widget, { minItems: 1 }),
  },
  snippets: [
    {
      label: "new dashboard",
      body: { dashboard: "${1:overview}", widgets: [{ name: "${2:byStatus}", type: "${3:bar}", query: "${4:invoicesByStatus}" }] },
    },
  ],
};
