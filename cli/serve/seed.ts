/**
 * Seeding a development database: `weave dev` loads the model's seed data (`seed/*.yaml`,
 * `ir.seed`) after migrating, when the database holds no users, tenants or records yet.
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import { databaseIsEmpty, SeedError, seedDatabase, seedSize } from "../../runtime/seed/index.ts";
import { seedErrorText, seedTotal } from "../seed/print.ts";

export interface SeedOutcome {
  readonly seeded: boolean;
  /** Said to the person running `weave dev`, or undefined to say nothing. */
  readonly note?: string;
  /** Why the seed data could not be loaded (nothing of it was): file:line:col, entry, field. */
  readonly error?: string;
}

/**
 * Loads the seed data into `database` when it is empty. A database that holds data is left alone
 * (`weave seed` updates it on request). Seed data that cannot be loaded is reported, not thrown:
 * the model is served anyway.
 *
 * @example
 *   const { note, error } = await seedWhenEmpty(database, ir, { dir, cwd: io.cwd, env: io.env });
 *   // note: "seeded 19 entries from seed/ in 412 ms"
 */
export async function seedWhenEmpty(database: Database, ir: IR, where: { dir: string; cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<SeedOutcome> {
  if (seedSize(ir) === 0 || !(await databaseIsEmpty(database, ir))) return { seeded: false };
  try {
    const result = await seedDatabase(database, ir, { env: where.env });
    return { seeded: true, note: `seeded ${seedTotal(result).created} entries from seed/ in ${Math.round(result.ms)} ms` };
  } catch (error) {
    if (error instanceof SeedError) return { seeded: false, error: `${seedErrorText(error, where.dir, where.cwd)}\nnothing was seeded; fix the seed data, then run 'weave seed'` };
    throw error;
  }
}
