/**
 * GET /api/_inspect exists only on a development server (devIdentity, as `weave dev` runs), and
 * answers what `weave inspect` shows.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { inspectGenerated, inspectModel } from "../../../compiler/generators/inspect/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { createDatabase, createServer, type Database } from "../../../runtime/index.ts";
import { invoicingIr } from "../write/fixture.ts";

let ir: IR;
let database: Database;
beforeAll(async () => {
  ir = await invoicingIr();
  // The route reads only the model: a database that is never opened is enough.
  database = createDatabase({ dataDir: "memory" });
});
afterAll(() => database.close());

const get = (devIdentity: boolean, path: string) => createServer(ir, { database, devIdentity, log: false }).app.handle(new Request(`http://localhost${path}`));

test("in development it answers inspectModel's result for ?element=", async () => {
  const response = await get(true, "/api/_inspect?element=Invoice.status");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(JSON.parse(JSON.stringify(inspectModel(ir, "Invoice.status"))));
  expect(((await (await get(true, "/api/_inspect")).json()) as { kind: string }).kind).toBe("app");
});

test("?generated= answers what made a generated element; nothing by that name is a 404", async () => {
  const response = await get(true, `/api/_inspect?generated=${encodeURIComponent("GET /api/invoices/{id}")}`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(JSON.parse(JSON.stringify(inspectGenerated(ir, "GET /api/invoices/{id}"))));
  const missing = await get(true, "/api/_inspect?generated=nope");
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { detail: string }).detail).toStartWith("nothing generated is named nope; try for example: customers, ");
});

test("an unknown element is a 404 problem naming the choices", async () => {
  const response = await get(true, "/api/_inspect?element=Nope");
  expect(response.status).toBe(404);
  expect(((await response.json()) as { detail: string }).detail).toBe("no entity Nope in invoicing; valid: Customer, Invoice, InvoiceLine, Payment, Product");
});

test("outside development the route does not exist (404)", async () => {
  const response = await get(false, "/api/_inspect?element=Invoice");
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
});
