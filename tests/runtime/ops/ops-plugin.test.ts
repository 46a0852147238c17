/**
 * The operations plugin in process (`app.handle`), mounted the way the server mounts it: first,
 * with the one problem+json error handler of runtime/server.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Elysia, t } from "elysia";
import { sql } from "kysely";
import { createDatabase, type Database } from "../../../runtime/db/create-database.ts";
import { httpMetrics } from "../../../runtime/ops/http-metrics.ts";
import { noteTenant, type OpsOptions, ops } from "../../../runtime/ops/ops-plugin.ts";
import { requestIdOf } from "../../../runtime/ops/request-id.ts";
import type { RequestLogEntry } from "../../../runtime/ops/request-log.ts";
import { forbidden, payloadTooLarge, problemResponse } from "../../../runtime/server/errors.ts";

const TENANT = "0b6c2f5e-1111-4111-8111-111111111111";
let database: Database;

beforeAll(() => {
  database = createDatabase({ dataDir: "memory" });
});
afterAll(() => database.close());

function appWith(options: Partial<OpsOptions> = {}) {
  const logs: RequestLogEntry[] = [];
  const metrics = httpMetrics();
  const app = new Elysia()
    // A hook mounted before the plugin, as the server's body-size check may be.
    .onRequest(({ request }) => {
      if (request.headers.get("x-refuse")) throw payloadTooLarge("too large");
    })
    .use(ops({ database, log: (e) => logs.push(e as unknown as RequestLogEntry), tenantHeader: "X-Weave-Tenant", metrics, ...options }))
    .onError(({ code, error, request }) => problemResponse(code === "NOT_FOUND" ? Object.assign(forbidden("x"), { status: 404 }) : error, requestIdOf(request), new URL(request.url).pathname, false))
    .get("/api/invoices/:id", ({ params, request }) => {
      noteTenant(request, TENANT);
      return { id: params.id };
    })
    .get("/api/raw", () => new Response("made here", { status: 202 }))
    .get("/api/forbidden", () => {
      throw forbidden("not yours");
    })
    .get("/api/bug", () => {
      throw Object.assign(new Error("the bug"), { code: "XX000", detail: "Key (email)=(ada@example.com) exists" });
    })
    .post("/api/customers", ({ body }) => body, { body: t.Object({ email: t.String({ format: "email" }) }) });
  // Log entries are written after the response is handed over.
  const handle = async (path: string, init: RequestInit = {}) => {
    const response = await app.handle(new Request(`http://localhost${path}`, init));
    await Bun.sleep(1);
    return response;
  };
  return { app, logs, metrics, handle };
}

describe("request ids", () => {
  test("a valid incoming X-Request-Id is kept and echoed; it names the log entry", async () => {
    const { handle, logs } = appWith();
    const response = await handle("/api/invoices/7", { headers: { "x-request-id": "edge-42.a:b_c" } });
    expect(response.headers.get("x-request-id")).toBe("edge-42.a:b_c");
    expect(logs[0]?.requestId).toBe("edge-42.a:b_c");
  });

  const replaced: [string, string][] = [
    ["too long", "x".repeat(129)],
    ["with spaces", "a b"],
    ["with a newline-like escape", "a\\nb"],
    ["empty", ""],
  ];
  test.each(replaced)("an invalid one (%s) is replaced by a new uuid", async (_name, given) => {
    const { handle, logs } = appWith();
    const response = await handle("/api/invoices/7", { headers: { "x-request-id": given } });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs[0]?.requestId).toBe(id!);
  });

  test("errors carry the same id in the header, the problem body and the log", async () => {
    const { handle, logs } = appWith();
    const response = await handle("/api/forbidden");
    const body = (await response.json()) as { requestId: string };
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body.requestId).toBe(response.headers.get("x-request-id")!);
    expect(logs[0]?.requestId).toBe(body.requestId);
  });
});

describe("request logs", () => {
  test("one entry per request with the route pattern, status, duration and tenant; no query, path ids or body", async () => {
    const { handle, logs } = appWith();
    await handle("/api/invoices/4711?filter[email][eq]=ada@example.com", { headers: { "x-weave-tenant": TENANT } });
    await handle("/api/customers?q=secret", { method: "POST", headers: { "content-type": "application/json", "x-weave-tenant": "not-a-uuid" }, body: JSON.stringify({ email: "ada@example.com" }) });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toEqual({ time: expect.any(String), level: "info", msg: "request", requestId: expect.any(String), method: "GET", route: "/api/invoices/:id", status: 200, durationMs: expect.any(Number), tenant: TENANT });
    expect(logs[1]).toMatchObject({ method: "POST", route: "/api/customers", status: 200, tenant: null });
    expect(new Date(logs[0]!.time).toISOString()).toBe(logs[0]!.time);
    const text = JSON.stringify(logs);
    for (const secret of ["4711", "ada@example.com", "secret", "filter"]) expect(text).not.toContain(secret);
  });

  test("the status of a Response a handler made, of an error, of a validation failure and of an unmatched route", async () => {
    const { handle, logs } = appWith();
    await handle("/api/raw");
    await handle("/api/forbidden");
    await handle("/api/customers", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "nope" }) });
    await handle("/api/nothing/here");
    expect(logs.map((l) => [l.route, l.status])).toEqual([
      ["/api/raw", 202],
      ["/api/forbidden", 403],
      ["/api/customers", 422],
      [null, 404],
    ]);
  });

  test("a request refused by a hook mounted before the plugin is still logged and counted, without a duration", async () => {
    const { handle, logs, metrics } = appWith();
    const response = await handle("/api/invoices/1", { headers: { "x-refuse": "1", "x-request-id": "refused-1" } });
    expect(response.status).toBe(413);
    expect(logs).toEqual([expect.objectContaining({ requestId: "refused-1", route: null, status: 413, durationMs: null })]);
    expect(metrics.requests.get(["GET", "unmatched", "413"])).toBe(1);
    expect(metrics.inFlight.get()).toBe(0);
  });

  test("a 5xx is logged at level error with the error's name, message and code, never its detail", async () => {
    const { handle, logs } = appWith();
    const response = await handle("/api/bug");
    expect(response.status).toBe(500);
    expect(logs[0]).toMatchObject({ level: "error", status: 500, error: { name: "Error", message: "the bug", code: "XX000" } });
    expect(JSON.stringify(logs)).not.toContain("ada@example.com");
  });

  test("probe and metrics routes are counted but not logged; log: false silences everything", async () => {
    const { handle, logs, metrics } = appWith();
    for (const path of ["/health", "/ready", "/metrics"]) expect((await handle(path)).status).toBe(200);
    expect(logs).toEqual([]);
    expect(metrics.requests.get(["GET", "/health", "200"])).toBe(1);
    const silent = appWith({ log: false });
    await silent.handle("/api/invoices/1");
    expect(silent.logs).toEqual([]);
  });
});

describe("/metrics", () => {
  test("counts requests by route pattern, method and status, and 5xx as errors", async () => {
    const { handle } = appWith();
    await handle("/api/invoices/1");
    await handle("/api/invoices/2");
    await handle("/api/bug");
    await handle("/api/nothing");
    const response = await handle("/metrics");
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toContain('weave_http_requests_total{method="GET",route="/api/invoices/:id",status="200"} 2\n');
    expect(text).toContain('weave_http_requests_total{method="GET",route="unmatched",status="404"} 1\n');
    expect(text).toContain('weave_http_request_errors_total{method="GET",route="/api/bug"} 1\n');
    expect(text).toContain('weave_http_request_duration_seconds_count{method="GET",route="/api/invoices/:id"} 2\n');
    // The scrape itself is in flight while it renders.
    expect(text).toContain("weave_http_requests_in_flight 1\n");
  });
});

describe("/health and /ready", () => {
  test("/health answers 200 while the process is up", async () => {
    const { handle } = appWith();
    const response = await handle("/health");
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { status: "ok" } });
  });

  test("/ready answers 200 when the database answers select 1", async () => {
    const { handle } = appWith();
    const response = await handle("/ready");
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { status: "ready" } });
  });

  test("/ready answers 503 problem+json while draining", async () => {
    const { handle } = appWith({ draining: () => true });
    const response = await handle("/ready");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: "https://weave.dev/problems/unavailable", status: 503, detail: "the server is shutting down", instance: "/ready" });
  });

  test("/ready answers 503 when the database does not answer within the timeout", async () => {
    // PGlite is one connection: while a transaction holds it, select 1 waits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = database.kysely.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await held;
    });
    try {
      const { handle } = appWith({ readyTimeoutMs: 50 });
      const response = await handle("/ready");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ detail: "the database did not answer within 50 ms" });
    } finally {
      release();
      await transaction;
    }
  });

  test("/ready answers 503 when the database cannot be reached (and production hides why)", async () => {
    const closed = createDatabase({ url: "postgres://nobody@127.0.0.1:1/none", pool: { connectTimeoutSeconds: 1 } });
    try {
      const open = appWith({ database: closed });
      const response = await open.handle("/ready");
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toStartWith("the database cannot be reached: ");
      const production = appWith({ database: closed, production: true });
      expect(await (await production.handle("/ready")).json()).toMatchObject({ status: 503, detail: "the database cannot be reached" });
    } finally {
      await closed.close();
    }
  });
});

describe("test hooks", () => {
  test("X-Weave-Test-Delay holds the request only when testHooks is on", async () => {
    const hooked = appWith({ testHooks: true });
    let started = performance.now();
    await hooked.handle("/api/invoices/1", { headers: { "x-weave-test-delay": "120" } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    const plain = appWith();
    started = performance.now();
    await plain.handle("/api/invoices/1", { headers: { "x-weave-test-delay": "5000" } });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
