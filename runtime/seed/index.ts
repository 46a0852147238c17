/**
 * Loading seed data (`ir.seed`, from seed/*.yaml) into a database: tenants, users with their
 * password hashes and memberships, and records referring to each other by key. One transaction:
 * all of it or nothing. Idempotent: a second run finds what the first wrote (by tenant key, email,
 * record key) and updates or skips it. See spec/seed.md.
 *
 * @example
 *   const result = await seedDatabase(database, ir, { env: process.env });
 *   // { tenants: { created: 1, ... }, users: { created: 3, ... }, records: { Customer: { created: 3, ... } }, ms: 412 }
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../db/create-database.ts";
import { seedRecords } from "./records.ts";
import { noCounts, type SeedCounts, type SeedSession } from "./session.ts";
import { seedTenants, seedUsers } from "./tenants.ts";

export { SeedError, type SeedProblem } from "./errors.ts";
export { databaseIsEmpty, emptyAppTables } from "./tables.ts";
export type { SeedCounts } from "./session.ts";

export interface SeedResult {
  readonly tenants: SeedCounts;
  readonly users: SeedCounts;
  /** Per entity, in the order they were seeded. */
  readonly records: Readonly<Record<string, SeedCounts>>;
  readonly ms: number;
}

export interface SeedOptions {
  /** Where `password: env:NAME` is read from. Default: process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Writes the seed data of `ir` into `database`. Throws SeedError (with file:line:col, the entry
 * and the field) for data that cannot be loaded; nothing is written then.
 */
export async function seedDatabase(database: Database, ir: IR, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const tenants = noCounts();
  const users = noCounts();
  const records = await database.kysely.transaction().execute(async (trx) => {
    const s: SeedSession = { trx, ir, env: options.env ?? process.env, tenants: new Map(), ids: new Map(), currentTenant: "" };
    await seedTenants(s, ir.seed.tenants, tenants);
    await seedUsers(s, ir.seed.users, users);
    return seedRecords(s, ir.seed.records);
  });
  return { tenants, users, records, ms: performance.now() - started };
}

/**
 * How many entries the seed data has in all.
 *
 * @example seedSize(ir); // 19
 */
export function seedSize(ir: IR): number {
  const records = Object.values(ir.seed.records).reduce((n, list) => n + (list?.length ?? 0), 0);
  return records + ir.seed.tenants.length + ir.seed.users.length;
}
