/**
 * Rows of the invoicing example for the read suites, written as the app role inside each tenant
 * (the tenant default and row-level security apply as in production). Tenant A has three customers,
 * three products, seven invoices with lines and payments; tenant B has a look-alike customer and
 * invoice that tenant A must never see.
 */
import { sql, type Transaction } from "kysely";
import type { TestDatabase } from "../../helpers/db.ts";
import { TENANT_A, TENANT_B } from "./fixtures.ts";

/** The invoices of tenant A: number suffix, customer code, status, issued, due, tax rate, notes. */
const INVOICES = [
  ["0001", "acme", "sent", "2026-01-05", "2026-02-01", "19", "Quarterly retainer"],
  ["0002", "acme", "paid", "2026-01-10", "2026-02-10", "19", null],
  ["0003", "globex", "draft", "2026-01-12", null, "7", "Reduced rate books"],
  ["0004", "globex", "sent", "2026-01-20", "2026-02-01", "19", "hosting renewal"],
  ["0005", "initech", "draft", "2026-02-01", null, "0", "Reverse charge"],
  ["0006", "initech", "void", "2026-02-03", "2026-03-01", "19", null],
  ["0007", "acme", "sent", "2026-02-05", "2026-03-05", "19", "Consulting and hosting"],
] as const;

/** Lines: invoice suffix, description, quantity, unit price, product sku. */
const LINES = [
  ["0001", "Consulting", 3, "120.00", "CONSULT-H"],
  ["0001", "Hosting", 1, "29.00", "HOST-M"],
  ["0002", "Consulting", 1, "120.00", "CONSULT-H"],
  ["0003", "Books", 2, "10.00", null],
  ["0004", "Hosting", 12, "29.00", "HOST-M"],
  ["0006", "Misc", 1, "50.00", null],
  ["0007", "Consulting", 5, "120.00", "CONSULT-H"],
] as const;

/** Payments: invoice suffix, amount, method, reference. */
const PAYMENTS = [
  ["0001", "100.00", "bank", "TX-1"],
  ["0002", "142.80", "card", "TX-2"],
  ["0007", "714.00", "bank", "TX-3"],
] as const;

/** What the seed wrote, by human key, for assertions. */
export interface Seeded {
  readonly customers: Record<string, string>;
  readonly products: Record<string, string>;
  /** Invoice id by number suffix ("0001"). */
  readonly invoices: Record<string, string>;
  readonly otherTenant: { readonly customer: string; readonly invoice: string };
}

const one = async (trx: Transaction<any>, query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(trx)).rows[0]!.id;

export async function seedInvoicing(target: TestDatabase): Promise<Seeded> {
  const a = await target.asApp({ tenantId: TENANT_A }, async (trx) => {
    const customers: Record<string, string> = {
      acme: await one(trx, sql`insert into customers (code, name, email, address) values ('acme', 'Acme Corp', 'billing@acme.test', '{"city": "Berlin", "country": "DE"}') returning id`),
      globex: await one(trx, sql`insert into customers (code, name, address) values ('globex', 'Globex', '{"city": "Paris", "country": "FR"}') returning id`),
      initech: await one(trx, sql`insert into customers (code, name) values ('initech', 'Initech Ltd') returning id`),
    };
    const products: Record<string, string> = {
      "CONSULT-H": await one(trx, sql`insert into products (sku, name, unit_price) values ('CONSULT-H', 'Consulting hour', 120.00) returning id`),
      "HOST-M": await one(trx, sql`insert into products (sku, name, unit_price) values ('HOST-M', 'Hosting month', 29.00) returning id`),
      "OLD-1": await one(trx, sql`insert into products (sku, name, unit_price, active) values ('OLD-1', 'Retired', 10.00, false) returning id`),
    };
    const invoices: Record<string, string> = {};
    for (const [n, customer, status, issued, due, taxRate, notes] of INVOICES) {
      invoices[n] = await one(
        trx,
        sql`insert into invoices (number, customer_id, status, issued, due, tax_rate, notes) values (${`INV-2026-${n}`}, ${customers[customer]}, ${status}, ${issued}::date, ${due}::date, ${taxRate}::numeric, ${notes}) returning id`,
      );
    }
    for (const [n, description, quantity, price, sku] of LINES) {
      await sql`insert into invoice_lines (invoice_id, description, quantity, unit_price, product_id) values (${invoices[n]}, ${description}, ${quantity}, ${price}::numeric, ${sku ? products[sku]! : null})`.execute(trx);
    }
    for (const [n, amount, method, reference] of PAYMENTS) {
      await sql`insert into payments (invoice_id, amount, method, reference) values (${invoices[n]}, ${amount}::numeric, ${method}, ${reference})`.execute(trx);
    }
    return { customers, products, invoices };
  });
  const otherTenant = await target.asApp({ tenantId: TENANT_B }, async (trx) => {
    const customer = await one(trx, sql`insert into customers (code, name) values ('acme', 'Acme B') returning id`);
    const invoice = await one(trx, sql`insert into invoices (number, customer_id, notes) values ('INV-2026-0001', ${customer}, 'hosting elsewhere') returning id`);
    await sql`insert into invoice_lines (invoice_id, description, quantity, unit_price) values (${invoice}, 'Hosting', 1, 99.00)`.execute(trx);
    return { customer, invoice };
  });
  return { ...a, otherTenant };
}
