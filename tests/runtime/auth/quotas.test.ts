/**
 * API quotas (weave.yaml `quotas`) through `createServer`, on PGlite and on Postgres: per user,
 * per tenant and anonymous limits answer 429 with Retry-After, every counted answer carries
 * RateLimit-Limit/Remaining, other users are unaffected, sign-in and probes are not counted, and
 * two server instances on one database share the counters.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { hitQuotas } from "../../../runtime/auth/quotas.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { loadSpec, yaml } from "../../helpers/spec-app.ts";

const { ir } = await loadSpec({
  "weave.yaml": yaml`
    {schema}
    weave: 0
    app: demo
    tenancy: { enabled: true }
    quotas:
      perUser: { requests: 3, perSeconds: 3600 }
      perTenant: { requests: 5, perSeconds: 3600 }
      anonymous: { requests: 2, perSeconds: 3600 }
  `,
  "domain/note.entity.yaml": yaml`
    {schema}
    entity: Note
    fields:
      title: { type: string }
    policies:
      read: "true"
  `,
});
const dir = mkdtempSync(join(tmpdir(), "weave-quotas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, planMigration(undefined, ir).steps), ir);

let n = 0;
/** A fresh uuid per use, so tests do not share counters. */
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

test("lowered into the IR; absent without `quotas`", async () => {
  expect(ir.app.quotas).toEqual({ perUser: { requests: 3, perSeconds: 3600 }, perTenant: { requests: 5, perSeconds: 3600 }, anonymous: { requests: 2, perSeconds: 3600 } });
  const plain = await loadSpec({});
  expect("quotas" in plain.ir.app).toBe(false);
});

forEachDatabase("quotas", (target) => {
  let server: WeaveServer;
  let other: WeaveServer;
  const get = (app: WeaveServer, path: string, headers: Record<string, string> = {}) =>
    app.app.handle(new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": "192.0.2.1", ...headers } }));
  const asUser = (user: string, tenant?: string) => ({ "x-weave-user": user, ...(tenant ? { "x-weave-tenant": tenant } : {}) });

  beforeAll(async () => {
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    const options = { log: false as const, devIdentity: true, auth: { trustProxy: true } };
    server = createServer(ir, { database: target.database, ...options });
    // A second instance: its own pool on Postgres; PGlite is one in-process connection.
    other = createServer(ir, { database: target.kind === "postgres" ? target.connect() : target.database, ...options });
  });

  test("per user: the 4th request is a 429 with Retry-After; every counted answer has RateLimit headers", async () => {
    const user = uuid();
    for (const remaining of ["2", "1", "0"]) {
      const response = await get(server, "/api/notes", asUser(user));
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("ratelimit-remaining")).toBe(remaining);
    }
    const refused = await get(server, "/api/notes", asUser(user));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect((await refused.json()).type).toBe("https://weave.dev/problems/too-many-requests");
    // Another user is unaffected.
    expect((await get(server, "/api/notes", asUser(uuid()))).status).toBe(200);
  });

  test("per tenant: users together use up the tenant's quota; another tenant is unaffected", async () => {
    const tenant = uuid();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await get(server, "/api/notes", asUser(uuid(), tenant))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const fresh = await get(server, "/api/notes", asUser(uuid(), uuid()));
    expect(fresh.status).toBe(200);
    // The tightest quota speaks: a fresh user (3) in a fresh tenant (5).
    expect(fresh.headers.get("ratelimit-limit")).toBe("3");
  });

  test("anonymous: counted per client address", async () => {
    const ip = { "x-forwarded-for": "203.0.113.9" };
    expect((await get(server, "/api/notes", ip)).status).toBe(200);
    expect((await get(server, "/api/notes", ip)).status).toBe(200);
    expect((await get(server, "/api/notes", ip)).status).toBe(429);
    expect((await get(server, "/api/notes", { "x-forwarded-for": "203.0.113.10" })).status).toBe(200);
  });

  test("errors after counting carry the headers; sign-in and probes are not counted", async () => {
    const user = uuid();
    const missing = await get(server, `/api/notes/${uuid()}`, asUser(user));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("ratelimit-remaining")).toBe("2");
    for (const path of ["/health", "/metrics", "/api/auth/me"]) {
      const response = await get(server, path, { "x-forwarded-for": "203.0.113.20" });
      expect(response.headers.get("ratelimit-limit")).toBeNull();
    }
  });

  test("two server instances on the same database share the counters", async () => {
    const user = uuid();
    expect((await get(server, "/api/notes", asUser(user))).status).toBe(200);
    expect((await get(other, "/api/notes", asUser(user))).status).toBe(200);
    expect((await get(server, "/api/notes", asUser(user))).headers.get("ratelimit-remaining")).toBe("0");
    expect((await get(other, "/api/notes", asUser(user))).status).toBe(429);
  });

  test("one statement counts the user and the tenant; a new window starts over", async () => {
    const identity = { userId: uuid(), roles: [], tenantId: uuid(), tenantRoles: [] };
    const quotas = { perUser: { requests: 1, perSeconds: 60 }, perTenant: { requests: 10, perSeconds: 60 } };
    const now = Date.UTC(2030, 0, 1, 0, 0, 30);
    expect(await hitQuotas(target.db, quotas, identity, "x", now)).toEqual({ "ratelimit-limit": "1", "ratelimit-remaining": "0", "ratelimit-reset": "30" });
    await expect(hitQuotas(target.db, quotas, identity, "x", now)).rejects.toMatchObject({ status: 429, headers: { "retry-after": "30" } });
    expect(await hitQuotas(target.db, quotas, identity, "x", now + 30_000)).toMatchObject({ "ratelimit-remaining": "0" });
  });
});
