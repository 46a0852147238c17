import { afterAll, describe, expect, test } from "bun:test";
import { t } from "elysia";
import { resolve } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import { createDatabase } from "../../../runtime/db/index.ts";
import { buildServer, type ServerParts } from "../../../runtime/server/create-server.ts";
import { conflict } from "../../../runtime/server/errors.ts";

const { ir } = await compileApp(resolve(import.meta.dir, "../../../examples/invoicing"));
const database = createDatabase({ dataDir: "memory" });
afterAll(() => database.close());

const parts: ServerParts = {
  openapi: { openapi: "3.1.0" },
  events: { publish: () => {}, subscribe: () => () => {} },
  routes: (app, contextFor) => {
    app.get("/api/whoami", async ({ request }) => (await contextFor(request)).identity);
    app.post("/api/echo", ({ body }) => body, { body: t.Object({ name: t.String({ minLength: 2 }) }, { additionalProperties: false }) });
    app.get("/api/conflict", () => {
      throw conflict("already there");
    });
    app.get("/api/bug", () => {
      throw new Error("secret internals");
    });
  },
};
const server = buildServer(ir!, { database, devIdentity: true }, parts);
const call = (path: string, init?: RequestInit) => server.app.handle(new Request(`http://localhost${path}`, init));

describe("buildServer", () => {
  test("an unknown route is a 404 problem+json with the request id", async () => {
    const response = await call("/api/nope", { headers: { "x-request-id": "req-1" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({ type: "https://weave.dev/problems/not-found", title: "Not found", status: 404, detail: "no such route", instance: "/api/nope", requestId: "req-1" });
  });

  test("a WeaveError keeps its status and reason", async () => {
    const response = await call("/api/conflict");
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toBe("already there");
  });

  test("a bug is a 500 that shows its message outside production only", async () => {
    expect((await (await call("/api/bug")).json()).detail).toBe("secret internals");
    const production = buildServer(ir!, { database, production: true }, parts);
    const body = await (await production.app.handle(new Request("http://localhost/api/bug"))).json();
    expect(body.status).toBe(500);
    expect(body.detail).not.toContain("secret");
  });

  test("validation errors name each path", async () => {
    const response = await call("/api/echo", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", extra: 1 }) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/extra", "/name"]);
  });

  test("a body over the limit is a 413", async () => {
    const small = buildServer(ir!, { database, maxBodyBytes: 10 }, parts);
    const response = await small.app.handle(new Request("http://localhost/api/echo", { method: "POST", headers: { "content-type": "application/json", "content-length": "50" }, body: JSON.stringify({ name: "a long enough name" }) }));
    expect(response.status).toBe(413);
  });

  test("dev identity comes from headers; a malformed one is a 400", async () => {
    const user = "00000000-0000-4000-8000-000000000001";
    const tenant = "00000000-0000-4000-8000-00000000000a";
    const ok = await call("/api/whoami", { headers: { "x-weave-user": user, "x-weave-roles": "billing, admin", [ir!.app.tenancy.header]: tenant } });
    expect(await ok.json()).toEqual({ userId: user, roles: ["billing", "admin"], tenantId: tenant, tenantRoles: [] });
    expect((await call("/api/whoami", { headers: { "x-weave-user": "nobody" } })).status).toBe(400);
  });

  test("serves the OpenAPI document and a self-contained docs page", async () => {
    expect(await (await call("/api/openapi.json")).json()).toEqual({ openapi: "3.1.0" });
    const page = await (await call("/api/docs")).text();
    expect(page).toContain('src="/api/docs/swagger-ui-bundle.js"');
    expect((await call("/api/docs/swagger-ui-bundle.js")).status).toBe(200);
    expect((await call("/api/docs/../../etc/passwd")).status).toBe(404);
  });
});
