/**
 * Whether a database holds any data yet (`weave dev` seeds only an empty one), and emptying the
 * app's data for `weave seed --reset`.
 */
import { sql } from "kysely";
import { schemaOf } from "../../compiler/generators/sql/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../db/create-database.ts";
import { ident } from "../records/sql-builder.ts";

/** Tables that hold no app data: how the database was brought to the model. */
const KEPT = new Set(["weave_migrations", "weave_dev_state"]);

/**
 * True when no user, tenant or record exists yet.
 *
 * @example if (await databaseIsEmpty(database, ir)) await seedDatabase(database, ir);
 */
export async function databaseIsEmpty(database: Database, ir: IR): Promise<boolean> {
  const tables = ["weave_users", "weave_tenants", ...ir.entities.map((e) => e.table)];
  const any = tables.map((t) => `exists (select 1 from ${ident(t)})`).join(" or ");
  const { rows } = await sql<{ any: boolean }>`select (${sql.raw(any)}) as any`.execute(database.kysely);
  return rows[0]?.any !== true;
}

/**
 * Empties every table of the model and weave's own data tables (users, tenants, sessions, tokens,
 * audit, idempotency, rate limits) in one statement; the migration history stays. Callers check
 * that the database is a development one first (`resetRefusal`).
 *
 * @example const emptied = await emptyAppTables(database, ir); // ["customers", "invoices", ..., "weave_users"]
 */
export async function emptyAppTables(database: Database, ir: IR): Promise<string[]> {
  const tables = schemaOf(ir).tables.map((t) => t.name).filter((name) => !KEPT.has(name));
  if (tables.length === 0) return [];
  await sql.raw(`truncate table ${tables.map(ident).join(", ")} restart identity cascade`).execute(database.kysely);
  return tables;
}
