/**
 * Seeding the invoicing example's demo data: every entry loads (tenants, users with password
 * hashes and memberships, records by key, states set directly, computed fields by the database),
 * a second run changes nothing, an edited entry is updated in place, and bad data is a SeedError
 * that names file, line, entry and field, with nothing written.
 */
import { beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import { databaseIsEmpty, emptyAppTables, SeedError, seedDatabase, seedSize } from "../../../runtime/seed/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { editedIr, invoicingIr, migrate } from "../write/fixture.ts";

const ALL_CREATED = {
  tenants: { created: 1, updated: 0, unchanged: 0 },
  users: { created: 3, updated: 0, unchanged: 0 },
  records: {
    Customer: { created: 3, updated: 0, unchanged: 0 },
    Invoice: { created: 3, updated: 0, unchanged: 0 },
    Product: { created: 4, updated: 0, unchanged: 0 },
    InvoiceLine: { created: 5, updated: 0, unchanged: 0 },
    Payment: { created: 1, updated: 0, unchanged: 0 },
  },
};

forEachDatabase("seeding the invoicing demo", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = await invoicingIr();
    await migrate(target);
  }, 60_000);

  test("loads every entry of seed/demo.yaml into an empty database", async () => {
    expect(await databaseIsEmpty(target.database, ir)).toBe(true);
    const result = await seedDatabase(target.database, ir, { env: {} });
    expect(result).toMatchObject(ALL_CREATED);
    expect(Object.keys(result.records)).toEqual(["Customer", "Invoice", "Product", "InvoiceLine", "Payment"]);
    expect(await databaseIsEmpty(target.database, ir)).toBe(false);
    expect(seedSize(ir)).toBe(20);
  }, 30_000);

  test("states are set as written, computed fields come from the database, refs point at the records named by key", async () => {
    const { rows } = await sql<{ number: string; status: string; subtotal: string; total: string; customer: string; tenant: string }>`
      select i.number, i.status, i.subtotal, i.total, c.code as customer, t.key as tenant
      from invoices i join customers c on c.id = i.customer_id join weave_tenants t on t.id = i.tenant_id order by i.number`.execute(target.db);
    expect(rows).toEqual([
      { number: "INV-2026-0001", status: "paid", subtotal: "1229.00", total: "1462.51", customer: "globex", tenant: "acme" },
      { number: "INV-2026-0002", status: "sent", subtotal: "730.00", total: "730.00", customer: "initech", tenant: "acme" },
      { number: "INV-2026-0003", status: "draft", subtotal: "1560.00", total: "1856.40", customer: "umbrella", tenant: "acme" },
    ]);
    const lines = await sql<{ product: string | null }>`select p.sku as product from invoice_lines l left join products p on p.id = l.product_id order by l.unit_price`.execute(target.db);
    expect(lines.rows.map((r) => r.product)).toEqual(["HOSTING-M", "CONSULT-H", "CONSULT-H", "SUPPORT-M", null]);
    const customer = await sql<{ address: unknown }>`select address from customers where code = 'globex'`.execute(target.db);
    expect(customer.rows[0]!.address).toEqual({ street: "Friedrichstraße 68", city: "Berlin", postalCode: "10117", country: "DE" });
  }, 30_000);

  test("users get an argon2id hash of their password and their roles per tenant", async () => {
    const { rows } = await sql<{ email: string; name: string; hash: string; tenant: string; roles: string[] }>`
      select u.email, u.name, c.password_hash as hash, t.key as tenant, m.roles from weave_users u
      join weave_credentials c on c.user_id = u.id join weave_memberships m on m.user_id = u.id join weave_tenants t on t.id = m.tenant_id
      order by u.email`.execute(target.db);
    expect(rows.map((r) => [r.email, r.name, r.tenant, [...r.roles]])).toEqual([
      ["admin@acme.test", "Ada Admin", "acme", ["admin"]],
      ["billing@acme.test", "Bill Billing", "acme", ["billing"]],
      ["viewer@acme.test", "Vera Viewer", "acme", ["viewer"]],
    ]);
    expect(rows[1]!.hash).toStartWith("$argon2id$");
    expect(await Bun.password.verify("demo-billing-1", rows[1]!.hash)).toBe(true);
  }, 30_000);

  test("a second run finds everything and changes nothing", async () => {
    const before = await sql<{ id: string; version: number }>`select id, version from invoices order by number`.execute(target.db);
    const result = await seedDatabase(target.database, ir, { env: {} });
    expect(result.tenants).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(result.users).toEqual({ created: 0, updated: 0, unchanged: 3 });
    for (const counts of Object.values(result.records)) expect(counts.created + counts.updated).toBe(0);
    expect((await sql`select id, version from invoices order by number`.execute(target.db)).rows).toEqual(before.rows);
    expect((await sql<{ n: number }>`select count(*)::int as n from invoice_lines`.execute(target.db)).rows[0]!.n).toBe(5);
  }, 30_000);

  test("an edited entry is updated in place, with a new version; an added one is created", async () => {
    const edited = editedIr(ir, (copy) => {
      copy.seed.records.Customer[2].values.name = "Umbrella Labs GmbH";
      copy.seed.users[1].password = "env:BILLING_PASSWORD";
      copy.seed.users[2].tenants[0].roles = ["billing"];
      copy.seed.records.InvoiceLine.push({ tenant: "acme", values: { invoice: "INV-2026-0003", position: 2, description: "Travel", quantity: 1, unitPrice: 90 }, origin: { file: "seed/demo.yaml", line: 1, column: 1 } });
    });
    const result = await seedDatabase(target.database, edited, { env: { BILLING_PASSWORD: "another-password-1" } });
    expect(result.records.Customer).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(result.records.InvoiceLine).toEqual({ created: 1, updated: 0, unchanged: 5 });
    expect(result.users).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const umbrella = await sql<{ name: string; version: number }>`select name, version from customers where code = 'umbrella'`.execute(target.db);
    expect(umbrella.rows[0]).toEqual({ name: "Umbrella Labs GmbH", version: 2 });
    const hash = await sql<{ hash: string }>`select c.password_hash as hash from weave_credentials c join weave_users u on u.id = c.user_id where u.email = 'billing@acme.test'`.execute(target.db);
    expect(await Bun.password.verify("another-password-1", hash.rows[0]!.hash)).toBe(true);
    const draft = await sql<{ subtotal: string }>`select subtotal from invoices where number = 'INV-2026-0003'`.execute(target.db);
    expect(draft.rows[0]!.subtotal).toBe("1650.00");
  }, 30_000);

  const problems: [string, { edit: (copy: any) => void; env?: Record<string, string>; want: RegExp }][] = [
    ["a value of the wrong type", { edit: (c) => (c.seed.records.Invoice[1].values.taxRate = "lots"), want: /^seed\/demo\.yaml:\d+:7: Invoice INV-2026-0002: taxRate: not a decimal number$/ }],
    ["a ref to a key no record has", { edit: (c) => (c.seed.records.Invoice[0].values.customer = "globx"), want: /Invoice INV-2026-0001: customer: no Customer has the key "globx"$/ }],
    ["a broken rule", { edit: (c) => (c.seed.records.Invoice[1].values.due = "2026-01-01"), want: /Invoice INV-2026-0002: due: The due date cannot be before the issue date\. \(rule\)$/ }],
    ["a state the machine lacks", { edit: (c) => (c.seed.records.Invoice[0].values.status = "lost"), want: /status: not one of draft, sent, paid, void$/ }],
    ["a check constraint", { edit: (c) => (c.seed.records.Product[0].values.sku = "lower-case"), want: /Product lower-case: sku: not allowed/ }],
    ["a password from an unset variable", { edit: (c) => (c.seed.users[0].password = "env:ADMIN_PASSWORD"), want: /seed\/demo\.yaml:\d+:5: user admin@acme\.test: password: the environment variable ADMIN_PASSWORD is not set$/ }],
    ["a tenant record without a tenant among several", { edit: (c) => (c.seed.tenants.push({ key: "globex", name: "Globex", origin: c.seed.tenants[0].origin }), delete c.seed.records.Product[0].tenant), want: /Product CONSULT-H: \$tenant: name the tenant this Product belongs to: the seed files create 2 tenants$/ }],
  ];
  test.each(problems)("%s is a SeedError naming file, line, entry and field; nothing is written", async (_name, { edit, env, want }) => {
    await emptyAppTables(target.database, ir);
    const error = await seedDatabase(target.database, editedIr(ir, edit), { env: env ?? {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toMatch(want);
    expect(await databaseIsEmpty(target.database, ir)).toBe(true);
  }, 30_000);

  test("emptyAppTables empties data tables and keeps the migration history", async () => {
    await seedDatabase(target.database, ir, { env: {} });
    const emptied = await emptyAppTables(target.database, ir);
    expect(emptied).toEqual(expect.arrayContaining(["invoices", "weave_users", "weave_tenants", "weave_memberships", "weave_sessions"]));
    expect(emptied).not.toContain("weave_migrations");
    expect(await databaseIsEmpty(target.database, ir)).toBe(true);
    expect((await sql<{ n: number }>`select count(*)::int as n from weave_migrations`.execute(target.db)).rows[0]!.n).toBe(1);
    expect(await seedDatabase(target.database, ir, { env: {} })).toMatchObject(ALL_CREATED);
  }, 30_000);
});
