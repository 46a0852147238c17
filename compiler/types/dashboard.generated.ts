/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A field name: camelCase, unique within its entity (or its embedded object, action input, query params).
 *
 * This interface was referenced by `DashboardSpec`'s JSON-Schema
 * via the `definition` "fieldName".
 */
export type FieldName = string;
/**
 * A saved query name: camelCase, unique across the app.
 *
 * This interface was referenced by `DashboardSpec`'s JSON-Schema
 * via the `definition` "queryName".
 */
export type QueryName = string;

/**
 * A dashboard of a weave app (ui/<name>.dashboard.yaml): widgets bound to saved queries. /api/_meta lists it with only the widgets whose query the caller may run. See spec/dashboard.md.
 */
export interface DashboardSpec {
  /**
   * The dashboard's name: camelCase, unique across the app.
   */
  dashboard: string;
  /**
   * Display name. Default: the name in words. i18n key dashboard.<dashboard>.label.
   */
  label?: string;
  /**
   * What the dashboard is for.
   */
  description?: string;
  /**
   * The widgets, in reading order.
   *
   * @minItems 1
   *
   * Items: A widget: a saved query's rows as a number, a table or a chart.
   */
  widgets: [
    {
      /**
       * The widget's name: camelCase, unique in the dashboard. i18n key dashboard.<dashboard>.widget.<name>.label.
       */
      name: string;
      /**
       * The widget's title. Default: the query's label.
       */
      label?: string;
      /**
       * A line under the title.
       */
      description?: string;
      /**
       * How the rows are shown.
       */
      type: "number" | "table" | "bar" | "line" | "pie";
      /**
       * The saved query whose rows the widget shows.
       */
      query: QueryName;
      /**
       * Values of the query's params (default: the params' own defaults).
       */
      params?: {
        [k: string]: string | number | boolean | undefined;
      };
      /**
       * The column of categories (bar, line, pie). Default: the first column.
       */
      x?: string;
      /**
       * The value columns (bar, line: a series each; pie and number: the first). Default: the last column.
       *
       * @minItems 1
       */
      y?: [string, ...string[]];
      /**
       * table: the columns shown, in order. Default: all.
       *
       * @minItems 1
       */
      columns?: [string, ...string[]];
      /**
       * The widget's width in grid columns, 1 to 4. Default 2 (a number: 1).
       */
      span?: number;
    },
    ...{
      /**
       * The widget's name: camelCase, unique in the dashboard. i18n key dashboard.<dashboard>.widget.<name>.label.
       */
      name: string;
      /**
       * The widget's title. Default: the query's label.
       */
      label?: string;
      /**
       * A line under the title.
       */
      description?: string;
      /**
       * How the rows are shown.
       */
      type: "number" | "table" | "bar" | "line" | "pie";
      /**
       * The saved query whose rows the widget shows.
       */
      query: QueryName;
      /**
       * Values of the query's params (default: the params' own defaults).
       */
      params?: {
        [k: string]: string | number | boolean | undefined;
      };
      /**
       * The column of categories (bar, line, pie). Default: the first column.
       */
      x?: string;
      /**
       * The value columns (bar, line: a series each; pie and number: the first). Default: the last column.
       *
       * @minItems 1
       */
      y?: [string, ...string[]];
      /**
       * table: the columns shown, in order. Default: all.
       *
       * @minItems 1
       */
      columns?: [string, ...string[]];
      /**
       * The widget's width in grid columns, 1 to 4. Default 2 (a number: 1).
       */
      span?: number;
    }[]
  ];
}
