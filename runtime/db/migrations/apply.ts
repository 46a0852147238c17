/**
 * Applying migration files: each pending migration in one transaction under an advisory lock, its
 * history row written in the same transaction, so a failure leaves schema and history as they
 * were. Online mode (Postgres) runs `concurrently` steps after the commit, outside any transaction;
 * offline mode runs them inside it with CONCURRENTLY removed.
 *
 * On Postgres the whole apply runs on one session holding `pg_advisory_lock`; each migration's
 * transaction also takes `pg_advisory_xact_lock` (re-entrant for the holder) and re-reads its
 * history row, so an apply that did not take the session lock still cannot run a migration twice.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../create-database.ts";
import {
  completeHistoryRow,
  ensureHistoryTable,
  findHistoryRow,
  insertHistoryRow,
  lockForMigration,
  MIGRATION_LOCK_KEY,
  readHistory,
} from "./history.ts";
import { type MigrationFile, type MigrationStep, withoutConcurrently } from "./migration-file.ts";
import { readMigrationFolder } from "./migration-folder.ts";
import { compareWithHistory, fromFileProblem, type MigrationEntry, type MigrationProblem } from "./migration-state.ts";
import { StepFailure, stepProblem } from "./step-failure.ts";

export type ApplyMode = "online" | "offline";

export interface ApplyOptions {
  /** The migrations folder. */
  readonly dir: string;
  /** Default offline; online needs Postgres (PGlite has one connection). */
  readonly mode?: ApplyMode;
  readonly onProgress?: (event: ApplyEvent) => void;
}

/** Progress: `waiting` (for another apply's lock), then per migration `migration`, its `step`s, and `applied` (or `skipped`). */
export type ApplyEvent =
  | { readonly kind: "waiting" }
  | { readonly kind: "migration"; readonly migration: MigrationFile; readonly resume: boolean }
  | { readonly kind: "step"; readonly migration: MigrationFile; readonly step: MigrationStep; readonly ms: number; readonly outside: boolean }
  | { readonly kind: "applied"; readonly migration: MigrationFile; readonly ms: number }
  | { readonly kind: "skipped"; readonly migration: MigrationFile };

export interface AppliedMigration {
  readonly migration: MigrationFile;
  readonly ms: number;
}

export interface ApplyResult {
  readonly mode: ApplyMode;
  /** Migrations this call applied (or whose concurrently steps it finished), in order. */
  readonly applied: readonly AppliedMigration[];
  /** Why it stopped; empty when everything is applied. */
  readonly problems: readonly MigrationProblem[];
}

interface Run {
  readonly db: Kysely<any>;
  readonly mode: ApplyMode;
  readonly progress: (event: ApplyEvent) => void;
  readonly applied: AppliedMigration[];
}

/**
 * Applies the pending migrations of `options.dir`. Refuses, changing nothing, when a file is
 * invalid, an applied file was edited or removed, or a pending one sorts before an applied one.
 *
 * @example
 * const result = await applyMigrations(database, { dir: "/app/migrations" });
 * if (result.problems.length > 0) console.error(result.problems.map((p) => p.message).join("\n"));
 */
export async function applyMigrations(database: Database, options: ApplyOptions): Promise<ApplyResult> {
  const mode = options.mode ?? "offline";
  const folder = readMigrationFolder(options.dir);
  if (folder.problems.length > 0) return { mode, applied: [], problems: folder.problems.map(fromFileProblem) };
  if (mode === "online" && database.kind !== "postgres") {
    return { mode, applied: [], problems: [{ reason: "online-needs-postgres", message: "online mode needs Postgres: PGlite has one connection, so it always applies offline" }] };
  }
  const progress = options.onProgress ?? (() => {});
  // PGlite is one connection that Kysely hands out under a mutex: nothing can interleave.
  if (database.kind === "pglite") return applyAll({ db: database.kysely, mode, progress, applied: [] }, folder.migrations);
  return database.kysely.connection().execute(async (session) => {
    await takeSessionLock(session, progress);
    try {
      return await applyAll({ db: session, mode, progress, applied: [] }, folder.migrations);
    } finally {
      // Ending the session releases the lock too, so a lost connection needs no unlock.
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(session).catch(() => {});
    }
  });
}

/**
 * Takes the session-level migration lock, which then covers every migration of this apply and the
 * concurrently steps after their commits. It polls with pg_try_advisory_lock instead of waiting in
 * pg_advisory_lock: CREATE INDEX CONCURRENTLY in the holder waits for every open transaction,
 * including a second apply's blocked lock call, which would deadlock.
 */
async function takeSessionLock(session: Kysely<any>, progress: (event: ApplyEvent) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)}) as locked`.execute(session);
    if (rows[0]?.locked) return;
    if (attempt === 0) progress({ kind: "waiting" });
    await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 1000)));
  }
}

async function applyAll(run: Run, files: readonly MigrationFile[]): Promise<ApplyResult> {
  await ensureHistoryTable(run.db);
  const { entries, problems } = compareWithHistory(files, await readHistory(run.db));
  if (problems.length > 0) return { mode: run.mode, applied: [], problems };
  for (const entry of entries) {
    const problem = await applyEntry(run, entry);
    if (problem) return { mode: run.mode, applied: run.applied, problems: [problem] };
  }
  return { mode: run.mode, applied: run.applied, problems: [] };
}

function applyEntry(run: Run, entry: MigrationEntry): Promise<MigrationProblem | undefined> {
  if (entry.state === "pending") return applyMigration(run, entry.file!);
  if (entry.state === "incomplete") return resumeMigration(run, entry.file!);
  return Promise.resolve(undefined);
}

async function applyMigration(run: Run, migration: MigrationFile): Promise<MigrationProblem | undefined> {
  const started = performance.now();
  const later = run.mode === "online" ? migration.steps.filter((s) => s.concurrently) : [];
  let outcome: "applied" | "skipped";
  try {
    outcome = await run.db.transaction().execute(async (trx) => {
      await lockForMigration(trx);
      // Another apply may have run this migration while we waited for the lock.
      if (await findHistoryRow(trx, migration.id)) return "skipped";
      run.progress({ kind: "migration", migration, resume: false });
      for (const step of migration.steps.filter((s) => !later.includes(s))) await runStep(run, trx, migration, step, false);
      const durationMs = performance.now() - started;
      await insertHistoryRow(trx, { ...migration, irHash: migration.toHash, durationMs, complete: later.length === 0 });
      return "applied";
    });
  } catch (error) {
    if (error instanceof StepFailure) return stepProblem(error, "step-failed");
    throw error;
  }
  if (outcome === "skipped") {
    run.progress({ kind: "skipped", migration });
    return undefined;
  }
  return finishConcurrently(run, migration, later, started);
}

/** Runs the concurrently steps of a migration whose transaction committed earlier. */
async function resumeMigration(run: Run, migration: MigrationFile): Promise<MigrationProblem | undefined> {
  const started = performance.now();
  const steps = migration.steps.filter((s) => s.concurrently);
  run.progress({ kind: "migration", migration, resume: true });
  if (run.mode === "online") return finishConcurrently(run, migration, steps, started, true);
  try {
    await run.db.transaction().execute(async (trx) => {
      await lockForMigration(trx);
      const row = await findHistoryRow(trx, migration.id);
      if (!row || row.completed_at !== null) return; // another apply finished it
      for (const step of steps) if (await prepareResumedStep(trx, step, false)) await runStep(run, trx, migration, step, false);
      await completeHistoryRow(trx, migration.id, performance.now() - started);
    });
  } catch (error) {
    if (error instanceof StepFailure) return stepProblem(error, "step-failed");
    throw error;
  }
  run.applied.push({ migration, ms: performance.now() - started });
  run.progress({ kind: "applied", migration, ms: performance.now() - started });
  return undefined;
}

async function finishConcurrently(run: Run, migration: MigrationFile, steps: readonly MigrationStep[], started: number, resume = false): Promise<MigrationProblem | undefined> {
  const outsideStarted = performance.now();
  try {
    for (const step of steps) {
      if (!resume || (await prepareResumedStep(run.db, step, true))) await runStep(run, run.db, migration, step, true);
    }
  } catch (error) {
    if (error instanceof StepFailure) return stepProblem(error, "concurrently-failed");
    throw error;
  }
  if (steps.length > 0) await completeHistoryRow(run.db, migration.id, performance.now() - outsideStarted);
  const ms = performance.now() - started;
  run.applied.push({ migration, ms });
  run.progress({ kind: "applied", migration, ms });
  return undefined;
}

async function runStep(run: Run, db: Kysely<any> | Transaction<any>, migration: MigrationFile, step: MigrationStep, outside: boolean): Promise<void> {
  const text = step.concurrently && !outside ? withoutConcurrently(step.sql) : step.sql;
  const started = performance.now();
  try {
    await sql.raw(text).execute(db);
  } catch (error) {
    throw new StepFailure(migration, step, text, error, outside);
  }
  run.progress({ kind: "step", migration, step, ms: performance.now() - started, outside });
}

/**
 * Before re-running a create-index step: skip it if a valid index of that name exists (the step
 * finished before), drop an invalid one (a failed CREATE INDEX CONCURRENTLY leaves one behind).
 */
async function prepareResumedStep(db: Kysely<any> | Transaction<any>, step: MigrationStep, outside: boolean): Promise<boolean> {
  if (step.kind !== "createIndex" && step.kind !== "create-index") return true;
  const { rows } = await sql<{ valid: boolean }>`select i.indisvalid as valid from pg_index i where i.indexrelid = to_regclass(${step.target})`.execute(db);
  if (rows.length === 0) return true;
  if (rows[0]!.valid) return false;
  await sql`drop index ${sql.raw(outside ? "concurrently " : "")}if exists ${sql.ref(step.target)}`.execute(db);
  return true;
}
