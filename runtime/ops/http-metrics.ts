/**
 * The metrics a weave server exports at /metrics: requests by route, method and status, server
 * errors, a duration histogram per route, requests in flight, and a few process gauges.
 * Labels are route patterns (`/api/invoices/:id`), never raw paths, so their number stays bounded.
 */
import { type Counter, type Gauge, type Histogram, Metrics } from "./metrics.ts";

/** The `route` label of a request that matched no route. */
export const UNMATCHED_ROUTE = "unmatched";

/** One answered request, as the metrics see it. */
export interface RequestSample {
  readonly method: string;
  /** The route pattern, or `UNMATCHED_ROUTE`. */
  readonly route: string;
  readonly status: number;
  /** Null when unknown (the request was refused before it was timed): counted, not observed. */
  readonly seconds: number | null;
}

export interface HttpMetrics {
  readonly registry: Metrics;
  readonly requests: Counter;
  readonly errors: Counter;
  readonly duration: Histogram;
  readonly inFlight: Gauge;
  record(sample: RequestSample): void;
}

/**
 * A registry with weave's HTTP and process metrics.
 *
 * @example
 *   const http = httpMetrics({ app: "invoicing", hash: ir.hash });
 *   http.record({ method: "GET", route: "/api/invoices", status: 200, seconds: 0.004 });
 *   http.registry.render();
 */
export function httpMetrics(info: { app?: string; hash?: string } = {}): HttpMetrics {
  const registry = new Metrics();
  const requests = registry.counter("weave_http_requests_total", "HTTP requests answered, by route pattern, method and status.", ["method", "route", "status"]);
  const errors = registry.counter("weave_http_request_errors_total", "HTTP requests answered with a 5xx status, by route pattern and method.", ["method", "route"]);
  const duration = registry.histogram("weave_http_request_duration_seconds", "Time from receiving a request to handing over its response, by route pattern and method.", ["method", "route"]);
  const inFlight = registry.gauge("weave_http_requests_in_flight", "HTTP requests received and not yet answered.");
  inFlight.set([], 0);
  processGauges(registry);
  if (info.app !== undefined) registry.gauge("weave_app_info", "The app being served and the hash of its model; always 1.", ["app", "hash"]).set([info.app, info.hash ?? ""], 1);
  return {
    registry,
    requests,
    errors,
    duration,
    inFlight,
    record({ method, route, status, seconds }) {
      requests.inc([method, route, String(status)]);
      if (status >= 500) errors.inc([method, route]);
      if (seconds !== null) duration.observe([method, route], seconds);
    },
  };
}

const started = Date.now() / 1000;

// Read when /metrics is scraped, so they cost nothing per request.
function processGauges(registry: Metrics): void {
  registry.gauge("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.", [], () => [[[], started]]);
  registry.gauge("process_resident_memory_bytes", "Resident memory size, in bytes.", [], () => [[[], process.memoryUsage().rss]]);
  registry.gauge("process_heap_used_bytes", "JavaScript heap in use, in bytes.", [], () => [[[], process.memoryUsage().heapUsed]]);
  registry.counter("process_cpu_seconds_total", "User and system CPU time spent, in seconds.", [], () => {
    const { user, system } = process.cpuUsage();
    return [[[], (user + system) / 1e6]];
  });
}
