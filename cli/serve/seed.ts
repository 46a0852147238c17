/**
 * Seeding a development database: the extension point `weave dev` calls after migrating.
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";

export interface SeedOutcome {
  readonly seeded: boolean;
  /** Said to the person running `weave dev`, or undefined to say nothing. */
  readonly note?: string;
}

/**
 * Loads the model's seed data (`seed/*.yaml`, `ir.seed`) into `database` when it holds no
 * records yet. Not implemented yet: loading seed files (users, tenants, records referenced by
 * key) comes with `weave seed`; until then this only says that the seed data was not loaded.
 *
 * @example
 *   const { note } = await seedWhenEmpty(database, ir);
 */
export async function seedWhenEmpty(_database: Database, ir: IR): Promise<SeedOutcome> {
  const records = Object.values(ir.seed.records).reduce((n, list) => n + (list?.length ?? 0), 0);
  const total = records + ir.seed.tenants.length + ir.seed.users.length;
  if (total === 0) return { seeded: false };
  return { seeded: false, note: `the seed data (${total} ${total === 1 ? "entry" : "entries"} in seed/) is not loaded yet: seeding comes with 'weave seed'` };
}
