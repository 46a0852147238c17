/**
 * The access matrix of the invoicing example, through the API (`createServer(...).app.handle`,
 * dev identity headers), on PGlite and on Postgres: every entity x route kind x role (admin,
 * billing, viewer, none) x own/other tenant. The expected answer comes from `ORACLE`, written from
 * the example's policies as the spec means them (not from the engine); an entity, transition or
 * action the oracle does not know fails the suite. Another tenant's record answers exactly like a
 * missing one. Then field hiding (Customer.email: billing only), filters and sorts on a hidden
 * field, and `_can` against the oracle.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { routeTable, type Route } from "../../../compiler/generators/openapi/index.ts";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
if (!ir) throw new Error("the invoicing example does not compile");

const OWN = "00000000-0000-4000-8000-0000000000a1";
const OTHER = "00000000-0000-4000-8000-0000000000b2";
const USER = "00000000-0000-4000-8000-000000000011";
const MISSING = "00000000-0000-4000-8000-0000000000ff";

const ROLES = ["admin", "billing", "viewer", "none"] as const;
type Role = (typeof ROLES)[number];

// The example's policies in words: members read everything; billing (and admin, who inherits it)
// writes; admin deletes (invoices only as drafts); lines follow a draft invoice.
const billing = (r: Role) => r === "admin" || r === "billing";
const admin = (r: Role) => r === "admin";
interface Expect {
  readonly create: (r: Role) => boolean;
  readonly update: (r: Role) => boolean;
  readonly delete: (r: Role) => boolean;
  readonly transitions?: Record<string, (r: Role) => boolean>;
  readonly actions?: Record<string, (r: Role) => boolean>;
}
const ORACLE: Record<string, Expect> = {
  Customer: { create: billing, update: billing, delete: admin },
  Product: { create: billing, update: billing, delete: admin },
  Payment: { create: billing, update: billing, delete: admin },
  InvoiceLine: { create: billing, update: billing, delete: billing },
  Invoice: {
    create: billing,
    update: billing,
    delete: admin,
    transitions: { send: billing, pay: billing, void: admin },
    actions: { duplicate: billing, remindOverdue: billing },
  },
};

const entities = ir.entities.filter((e) => !e.generated);
const routes = routeTable(ir).filter((r) => r.entity && ["list", "get", "create", "update", "delete", "transition", "action"].includes(r.kind) && r.lookup !== "key");

test("the oracle covers every entity, transition and action of the model", () => {
  for (const entity of entities) {
    const row = ORACLE[entity.name];
    expect(row, `oracle for ${entity.name}`).toBeDefined();
    for (const t of entity.states.flatMap((m) => m.transitions)) expect(row!.transitions?.[t.name], `${entity.name}.${t.name}`).toBeDefined();
    for (const a of entity.actions) expect(row!.actions?.[a.name], `${entity.name}.${a.name}`).toBeDefined();
  }
});

forEachDatabase("the access matrix of the invoicing example", (target) => {
  let server: WeaveServer;
  let dir: string;
  let serial = 0;
  const headers = (role: Role, tenant: string): Record<string, string> => ({
    [ir.app.tenancy.header]: tenant,
    "x-weave-user": USER,
    ...(role === "none" ? {} : { "x-weave-tenant-roles": role }),
  });
  const call = async (method: string, path: string, role: Role = "admin", tenant = OWN, body?: unknown) => {
    const init: RequestInit = { method, headers: { ...headers(role, tenant), ...(body === undefined ? {} : { "content-type": "application/json" }) } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await server.app.handle(new Request(`http://localhost${path}`, init));
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const made = async (path: string, body: unknown): Promise<string> => {
    const response = await call("POST", path, "admin", OWN, body);
    if (response.status !== 201) throw new Error(`set-up POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  };

  // Fresh records in the own tenant, made by an admin, so every case starts from the state it needs.
  const fixtures = {
    customer: () => made("/api/customers", { code: `c${++serial}`, name: `Customer ${serial}`, email: `c${serial}@example.test` }),
    product: () => made("/api/products", { sku: `SKU-${++serial}`, name: `Product ${serial}`, unitPrice: "10.00" }),
    draft: async () => {
      const id = await made("/api/invoices", { number: `INV-2026-${String(++serial).padStart(4, "0")}`, customer: await fixtures.customer(), due: "2026-12-31" });
      await made("/api/invoice-lines", { invoice: id, description: "Work", quantity: 1, unitPrice: "100.00" });
      return id;
    },
    sent: async () => {
      const id = await fixtures.draft();
      expect((await call("POST", `/api/invoices/${id}/transitions/send`)).status).toBe(200);
      return id;
    },
    paid: async () => {
      const id = await fixtures.sent();
      const total = (await call("GET", `/api/invoices/${id}`)).body.total;
      await made("/api/payments", { invoice: id, amount: total });
      return id;
    },
    line: async () => made("/api/invoice-lines", { invoice: await fixtures.draft(), description: "Extra", quantity: 2, unitPrice: "5.00" }),
    payment: async () => made("/api/payments", { invoice: await fixtures.sent(), amount: "1.00" }),
  };
  const record: Record<string, () => Promise<string>> = { Customer: fixtures.customer, Product: fixtures.product, Invoice: fixtures.draft, InvoiceLine: fixtures.line, Payment: fixtures.payment };
  const createBody: Record<string, () => Promise<Record<string, unknown>>> = {
    Customer: async () => ({ code: `n${++serial}`, name: "New", email: `n${serial}@example.test` }),
    Product: async () => ({ sku: `NEW-${++serial}`, name: "New", unitPrice: "1.00" }),
    Invoice: async () => ({ number: `INV-2026-${String(++serial).padStart(4, "0")}`, customer: await fixtures.customer() }),
    InvoiceLine: async () => ({ invoice: await fixtures.draft(), description: "New", quantity: 1, unitPrice: "1.00" }),
    Payment: async () => ({ invoice: await fixtures.sent(), amount: "1.00" }),
  };
  const updateBody: Record<string, Record<string, unknown>> = { Customer: { name: "Changed" }, Product: { name: "Changed" }, Invoice: { notes: "changed" }, InvoiceLine: { description: "Changed" }, Payment: { reference: "changed" } };
  const transitionSubject: Record<string, () => Promise<string>> = { send: fixtures.draft, pay: fixtures.paid, void: fixtures.draft };

  beforeAll(async () => {
    const plan = planMigration(undefined, ir);
    expect(plan.problems).toEqual([]);
    dir = mkdtempSync(join(tmpdir(), "weave-matrix-"));
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    server = createServer(ir, { database: target.database, devIdentity: true, log: false, appDir: example });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A 404 body with the ids and request ids taken out, to compare a hidden record with a missing one. */
  const shape = (body: Record<string, unknown>, id: string) => JSON.parse(JSON.stringify({ ...body, requestId: undefined }).replaceAll(id, "<id>"));

  const item = (route: Route, id: string) => route.path.replace(":id", id);

  /** Runs one cell: returns the status it got, and checks what it must. */
  async function cell(route: Route, role: Role, tenant: string): Promise<void> {
    const entity = route.entity!;
    const row = ORACLE[entity]!;
    const other = tenant === OTHER;
    const label = `${route.method} ${route.path} as ${role}${other ? " (other tenant)" : ""}`;
    switch (route.kind) {
      case "list": {
        const id = await record[entity]!();
        const response = await call("GET", route.path + "?page[size]=100", role, tenant);
        expect(response.status, label).toBe(200);
        const ids = response.body.data.map((r: { id: string }) => r.id);
        expect(ids.includes(id), label).toBe(!other);
        return;
      }
      case "create": {
        const body = await createBody[entity]!();
        const response = await call("POST", route.path, role, tenant, body);
        // In the other tenant a record can be made, but never one that points into this tenant.
        const refersAcross = other && Object.values(body).some((v) => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v));
        if (!row.create(role)) expect(response.status, label).toBe(403);
        else if (refersAcross) expect(response.status, label).toBeGreaterThanOrEqual(400);
        else expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBe(201);
        return;
      }
      case "action":
        if (route.scope === "collection") {
          const response = await call("POST", route.path, role, tenant, {});
          expect(response.status, label).toBe(row.actions![route.action!]!(role) ? 200 : 403);
          return;
        }
    }
    // Item routes: the record is in the own tenant.
    const id = route.kind === "transition" ? await transitionSubject[route.transition!]!() : await record[entity]!();
    const method = route.method.toUpperCase();
    const body = route.kind === "update" ? updateBody[entity] : route.kind === "get" || route.kind === "delete" ? undefined : {};
    const response = await call(method, item(route, id), role, tenant, body);
    if (other) {
      const missing = await call(method, item(route, MISSING), role, tenant, body);
      expect(response.status, label).toBe(404);
      expect(shape(response.body, id), label).toEqual(shape(missing.body, MISSING));
      return;
    }
    const rules: Record<string, ((r: Role) => boolean) | undefined> = { get: () => true, update: row.update, delete: row.delete, transition: row.transitions?.[route.transition!], action: row.actions?.[route.action!] };
    const allowed = rules[route.kind];
    const ok = { get: 200, update: 200, delete: 204, transition: 200, action: 200 }[route.kind as "get"];
    expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBe(allowed!(role) ? ok : 403);
  }

  for (const route of routes) {
    describe(`${route.method.toUpperCase()} ${route.path}`, () => {
      for (const role of ROLES) {
        test(`${role}, own tenant`, () => cell(route, role, OWN));
        test(`${role}, other tenant`, () => cell(route, role, OTHER));
      }
    });
  }

  describe("_can says what the oracle says", () => {
    for (const role of ROLES) {
      test(`a draft invoice, as ${role}`, async () => {
        const id = await fixtures.draft();
        const { body } = await call("GET", `/api/invoices/${id}`, role);
        const row = ORACLE.Invoice!;
        expect(body._can).toMatchObject({
          update: row.update(role),
          delete: row.delete(role), // a draft
          transitions: { send: row.transitions!.send!(role), pay: false, void: row.transitions!.void!(role) },
          actions: { duplicate: row.actions!.duplicate!(role) },
        });
        expect(body._can.fields.includes("notes")).toBe(row.update(role));
        expect(body._can.fields).not.toContain("status"); // only transitions change it
      });
    }

    test("a sent invoice cannot be deleted or sent again, even by an admin; _can is in lists and includes too", async () => {
      const id = await fixtures.sent();
      const list = await call("GET", `/api/invoices?filter[number][eq]=${(await call("GET", `/api/invoices/${id}`)).body.number}&include=customer`);
      const [invoice] = list.body.data;
      expect(invoice._can).toMatchObject({ update: true, delete: false, transitions: { send: false, pay: true, void: true } });
      expect(invoice._included.customer._can).toMatchObject({ update: true, delete: true });
    });
  });

  describe("field hiding: Customer.email is for billing", () => {
    let customer: string;
    let invoice: string;
    beforeAll(async () => {
      invoice = await fixtures.draft();
      customer = (await call("GET", `/api/invoices/${invoice}`)).body.customer;
    });

    for (const role of ROLES) {
      const sees = billing(role);
      test(`${role} ${sees ? "sees" : "does not see"} it in get, list, include and write responses`, async () => {
        const got = await call("GET", `/api/customers/${customer}`, role);
        expect("email" in got.body).toBe(sees);
        const listed = await call("GET", `/api/customers?page[size]=100`, role);
        expect(listed.body.data.some((c: Record<string, unknown>) => "email" in c)).toBe(sees);
        const included = await call("GET", `/api/invoices/${invoice}?include=customer`, role);
        expect("email" in included.body._included.customer).toBe(sees);
        const lines = await call("GET", `/api/invoices?include=customer&page[size]=100`, role);
        expect(lines.body.data.some((i: any) => "email" in i._included.customer)).toBe(sees);
        expect(JSON.stringify([got.body, listed.body, included.body, lines.body]).includes("@example.test")).toBe(sees);
      });

      test(`${role}: filtering or sorting by it is ${sees ? "allowed" : "a 400"}`, async () => {
        for (const query of ["filter[email][eq]=c1@example.test", "filter[email][startsWith]=c", "sort=email", "sort=-email"]) {
          const response = await call("GET", `/api/customers?${query}`, role);
          expect(response.status, query).toBe(sees ? 200 : 400);
          if (!sees) expect(response.body.errors[0].code).toBe("fieldRead");
        }
      });
    }

    test("a billing user's write response shows it; the audit keeps it", async () => {
      const response = await call("PATCH", `/api/customers/${customer}`, "billing", OWN, { email: "new@example.test" });
      expect(response.status).toBe(200);
      expect(response.body.email).toBe("new@example.test");
    });
  });
});
