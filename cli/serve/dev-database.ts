/**
 * The development migration: `weave dev` brings its database to the current model without
 * writing migration files. It plans from the model the database was last brought to (kept in the
 * database, in `weave_dev_state`) to the current IR, refuses destructive steps unless allowed,
 * and applies the steps and the new state in one transaction under the migration lock.
 *
 * The model it starts from, in order: the last development model; else the snapshot of the last
 * migration `weave migrate apply` applied; else an empty database. So a database made by the
 * migrations folder continues from there, and `weave migrate reset` (which drops weave_dev_state
 * with everything else) starts over.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql, type Transaction } from "kysely";
import type { PlannedStep, PlanProblem } from "../../compiler/generators/sql/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import { historyTableExists, lockForMigration, readHistory } from "../../runtime/db/migrations/history.ts";
import { withoutConcurrently } from "../../runtime/db/migrations/migration-file.ts";

/** The table holding the model a development database was last brought to. */
export const DEV_STATE_TABLE = "weave_dev_state";

/** Where the plan started. */
export type DevBaseline =
  | { readonly kind: "empty" }
  | { readonly kind: "development"; readonly hash: string }
  | { readonly kind: "migration"; readonly migration: string };

export interface DevMigration {
  readonly baseline: DevBaseline;
  /** The steps applied (none when refused or up to date). */
  readonly steps: readonly PlannedStep[];
  /** Why nothing was applied: destructive steps without `allowDestructive`, or a missing snapshot. */
  readonly problems: readonly PlanProblem[];
  readonly ms: number;
}

export interface DevMigrationOptions {
  /** Apply drops and narrowing type changes too. */
  readonly allowDestructive?: boolean;
  /** The app's migrations folder, for the snapshot of the last applied migration. */
  readonly migrationsDir: string;
}

/** A statement of the development migration failed; the transaction rolled back. */
export class DevStepFailure extends Error {
  constructor(
    readonly step: PlannedStep,
    override readonly cause: unknown,
  ) {
    super(`step '${step.class} ${step.kind} ${step.target}' failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "DevStepFailure";
  }
}

/**
 * Brings `database` to `ir`. Throws `DevStepFailure` when a statement fails (nothing is applied
 * then: the transaction rolls back).
 *
 * @example
 *   const result = await migrateDevelopment(database, ir, { migrationsDir: "/app/migrations" });
 *   if (result.problems.length > 0) console.error(result.problems.map((p) => p.message));
 */
export async function migrateDevelopment(database: Database, ir: IR, options: DevMigrationOptions): Promise<DevMigration> {
  const started = performance.now();
  const { planMigration } = await import("../../compiler/generators/sql/index.ts");
  const outcome = await database.kysely.transaction().execute(async (trx) => {
    await lockForMigration(trx);
    await ensureStateTable(trx);
    const found = await baselineOf(trx, options.migrationsDir);
    if ("problem" in found) return { baseline: found.baseline, steps: [], problems: [found.problem] };
    if (found.baseline.kind === "development" && found.baseline.hash === ir.hash) return { baseline: found.baseline, steps: [], problems: [] };
    const plan = planMigration(found.previous, ir, { allowDestructive: options.allowDestructive });
    if (plan.problems.length > 0) return { baseline: found.baseline, steps: [], problems: plan.problems };
    for (const step of plan.steps) await runStep(trx, step);
    await saveState(trx, ir);
    return { baseline: found.baseline, steps: plan.steps, problems: [] };
  });
  return { ...outcome, ms: performance.now() - started };
}

type Found = { baseline: DevBaseline; previous: IR | undefined } | { baseline: DevBaseline; problem: PlanProblem };

async function baselineOf(trx: Transaction<any>, migrationsDir: string): Promise<Found> {
  const { rows } = await sql<{ ir: string; ir_hash: string }>`select ir, ir_hash from weave_dev_state where id = 1`.execute(trx);
  const state = rows[0];
  if (state) return { baseline: { kind: "development", hash: state.ir_hash }, previous: JSON.parse(state.ir) as IR };
  if (!(await historyTableExists(trx))) return { baseline: { kind: "empty" }, previous: undefined };
  const last = (await readHistory(trx)).at(-1);
  if (!last) return { baseline: { kind: "empty" }, previous: undefined };
  const migration = `${last.id}_${last.name}`;
  const path = join(migrationsDir, `${migration}.snapshot.json`);
  if (existsSync(path)) return { baseline: { kind: "migration", migration }, previous: JSON.parse(readFileSync(path, "utf8")) as IR };
  return {
    baseline: { kind: "migration", migration },
    problem: {
      message: `the database has migration ${migration} applied, but migrations/${migration}.snapshot.json is missing, so weave cannot tell which model the database is at`,
      table: "weave_migrations",
      hint: "restore the snapshot, or start the development database over with 'weave migrate reset'",
    },
  };
}

async function ensureStateTable(trx: Kysely<any>): Promise<void> {
  // The IR as text, not jsonb: it is read back exactly as written.
  await sql`create table if not exists weave_dev_state (
    id integer primary key check (id = 1),
    ir_hash text not null,
    ir text not null,
    applied_at timestamptz not null default now()
  )`.execute(trx);
}

async function saveState(trx: Kysely<any>, ir: IR): Promise<void> {
  await sql`insert into weave_dev_state (id, ir_hash, ir) values (1, ${ir.hash}, ${JSON.stringify(ir)})
    on conflict (id) do update set ir_hash = excluded.ir_hash, ir = excluded.ir, applied_at = now()`.execute(trx);
}

async function runStep(trx: Kysely<any>, step: PlannedStep): Promise<void> {
  // Everything runs in the one transaction, so CREATE INDEX CONCURRENTLY runs without CONCURRENTLY.
  const text = step.concurrently ? withoutConcurrently(step.sql) : step.sql;
  try {
    await sql.raw(text).execute(trx);
  } catch (error) {
    throw new DevStepFailure(step, error);
  }
}
