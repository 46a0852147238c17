/**
 * The invoicing example on PGlite and on Postgres: its committed migrations (written by
 * `weave migrate create`) bring it up from empty; tenant isolation holds for raw SQL; stored
 * computed values follow writes; and both databases end with the same schema.
 */
import { expect, test } from "bun:test";
import { join, resolve } from "node:path";
import { sql, type Transaction } from "kysely";
import { applyMigrations } from "../../../../runtime/db/migrations/apply.ts";
import { catalogShape, readCatalog } from "../../../helpers/catalog.ts";
import { databaseKinds, forEachDatabase } from "../../../helpers/db.ts";

const TENANT_A = "00000000-0000-4000-8000-00000000000a";
const TENANT_B = "00000000-0000-4000-8000-00000000000b";
const example = resolve(import.meta.dir, "../../../../examples/invoicing");
const shapes = new Map<string, unknown>();

async function seedTenant(trx: Transaction<any>, code: string): Promise<string> {
  const customer = await sql<{ id: string }>`insert into customers (code, name) values (${code}, ${`Customer ${code}`}) returning id`.execute(trx);
  const invoice = await sql<{ id: string }>`insert into invoices (number, customer_id) values (${"INV-2026-0001"}, ${customer.rows[0]!.id}) returning id`.execute(trx);
  return invoice.rows[0]!.id;
}

forEachDatabase("the invoicing example", (target) => {
  test("its committed migrations apply from empty", async () => {
    const result = await applyMigrations(target.database, { dir: join(example, "migrations") });
    expect(result.problems).toEqual([]);
    expect(result.applied.map((a) => a.migration.name)).toContain("initial");
    shapes.set(target.kind, catalogShape(await readCatalog(target.db)));
  });

  test("row-level security hides another tenant's rows, even from a query without a tenant filter", async () => {
    await target.asApp({ tenantId: TENANT_A }, (trx) => seedTenant(trx, "alpha"));
    await target.asApp({ tenantId: TENANT_B }, (trx) => seedTenant(trx, "beta"));
    const seenBy = (tenantId: string | undefined) =>
      target.asApp(tenantId ? { tenantId } : {}, async (trx) => (await sql<{ code: string }>`select code from customers order by code`.execute(trx)).rows.map((r) => r.code));
    expect(await seenBy(TENANT_A)).toEqual(["alpha"]);
    expect(await seenBy(TENANT_B)).toEqual(["beta"]);
    expect(await seenBy(undefined)).toEqual([]);
  });

  test("a row cannot be written into another tenant", async () => {
    const write = target.asApp({ tenantId: TENANT_A }, (trx) => sql`insert into customers (tenant_id, code, name) values (${TENANT_B}, 'sneaky', 'Sneaky')`.execute(trx));
    await expect(write).rejects.toThrow(/row-level security/);
  });

  test("a reference cannot point at another tenant's row", async () => {
    const otherCustomer = await target.asApp({ tenantId: TENANT_B }, async (trx) => (await sql<{ id: string }>`select id from customers`.execute(trx)).rows[0]!.id);
    const write = target.asApp({ tenantId: TENANT_A }, (trx) => sql`insert into invoices (number, customer_id) values ('INV-2026-0099', ${otherCustomer})`.execute(trx));
    await expect(write).rejects.toThrow(/foreign key/);
  });

  test("the materialized subtotal and the generated total follow every line written", async () => {
    const totals = await target.asApp({ tenantId: TENANT_A }, async (trx) => {
      const invoice = (await sql<{ id: string }>`select id from invoices`.execute(trx)).rows[0]!.id;
      await sql`insert into invoice_lines (invoice_id, description, quantity, unit_price) values (${invoice}, 'Consulting', 3, 120.00), (${invoice}, 'Hosting', 1, 29.00)`.execute(trx);
      const after = async () => (await sql<{ subtotal: string; total: string }>`select subtotal, total from invoices where id = ${invoice}`.execute(trx)).rows[0]!;
      const inserted = await after();
      await sql`delete from invoice_lines where description = 'Hosting'`.execute(trx);
      return [inserted, await after()];
    });
    expect(totals.map((t) => [String(t.subtotal), String(t.total)])).toEqual([["389.00", "462.91"], ["360.00", "428.40"]]);
  });

  test("state, enum and pattern checks reject bad values", async () => {
    const bad = (statement: ReturnType<typeof sql>) => target.asApp({ tenantId: TENANT_A }, (trx) => statement.execute(trx));
    await expect(bad(sql`update invoices set status = 'lost'`)).rejects.toThrow(/invoices_status_check/);
    await expect(bad(sql`insert into customers (code, name) values ('Not A Slug', 'x')`)).rejects.toThrow(/customers_code_pattern/);
  });
});

test.skipIf(databaseKinds.length < 2)("PGlite and Postgres end with the same schema (skipped without DATABASE_URL)", () => {
  expect(shapes.get("postgres")).toEqual(shapes.get("pglite"));
});
