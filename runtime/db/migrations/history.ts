/**
 * The `weave_migrations` table: one row per applied migration.
 *
 * `completed_at` is null while a migration's concurrently steps have not all run (online mode runs
 * them after the transaction commits); the next apply resumes them.
 */
import { type Generated, type Kysely, sql, type Transaction } from "kysely";

export const HISTORY_TABLE = "weave_migrations";

/**
 * `pg_advisory_lock` key every apply takes, so two applies never interleave: "weave" in ASCII.
 * Advisory locks are per database, so apps in different databases do not wait for each other.
 */
export const MIGRATION_LOCK_KEY = 0x7765617665;

/** One row of weave_migrations. */
export interface HistoryRow {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
  readonly ir_hash: string | null;
  readonly applied_at: Date;
  readonly duration_ms: number | null;
  readonly completed_at: Date | null;
}

interface HistoryTables {
  weave_migrations: Omit<HistoryRow, "applied_at"> & { applied_at: Generated<Date> };
}

const CREATE_TABLE = sql`create table if not exists weave_migrations (
  id text primary key,
  name text not null,
  checksum text not null,
  ir_hash text,
  applied_at timestamptz not null default now(),
  duration_ms integer,
  completed_at timestamptz
)`;

/** Takes the migration lock until the transaction ends; a second apply waits here. */
export async function lockForMigration(trx: Transaction<any>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
}

/** Creates weave_migrations when missing, under the migration lock. */
export async function ensureHistoryTable(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockForMigration(trx);
    await CREATE_TABLE.execute(trx);
  });
}

/** Whether weave_migrations exists in the current schema (reading never creates it). */
export async function historyTableExists(db: Kysely<any> | Transaction<any>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${HISTORY_TABLE}) is not null as found`.execute(db);
  return rows[0]?.found === true;
}

/** Every row, ordered by id; empty when the table does not exist yet. */
export async function readHistory(db: Kysely<any> | Transaction<any>): Promise<HistoryRow[]> {
  if (!(await historyTableExists(db))) return [];
  return history(db).selectFrom("weave_migrations").selectAll().orderBy("id").execute();
}

/** The row of one migration, if it is applied. */
export async function findHistoryRow(trx: Transaction<any>, id: string): Promise<HistoryRow | undefined> {
  return history(trx).selectFrom("weave_migrations").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface NewHistoryRow {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
  readonly irHash: string | undefined;
  readonly durationMs: number;
  /** False while concurrently steps still have to run after the transaction. */
  readonly complete: boolean;
}

export async function insertHistoryRow(trx: Transaction<any>, row: NewHistoryRow): Promise<void> {
  await history(trx)
    .insertInto("weave_migrations")
    .values({
      id: row.id,
      name: row.name,
      checksum: row.checksum,
      ir_hash: row.irHash ?? null,
      duration_ms: Math.round(row.durationMs),
      completed_at: row.complete ? sql<Date>`now()` : null,
    })
    .execute();
}

/** Marks a migration's concurrently steps done and adds their time to its duration. */
export async function completeHistoryRow(db: Kysely<any>, id: string, extraMs: number): Promise<void> {
  await history(db)
    .updateTable("weave_migrations")
    .set({ completed_at: sql<Date>`now()`, duration_ms: sql<number>`coalesce(duration_ms, 0) + ${Math.round(extraMs)}` })
    .where("id", "=", id)
    .execute();
}

function history(db: Kysely<any> | Transaction<any>): Kysely<HistoryTables> {
  return db as unknown as Kysely<HistoryTables>;
}
