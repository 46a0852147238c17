/**
 * Invoice.duplicate: a new draft for the same customer, with the same lines and notes. Runs in
 * the request's transaction (with the request's tenant and row-level security), so the copy and
 * its lines appear together or not at all. Returns the new invoice's id; weave answers with the
 * record.
 */
import { sql, type Transaction } from "kysely";

interface Context {
  readonly record: { id: string; number: string } | null;
  readonly db: Transaction<any>;
}

export default async function duplicate(_input: Record<string, unknown>, { record, db }: Context): Promise<{ id: string }> {
  const number = await nextNumber(db);
  const copy = await sql<{ id: string }>`
    insert into invoices (number, customer_id, due, tax_rate, notes)
    select ${number}, customer_id, null, tax_rate, notes from invoices where id = ${record!.id}
    returning id`.execute(db);
  const id = copy.rows[0]!.id;
  await sql`
    insert into invoice_lines (invoice_id, position, product_id, description, quantity, unit_price)
    select ${id}, position, product_id, description, quantity, unit_price from invoice_lines where invoice_id = ${record!.id}`.execute(db);
  return { id };
}

/** The next free number of this year, INV-<year>-<sequence>, within the tenant (row-level security scopes the query). */
async function nextNumber(db: Transaction<any>): Promise<string> {
  const year = new Date().getUTCFullYear();
  const prefix = `INV-${year}-`;
  const last = await sql<{ number: string | null }>`select max(number) as number from invoices where number like ${`${prefix}%`}`.execute(db);
  const sequence = Number(last.rows[0]?.number?.slice(prefix.length) ?? 0) + 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}
