/**
 * Operations: request ids, structured request logs, Prometheus metrics, health and readiness
 * probes, and graceful shutdown.
 *
 * @example
 *   const app = new Elysia().use(ops({ database, tenantHeader: "X-Weave-Tenant" })).get(...);
 *   const server = Bun.serve({ port: 3000, fetch: app.fetch });
 *   onTerminationSignal(() => drainAndClose({ server, close: () => database.close() }));
 */
export { httpMetrics, UNMATCHED_ROUTE, type HttpMetrics, type RequestSample } from "./http-metrics.ts";
export { Counter, DURATION_BUCKETS, EXPOSITION_CONTENT_TYPE, Gauge, Histogram, Metrics } from "./metrics.ts";
export { noteTenant, OPS_PATHS, ops, opsFor, type OpsOptions, type OpsServerOptions } from "./ops-plugin.ts";
export { READY_TIMEOUT_MS, readiness } from "./probes.ts";
export { REQUEST_ID_PATTERN, requestIdOf } from "./request-id.ts";
export { errorSummary, jsonLines, textLines, type LogSink, type RequestLogEntry } from "./request-log.ts";
export { drainAndClose, onTerminationSignal, SHUTDOWN_TIMEOUT_MS, type DrainOptions, type DrainResult } from "./shutdown.ts";
