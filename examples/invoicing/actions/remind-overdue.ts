/**
 * Invoice.remindOverdue: finds the sent invoices overdue by at least `olderThanDays` and
 * publishes an `invoice.reminderDue` event for each, after the request commits. Sending the
 * email itself belongs to whoever listens (a mail transport comes with the auth issue).
 */
import { sql, type Transaction } from "kysely";

interface Context {
  readonly db: Transaction<any>;
  emit(type: string, data?: Record<string, unknown>, id?: string): void;
}

export default async function remindOverdue(input: { olderThanDays?: number }, { db, emit }: Context): Promise<{ reminded: number }> {
  const days = input.olderThanDays ?? 7;
  const overdue = await sql<{ id: string; number: string }>`
    select id, number from invoices
    where status = 'sent' and due < (now() at time zone 'utc')::date - ${days}::int
    order by due`.execute(db);
  for (const invoice of overdue.rows) emit("reminderDue", { number: invoice.number }, invoice.id);
  return { reminded: overdue.rows.length };
}
