/**
 * The operations plugin: a request id on every request (echoed in `X-Request-Id`), one structured
 * log entry and one metrics sample per answered request, and the `/health`, `/ready` and
 * `/metrics` routes. Mount it before anything else, so its timer starts first and every answer,
 * errors included, is logged and counted.
 */
import { Elysia, StatusMap } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../db/create-database.ts";
import type { ServerOptions } from "../server/context.ts";
import { problemResponse } from "../server/errors.ts";
import { type HttpMetrics, httpMetrics, UNMATCHED_ROUTE } from "./http-metrics.ts";
import { EXPOSITION_CONTENT_TYPE } from "./metrics.ts";
import { readiness } from "./probes.ts";
import { requestIdOf } from "./request-id.ts";
import { errorSummary, jsonLines, type LogSink, type RequestLogEntry } from "./request-log.ts";

export interface OpsOptions {
  readonly database: Database;
  /** Where request logs go. Default: JSON lines on stdout; `false` silences them. */
  readonly log?: LogSink | false;
  /** The app's tenancy header: its value is logged as `tenant` when it is a uuid (unless `noteTenant` said otherwise). */
  readonly tenantHeader?: string;
  /** The registry to record into. Default: a new one with the app's name and model hash. */
  readonly metrics?: HttpMetrics;
  /** For `weave_app_info`. */
  readonly app?: { readonly name: string; readonly hash: string };
  /** How long /ready waits for the database. Default 2000 ms. */
  readonly readyTimeoutMs?: number;
  /** /ready answers 503 while this returns true: set while the server drains before shutting down. */
  readonly draining?: () => boolean;
  /** Trims internals from /ready's problem details. */
  readonly production?: boolean;
  /**
   * Tests only: honour `X-Weave-Test-Delay: <ms>` (at most 30000) by waiting that long before the
   * route's handler runs, so a test can hold a request in flight. `weave dev` and `weave serve`
   * turn it on when the environment has WEAVE_TEST_HOOKS=1.
   */
  readonly testHooks?: boolean;
  /** Paths that are counted but not logged. Default: the probe and metrics routes. */
  readonly quietPaths?: readonly string[];
}

/** The routes this plugin adds. */
export const OPS_PATHS = { health: "/health", ready: "/ready", metrics: "/metrics" } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEST_DELAY_MS = 30_000;

interface RequestState {
  readonly started: number;
  tenant?: string | null;
}

const states = new WeakMap<Request, RequestState>();

/**
 * Records the tenant a request runs in, for its log entry; call it once identity is resolved.
 *
 * @example
 *   noteTenant(request, identity.tenantId);
 */
export function noteTenant(request: Request, tenantId: string | null): void {
  const state = states.get(request);
  if (state) state.tenant = tenantId;
}

/**
 * The operations plugin.
 *
 * @example
 *   const app = new Elysia()
 *     .use(ops({ database, tenantHeader: ir.app.tenancy.header, app: { name: ir.app.name, hash: ir.hash } }))
 *     .get("/api/things", () => []);
 *   await app.handle(new Request("http://localhost/metrics"));
 */
export function ops(options: OpsOptions) {
  const metrics = options.metrics ?? httpMetrics(options.app ? { app: options.app.name, hash: options.app.hash } : {});
  const log = options.log === false ? undefined : (options.log ?? jsonLines());
  const quiet = new Set(options.quietPaths ?? Object.values(OPS_PATHS));
  const production = options.production ?? false;

  const plugin = new Elysia({ name: "weave/ops" })
    .onRequest(({ request, set }) => {
      states.set(request, { started: performance.now() });
      metrics.inFlight.add([], 1);
      set.headers["x-request-id"] = requestIdOf(request);
    })
    .onAfterResponse({ as: "global" }, (context) => {
      // No state: a hook mounted before this plugin refused the request (a 413, say). It is still
      // counted and logged, without a duration.
      const state = states.get(context.request);
      if (state) metrics.inFlight.add([], -1);
      const ms = state ? performance.now() - state.started : null;
      const { route, status, error } = answerOf(context as unknown as AnswerContext);
      const method = context.request.method;
      metrics.record({ method, route: route ?? UNMATCHED_ROUTE, status, seconds: ms === null ? null : ms / 1000 });
      if (!log || (route !== null && quiet.has(route))) return;
      const entry: RequestLogEntry = {
        time: new Date().toISOString(),
        level: status >= 500 ? "error" : "info",
        msg: "request",
        requestId: requestIdOf(context.request),
        method,
        route,
        status,
        durationMs: ms === null ? null : Math.round(ms * 100) / 100,
        tenant: state?.tenant !== undefined ? state.tenant : tenantFromHeader(context.request, options.tenantHeader),
        ...(status >= 500 && error !== undefined ? { error: errorSummary(error) } : {}),
      };
      log(entry as unknown as Record<string, unknown>);
    })
    .get(OPS_PATHS.health, () => ({ status: "ok" }))
    .get(OPS_PATHS.ready, async ({ request }) => {
      const problem = await readiness(options.database, { timeoutMs: options.readyTimeoutMs, draining: options.draining, production });
      if (!problem) return { status: "ready" };
      return problemResponse(problem, requestIdOf(request), OPS_PATHS.ready, production);
    })
    .get(OPS_PATHS.metrics, () => new Response(metrics.registry.render(), { headers: { "content-type": EXPOSITION_CONTENT_TYPE } }));

  return options.testHooks ? plugin.onBeforeHandle({ as: "global" }, ({ request }) => testDelay(request)) : plugin;
}

/** Server options the operations plugin reads, beyond those of `ServerOptions`. */
export interface OpsServerOptions {
  /** /ready answers 503 while this returns true. `weave dev` and `weave serve` set it when shutting down. */
  readonly draining?: () => boolean;
  /** See `OpsOptions.testHooks`. */
  readonly testHooks?: boolean;
  /** How long /ready waits for the database. Default 2000 ms. */
  readonly readyTimeoutMs?: number;
  /** A registry to record into, e.g. to read it in tests. */
  readonly metrics?: HttpMetrics;
}

/**
 * The operations plugin for a server serving `ir` with `options`: what `createServer` mounts first.
 *
 * @example
 *   const app = new Elysia({ name: "weave" }).use(opsFor(ir, options)).onRequest(...).onError(...);
 */
export function opsFor(ir: IR, options: ServerOptions & OpsServerOptions) {
  return ops({
    database: options.database,
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(ir.app.tenancy.enabled ? { tenantHeader: ir.app.tenancy.header } : {}),
    app: { name: ir.app.name, hash: ir.hash },
    production: options.production ?? process.env.NODE_ENV === "production",
    ...(options.draining ? { draining: options.draining } : {}),
    ...(options.testHooks ? { testHooks: true } : {}),
    ...(options.readyTimeoutMs !== undefined ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}

/** The parts of Elysia's after-response context that tell how a request was answered. */
interface AnswerContext {
  readonly route?: string;
  readonly code?: string | number;
  readonly error?: unknown;
  readonly response?: unknown;
  readonly responseValue?: unknown;
  readonly set: { status?: number | string };
}

/**
 * The route pattern and status of an answered request. A handler's Response carries its own
 * status; an error's status is in `set.status` once the error handler ran, except for an
 * unmatched route (Elysia answers it without touching `set`) and for an error thrown before
 * routing (an onRequest hook), whose own `status` tells.
 */
function answerOf(context: AnswerContext): { route: string | null; status: number; error?: unknown } {
  const route = context.code === "NOT_FOUND" ? null : (context.route ?? null);
  const response = context.responseValue ?? context.response;
  if (response instanceof Response) return { route, status: response.status };
  if (context.code === "NOT_FOUND") return { route, status: 404 };
  const set = typeof context.set.status === "number" ? context.set.status : (StatusMap[context.set.status as keyof typeof StatusMap] ?? 200);
  if (context.error === undefined) return { route, status: set };
  const own = (context.error as { status?: unknown }).status;
  const status = set !== 200 ? set : typeof own === "number" && own >= 400 && own < 600 ? own : 500;
  return { route, status, error: context.error };
}

function tenantFromHeader(request: Request, header: string | undefined): string | null {
  const value = header ? request.headers.get(header)?.trim() : undefined;
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

async function testDelay(request: Request): Promise<void> {
  const ms = Number(request.headers.get("x-weave-test-delay"));
  if (Number.isFinite(ms) && ms > 0) await Bun.sleep(Math.min(ms, MAX_TEST_DELAY_MS));
}
