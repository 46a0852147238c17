/**
 * The generated API of the invoicing example, end to end through `createServer` (in process,
 * `app.handle`), on PGlite and on Postgres: every route kind, and the OpenAPI document lists
 * exactly the routes that exist.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { join, resolve } from "node:path";
import { routeTable } from "../../../compiler/generators/openapi/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { forEachDatabase } from "../../helpers/db.ts";

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
const TENANT = "00000000-0000-4000-8000-00000000000a";
const USER = "00000000-0000-4000-8000-000000000001";

forEachDatabase("the invoicing API", (target) => {
  let server: WeaveServer;
  const as = (roles: string) => ({ [ir!.app.tenancy.header]: TENANT, "x-weave-user": USER, "x-weave-tenant-roles": roles });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, roles = "admin") => {
    const init: RequestInit = { method, headers: { ...as(roles), ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await server.app.handle(new Request(`http://localhost${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    expect((await applyMigrations(target.database, { dir: join(example, "migrations") })).problems).toEqual([]);
    server = createServer(ir!, { database: target.database, devIdentity: true, log: false, appDir: example });
  });

  let customer: { id: string };
  let invoice: { id: string; version: number };

  test("create: 201 with the record, defaults applied", async () => {
    const created = await call("POST", "/api/customers", { code: "globex", name: "Globex GmbH", email: "ap@globex.test" });
    expect(created.status).toBe(201);
    customer = created.body;
    expect(created.body).toMatchObject({ code: "globex", name: "Globex GmbH", version: 1 });
    const made = await call("POST", "/api/invoices", { number: "INV-2026-0001", customer: customer.id, due: "2026-12-31" });
    expect(made.status).toBe(201);
    invoice = made.body;
    expect(made.body).toMatchObject({ status: "draft", customer: customer.id, due: "2026-12-31" });
  });

  test("create with an unknown key or a bad value is a 400 naming it", async () => {
    const unknown = await call("POST", "/api/customers", { code: "x1", name: "X", colour: "red" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toContain("/colour");
  });

  test("get by id and by key; 404 for an unknown id", async () => {
    expect((await call("GET", `/api/invoices/${invoice.id}`)).body.number).toBe("INV-2026-0001");
    expect((await call("GET", "/api/invoices/by-key/INV-2026-0001")).body.id).toBe(invoice.id);
    expect((await call("GET", "/api/invoices/00000000-0000-4000-8000-0000000000ff")).status).toBe(404);
  });

  test("lines: the related collection, and totals that follow them", async () => {
    for (const [description, quantity, unitPrice] of [["Consulting", 3, "120.00"], ["Hosting", 1, "29.00"]] as const) {
      expect((await call("POST", "/api/invoice-lines", { invoice: invoice.id, description, quantity, unitPrice })).status).toBe(201);
    }
    const lines = await call("GET", `/api/invoices/${invoice.id}/lines?sort=description`);
    expect(lines.body.data.map((l: { description: string }) => l.description)).toEqual(["Consulting", "Hosting"]);
    expect((await call("GET", `/api/invoices/${invoice.id}`)).body.subtotal).toBe("389.00");
  });

  test("list with filter, sort, include, fields and count", async () => {
    const list = await call("GET", "/api/invoices?filter[status][eq]=draft&sort=-number&include=customer,lines&count=true&fields=number,status");
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(1);
    expect(list.body.data[0]).toMatchObject({ number: "INV-2026-0001", status: "draft" });
    expect(list.body.data[0]._included.customer.code).toBe("globex");
    expect(list.body.data[0]._included.lines).toHaveLength(2);
    const bad = await call("GET", "/api/invoices?filter[totl][eq]=1");
    expect(bad.status).toBe(400);
  });

  test("update with If-Match: a stale version is a 412", async () => {
    const current = (await call("GET", `/api/invoices/${invoice.id}`)).body;
    const updated = await call("PATCH", `/api/invoices/${invoice.id}`, { notes: "thanks" }, { "if-match": `"${current.version}"` });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(current.version + 1);
    expect((await call("PATCH", `/api/invoices/${invoice.id}`, { notes: "again" }, { "if-match": `"${current.version}"` })).status).toBe(412);
  });

  test("a transition checks its policy, runs and is audited", async () => {
    expect((await call("POST", `/api/invoices/${invoice.id}/transitions/send`, {}, {}, "viewer")).status).toBe(403);
    const sent = await call("POST", `/api/invoices/${invoice.id}/transitions/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe("sent");
    expect((await call("POST", `/api/invoices/${invoice.id}/transitions/send`, {})).status).toBe(409);
    const audit = await call("GET", `/api/_audit?entity=Invoice&id=${invoice.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.data.map((a: { action: string }) => a.action)).toContain("transition");
  });

  test("delete follows its policy: a sent invoice is refused, a draft one deleted", async () => {
    expect((await call("DELETE", `/api/invoices/${invoice.id}`)).status).toBe(403);
    const draft = (await call("POST", "/api/invoices", { number: "INV-2026-0002", customer: customer.id })).body;
    expect((await call("DELETE", `/api/invoices/${draft.id}`)).status).toBe(204);
    expect((await call("GET", `/api/invoices/${draft.id}`)).status).toBe(404);
  });

  test("actions run their handlers: a record action returns a record, a collection action its output", async () => {
    const copy = await call("POST", `/api/invoices/${invoice.id}/actions/duplicate`);
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ status: "draft", customer: customer.id, subtotal: "389.00" });
    expect(copy.body.id).not.toBe(invoice.id);
    const reminded = await call("POST", "/api/invoices/actions/remind-overdue", { olderThanDays: 0 });
    expect(reminded).toMatchObject({ status: 200, body: { reminded: 0 } });
    expect((await call("POST", "/api/invoices/actions/remind-overdue", { olderThanDays: -1 })).status).toBe(400);
  });

  test("a transition needs no body", async () => {
    const draft = (await call("POST", "/api/invoices", { number: "INV-2026-0003", customer: customer.id })).body;
    const voided = await call("POST", `/api/invoices/${draft.id}/transitions/void`);
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe("void");
  });

  test("without a tenant, a tenant-scoped entity is refused", async () => {
    const response = await server.app.handle(new Request("http://localhost/api/invoices"));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  test("every route of the OpenAPI document exists, and no other", async () => {
    const document = (await call("GET", "/api/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== "parameters").map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const routes = routeTable(ir!).map((r) => `${r.method} ${r.openApiPath}`).sort();
    expect(documented).toEqual(routes);
    // Each documented route answers (a missing record is a 404 problem, but never "no such route").
    for (const route of routeTable(ir!)) {
      const path = route.path.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-0000000000ff");
      const abort = new AbortController();
      const response = await server.app.handle(new Request(`http://localhost${path}`, { method: route.method, headers: as("admin"), signal: abort.signal }));
      const detail = response.headers.get("content-type") === "application/problem+json" ? (await response.json()).detail : "";
      abort.abort(); // ends the event stream of /api/_events
      expect(`${route.method} ${route.path}: ${detail}`).not.toEndWith("no such route");
      expect(response.status).not.toBe(405);
    }
  });
});
