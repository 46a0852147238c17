/**
 * `weave migrate plan` and `weave migrate create`: diff the latest snapshot against the app's model.
 */
import { join } from "node:path";
import type { IR } from "../../compiler/ir/index.ts";
import { migrationIds, migrationSlug, nextMigrationId, readLatestSnapshot, writeMigration } from "../../runtime/db/migrations/migration-folder.ts";
import { ExitCode } from "../command.ts";
import type { MigrationPlan, PlannedStep, PlanProblem } from "../../compiler/generators/sql/index.ts";
import { compileOrReport, type MigrateContext, migrationsDir, shown } from "./context.ts";

interface Planned {
  readonly ir: IR;
  readonly previous: { ir: IR; fileName: string } | undefined;
  readonly plan: MigrationPlan;
  readonly render: (id: string, name: string) => string;
}

/** `weave migrate plan`: prints the steps the next migration would have, or why it is refused. */
export async function planCommand(ctx: MigrateContext): Promise<number> {
  const planned = await planFor(ctx);
  if (!planned) return ExitCode.problems;
  const { plan, previous } = planned;
  if (ctx.values.json) {
    ctx.io.stdout.write(`${JSON.stringify({ from: previous?.ir.hash ?? null, to: planned.ir.hash, steps: plan.steps, problems: plan.problems }, null, 2)}\n`);
    return plan.problems.length > 0 ? ExitCode.problems : ExitCode.ok;
  }
  if (plan.problems.length > 0) return refuse(ctx, plan.problems);
  if (plan.steps.length === 0) return upToDate(ctx, previous);
  const id = nextMigrationId(migrationIds(migrationsDir(ctx)));
  if (ctx.values.sql) {
    ctx.io.stdout.write(planned.render(id, defaultName(ctx, plan.steps, previous)));
    return ExitCode.ok;
  }
  ctx.io.stdout.write(`${plan.steps.length} ${plural(plan.steps.length, "step")} from ${from(ctx, previous)} to the current model:\n`);
  ctx.io.stdout.write(stepLines(plan.steps));
  ctx.io.stdout.write(`\nrun 'weave migrate create' to write them to migrations/${id}_${defaultName(ctx, plan.steps, previous)}.sql\n`);
  return ExitCode.ok;
}

/** `weave migrate create`: writes the next migration and its model snapshot. */
export async function createCommand(ctx: MigrateContext): Promise<number> {
  const planned = await planFor(ctx);
  if (!planned) return ExitCode.problems;
  const { plan, previous } = planned;
  if (plan.problems.length > 0) return refuse(ctx, plan.problems);
  if (plan.steps.length === 0) return upToDate(ctx, previous);
  const dir = migrationsDir(ctx);
  const id = nextMigrationId(migrationIds(dir));
  const name = ctx.values.name === undefined ? defaultName(ctx, plan.steps, previous) : migrationSlug(ctx.values.name);
  const written = writeMigration(dir, `${id}_${name}`, planned.render(id, name), planned.ir);
  ctx.io.stdout.write(`wrote ${shown(ctx, written.sqlPath)} (${countByClass(plan.steps)})\n`);
  ctx.io.stdout.write(`wrote ${shown(ctx, written.snapshotPath)}\n`);
  ctx.io.stdout.write(`review it, then run 'weave migrate apply'\n`);
  return ExitCode.ok;
}

async function planFor(ctx: MigrateContext): Promise<Planned | undefined> {
  const ir = await compileOrReport(ctx);
  if (!ir) return undefined;
  // Loaded on first use, like the compiler, so the other subcommands start fast.
  const { planMigration, renderMigrationFile } = await import("../../compiler/generators/sql/index.ts");
  const previous = readLatestSnapshot(migrationsDir(ctx));
  const plan = planMigration(previous?.ir, ir, { allowDestructive: ctx.values["allow-destructive"] });
  const render = (id: string, name: string) => renderMigrationFile(id, name, previous?.ir.hash, ir.hash, plan.steps);
  return { ir, previous, plan, render };
}

function refuse(ctx: MigrateContext, problems: readonly PlanProblem[]): number {
  const lines = problems.map((p) => `refused: ${p.message}\n  hint: ${p.hint}\n`);
  ctx.io.stderr.write(`${lines.join("")}${problems.length} ${plural(problems.length, "change")} refused; nothing was written\n`);
  return ExitCode.problems;
}

function upToDate(ctx: MigrateContext, previous: Planned["previous"]): number {
  ctx.io.stdout.write(`nothing to migrate: the model matches ${from(ctx, previous)}\n`);
  return ExitCode.ok;
}

function from(ctx: MigrateContext, previous: Planned["previous"]): string {
  return previous ? shown(ctx, join(migrationsDir(ctx), previous.fileName)) : "an empty database";
}

/** `initial` for the first migration, else named after its first step. */
function defaultName(ctx: MigrateContext, steps: readonly PlannedStep[], previous: Planned["previous"]): string {
  if (ctx.values.name !== undefined) return migrationSlug(ctx.values.name);
  if (!previous) return "initial";
  const first = steps[0]!;
  const more = steps.length > 1 ? ` and ${steps.length - 1} more` : "";
  return migrationSlug(`${kebab(first.kind)} ${first.target}${more}`);
}

function stepLines(steps: readonly PlannedStep[]): string {
  const width = Math.max(...steps.map((s) => s.class.length));
  return steps.map((s) => `  ${s.class.padEnd(width)}  ${s.summary}${s.concurrently ? " (concurrently)" : ""}\n`).join("");
}

function countByClass(steps: readonly PlannedStep[]): string {
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.class, (counts.get(step.class) ?? 0) + 1);
  return [`${steps.length} ${plural(steps.length, "step")}`, ...[...counts].map(([klass, n]) => `${n} ${klass}`)].join(", ");
}

function kebab(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
