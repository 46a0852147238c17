/**
 * `weave migrate apply`, `status` and `reset`: the subcommands that open the database.
 */
import type { Database } from "../../runtime/db/create-database.ts";
import { type ApplyEvent, type ApplyMode, type ApplyResult, applyMigrations } from "../../runtime/db/migrations/apply.ts";
import type { MigrationEntry, MigrationProblem } from "../../runtime/db/migrations/migration-state.ts";
import { resetRefusal, resetSchema } from "../../runtime/db/migrations/reset.ts";
import { migrationStatus } from "../../runtime/db/migrations/status.ts";
import { CliError, ExitCode } from "../command.ts";
import { type MigrateContext, migrationsDir, targetOf, withDatabase } from "./context.ts";
import { describeTarget, type Target } from "./target.ts";

/** `weave migrate apply`: applies pending migrations, printing each step with its time. */
export async function applyCommand(ctx: MigrateContext): Promise<number> {
  const target = await targetOf(ctx);
  return withDatabase(ctx, target, (database) => applyTo(ctx, target, database));
}

/** `weave migrate status`: lists every migration's state; exit 1 if apply would refuse. */
export async function statusCommand(ctx: MigrateContext): Promise<number> {
  const target = await targetOf(ctx);
  return withDatabase(ctx, target, async (database) => {
    const status = await migrationStatus(database, migrationsDir(ctx));
    const where = describeTarget(target, ctx.io.cwd);
    if (ctx.values.json) ctx.io.stdout.write(`${JSON.stringify({ database: where, migrations: status.entries.map(entryJson), problems: status.problems }, null, 2)}\n`);
    else ctx.io.stdout.write(statusText(where, status.entries));
    if (!ctx.values.json) printProblems(ctx, status.problems);
    return status.problems.length > 0 ? ExitCode.problems : ExitCode.ok;
  });
}

/** `weave migrate reset`: drops everything in a development database, then applies every migration. */
export async function resetCommand(ctx: MigrateContext): Promise<number> {
  const target = await targetOf(ctx);
  const refusal = resetRefusal(target.url, ctx.io.env);
  if (refusal) {
    ctx.io.stderr.write(`weave migrate: ${refusal}\n`);
    return ExitCode.problems;
  }
  return withDatabase(ctx, target, async (database) => {
    const { schema } = await resetSchema(database);
    ctx.io.stdout.write(`reset ${describeTarget(target, ctx.io.cwd)}: dropped and re-created schema ${schema}\n`);
    return ctx.values["drop-only"] ? ExitCode.ok : applyTo(ctx, target, database);
  });
}

async function applyTo(ctx: MigrateContext, target: Target, database: Database): Promise<number> {
  const mode = modeOf(ctx, database);
  const json = ctx.values.json;
  const started = performance.now();
  if (!json) ctx.io.stdout.write(`applying migrations to ${describeTarget(target, ctx.io.cwd)} (${mode})\n`);
  const result = await applyMigrations(database, { dir: migrationsDir(ctx), mode, ...(json ? {} : { onProgress: progressPrinter(ctx) }) });
  const ms = performance.now() - started;
  if (json) ctx.io.stdout.write(`${JSON.stringify(applyJson(result, describeTarget(target, ctx.io.cwd), ms), null, 2)}\n`);
  else ctx.io.stdout.write(applySummary(result, ms));
  if (!json) printProblems(ctx, result.problems);
  return result.problems.length > 0 ? ExitCode.problems : ExitCode.ok;
}

function modeOf(ctx: MigrateContext, database: Database): ApplyMode {
  if (ctx.values.online && ctx.values.offline) throw new CliError("--online and --offline exclude each other");
  if (ctx.values.online && database.kind !== "postgres") throw new CliError("--online needs Postgres (--url or DATABASE_URL): PGlite has one connection and always applies offline");
  return ctx.values.online ? "online" : "offline";
}

function progressPrinter(ctx: MigrateContext): (event: ApplyEvent) => void {
  const out = ctx.io.stdout;
  return (event) => {
    if (event.kind === "waiting") out.write("  waiting for another apply to finish (it holds the migration lock)\n");
    if (event.kind === "migration") out.write(`  ${event.resume ? "finishing" : "applying"} ${event.migration.id}_${event.migration.name}\n`);
    if (event.kind === "step") out.write(`    ${event.step.class} ${event.step.kind} ${event.step.target}${event.outside ? " (concurrently)" : ""}  ${ms(event.ms)}\n`);
    if (event.kind === "applied") out.write(`  done ${event.migration.id}_${event.migration.name} in ${ms(event.ms)}\n`);
    if (event.kind === "skipped") out.write(`  skipped ${event.migration.id}_${event.migration.name}: another apply ran it meanwhile\n`);
  };
}

function applySummary(result: ApplyResult, elapsed: number): string {
  if (result.problems.length > 0) return result.applied.length > 0 ? `applied ${count(result.applied.length, "migration")} before the failure\n` : "";
  if (result.applied.length === 0) return "nothing to apply: the database is up to date\n";
  return `applied ${count(result.applied.length, "migration")} in ${ms(elapsed)}\n`;
}

function applyJson(result: ApplyResult, database: string, elapsed: number) {
  const applied = result.applied.map((a) => ({ id: a.migration.id, name: a.migration.name, steps: a.migration.steps.length, ms: Math.round(a.ms) }));
  return { database, mode: result.mode, applied, problems: result.problems, ms: Math.round(elapsed) };
}

function statusText(where: string, entries: readonly MigrationEntry[]): string {
  const width = Math.max(0, ...entries.map((e) => `${e.id}_${e.name}`.length));
  const lines = entries.map((e) => `  ${`${e.id}_${e.name}`.padEnd(width)}  ${e.state.padEnd(10)}  ${detail(e)}`.trimEnd());
  const counts = ["applied", "incomplete", "pending", "modified", "missing"].flatMap((state) => {
    const n = entries.filter((e) => e.state === state).length;
    return n > 0 ? [`${n} ${state}`] : [];
  });
  return [`database: ${where}`, ...lines, entries.length === 0 ? "no migrations yet: run 'weave migrate create'" : counts.join(", "), ""].join("\n");
}

function detail(entry: MigrationEntry): string {
  if (entry.outOfOrder) return "out of order: a later migration is applied";
  if (!entry.row) return "";
  const when = entry.row.applied_at.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return `${when}${entry.row.duration_ms === null ? "" : `, ${entry.row.duration_ms} ms`}`;
}

function entryJson(entry: MigrationEntry) {
  return {
    id: entry.id,
    name: entry.name,
    state: entry.state,
    appliedAt: entry.row?.applied_at.toISOString() ?? null,
    durationMs: entry.row?.duration_ms ?? null,
    ...(entry.outOfOrder ? { outOfOrder: true } : {}),
  };
}

function printProblems(ctx: MigrateContext, problems: readonly MigrationProblem[]): void {
  for (const problem of problems) ctx.io.stderr.write(`error: ${problem.message}\n`);
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}
