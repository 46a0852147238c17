/**
 * What `weave serve` starts from: the app folder's compiled model (`.weave/ir.json`, written by
 * `weave compile`), and a database that the migrations folder has brought to that model. It reads
 * no YAML and applies nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { IR_VERSION, type IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import { readLatestSnapshot } from "../../runtime/db/migrations/migration-folder.ts";
import { migrationStatus } from "../../runtime/db/migrations/status.ts";

/** The compiled model inside an app folder. */
export const BUILT_IR_PATH = ".weave/ir.json";

/** Where a served app's parts are: an app folder after `weave compile`, or a `weave build` folder. */
export interface BuiltLayout {
  readonly irPath: string;
  readonly migrationsDir: string;
  /** The prebuilt components bundle (build folders only). */
  readonly bundlePath?: string;
  /** What `weave compile` or `weave build` to suggest in messages. */
  readonly kind: "app" | "build";
}

/**
 * The layout of `dir`: a build folder (holding weave-build.json) or an app folder.
 *
 * @example builtLayout("/srv/invoicing/dist").irPath // "/srv/invoicing/dist/ir.json"
 */
export function builtLayout(dir: string): BuiltLayout {
  if (existsSync(join(dir, "weave-build.json"))) return { kind: "build", irPath: join(dir, "ir.json"), migrationsDir: join(dir, "migrations"), bundlePath: join(dir, "weave.js") };
  return { kind: "app", irPath: join(dir, BUILT_IR_PATH), migrationsDir: join(dir, "migrations") };
}

/** A model that could not be read, with what to do about it. */
export class BuiltAppError extends Error {
  override readonly name = "BuiltAppError";
}

/**
 * Reads `<dir>/.weave/ir.json`.
 *
 * @example
 *   const ir = readBuiltModel("/srv/invoicing"); // throws BuiltAppError "no compiled model ..." when missing
 */
export function readBuiltModel(dir: string, shown: (path: string) => string = (p) => p): IR {
  const path = builtLayout(dir).irPath;
  if (!existsSync(path)) throw new BuiltAppError(`no compiled model at ${shown(path)}: run 'weave compile ${shown(dir)}' first`);
  let ir: IR;
  try {
    ir = JSON.parse(readFileSync(path, "utf8")) as IR;
  } catch (error) {
    throw new BuiltAppError(`${shown(path)} is not valid JSON (${(error as Error).message}): run 'weave compile ${shown(dir)}' again`);
  }
  if (ir?.irVersion !== IR_VERSION || typeof ir.hash !== "string" || !Array.isArray(ir.entities)) {
    throw new BuiltAppError(`${shown(path)} is not a model this weave can serve (IR version ${JSON.stringify(ir?.irVersion)}, expected ${IR_VERSION}): run 'weave compile ${shown(dir)}' again`);
  }
  return ir;
}

/**
 * Why `database` cannot serve `ir`, as complete sentences; empty when it can. Refuses when a
 * migration is pending or incomplete, when the migrations folder and the database disagree
 * (edited or missing files), and when the model has changes that no migration covers (checked by
 * `weave build` already for a build folder: `coveredByBuild`).
 *
 * @example
 *   const problems = await servingProblems(database, ir, "/srv/invoicing/migrations");
 *   // ["migration 0002_add_barcode is pending: run 'weave migrate apply' first"]
 */
export async function servingProblems(database: Database, ir: IR, migrationsDir: string, options: { readonly coveredByBuild?: boolean } = {}): Promise<string[]> {
  const status = await migrationStatus(database, migrationsDir);
  const problems = status.problems.map((p) => p.message);
  const waiting = status.entries.filter((e) => e.state === "pending" || e.state === "incomplete");
  if (waiting.length > 0) {
    const names = waiting.map((e) => `${e.id}_${e.name}${e.state === "incomplete" ? " (incomplete)" : ""}`);
    problems.push(`${waiting.length === 1 ? "migration" : "migrations"} ${names.join(", ")} ${waiting.length === 1 ? "is" : "are"} not applied: run 'weave migrate apply' first`);
  }
  // `weave build` refused a model its migrations do not cover: a build folder needs no plan here.
  if (problems.length > 0 || options.coveredByBuild) return problems;
  const { planMigration } = await import("../../compiler/generators/sql/index.ts");
  const latest = readLatestSnapshot(migrationsDir);
  const plan = planMigration(latest?.ir, ir, { allowDestructive: true });
  if (plan.steps.length > 0) {
    const from = latest ? `migrations/${latest.fileName}` : "an empty database (there are no migrations)";
    const first = plan.steps.slice(0, 3).map((s) => s.summary).join("; ");
    problems.push(`the compiled model differs from ${from} by ${plan.steps.length} ${plan.steps.length === 1 ? "step" : "steps"} (${first}${plan.steps.length > 3 ? "; ..." : ""}): run 'weave migrate create', then 'weave migrate apply'`);
  }
  return problems;
}
