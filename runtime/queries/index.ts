/**
 * The query layer: saved queries (`GET /api/queries/<name>`), queries sent as JSON by the DSL
 * (`POST /api/query`), and dashboards for `/api/_meta`. Every query is ONE statement carrying the
 * tenant and read policy of each entity it reads; identifiers come from the IR, values only as
 * parameters.
 *
 * @example
 *   await runSavedQuery(ctx, "revenueByMonth", new URLSearchParams());
 *   await runAdHocQuery(ctx, { from: "Invoice", select: [{ field: "status" }, { agg: "count" }], groupBy: [{ field: "status" }] });
 *   dashboardsFor(ctx); // the dashboards with the widgets the caller may run
 */
export { runAdHocQuery } from "./ad-hoc-query.ts";
export { compileQuery, type CompiledPlan, type QueryPlan, type ResultColumn } from "./compile-query.ts";
export { dashboardsFor, type MetaDashboard } from "./dashboards.ts";
export { parseQueryJson, LIMITS } from "./parse-query-json.ts";
export type { QueryJson, QuerySelection, QueryJoin } from "./query-json.ts";
export { registerQueryRoutes } from "./routes.ts";
export { runQueryPlan, type QueryResult } from "./run-query.ts";
export { mayRun, parseParams, runSavedQuery, savedPlan, SAVED_QUERY_LIMIT } from "./saved-query.ts";
