/**
 * What every `weave migrate` subcommand shares: the app folder, its IR, its database, and how
 * database failures are reported.
 */
import { join } from "node:path";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { Database } from "../../runtime/db/create-database.ts";
import { readLatestSnapshot } from "../../runtime/db/migrations/migration-folder.ts";
import { displayPath } from "../app-dir.ts";
import { ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import type { Io } from "../io.ts";
import { buildReport } from "../report.ts";
import { isDatabaseError, openTarget } from "../serve/database.ts";
import { describeTarget, resolveTarget, type Target } from "./target.ts";

export interface MigrateValues {
  readonly url: string | undefined;
  readonly name: string | undefined;
  readonly "allow-destructive": boolean;
  readonly online: boolean;
  readonly offline: boolean;
  readonly json: boolean;
  readonly sql: boolean;
  readonly "drop-only": boolean;
}

export interface MigrateContext {
  /** Absolute app folder. */
  readonly dir: string;
  readonly values: MigrateValues;
  readonly io: Io;
}

/** The app's migrations folder. */
export function migrationsDir(ctx: MigrateContext): string {
  return join(ctx.dir, "migrations");
}

/** `path` relative to the working directory, for messages. */
export function shown(ctx: MigrateContext, path: string): string {
  return displayPath(path, ctx.io.cwd);
}

/**
 * Compiles the app; on errors prints them and returns undefined (plan and create need the model).
 *
 * @example
 * const ir = await compileOrReport(ctx); if (!ir) return ExitCode.problems;
 */
export async function compileOrReport(ctx: MigrateContext): Promise<IR | undefined> {
  const { result } = await compileTimed(ctx.dir);
  if (result.diagnostics.some((d) => d.severity === "error")) {
    const color = useColor(ctx.io.stderr, ctx.io.env);
    ctx.io.stderr.write(pretty(buildReport({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === "error") }, { cwd: ctx.io.cwd, color })));
  }
  return hasErrors(result.diagnostics) ? undefined : result.ir;
}

/**
 * The model for the database settings (`database.embedded`, `database.url`): the compiled app,
 * else the latest snapshot, so migrations already written still apply while the spec has errors.
 */
export async function settingsModel(ctx: MigrateContext): Promise<IR | undefined> {
  const { result } = await compileTimed(ctx.dir);
  if (result.ir) return result.ir;
  const snapshot = readLatestSnapshot(migrationsDir(ctx));
  const from = snapshot ? `the database settings of ${shown(ctx, join(migrationsDir(ctx), snapshot.fileName))}` : "the default database settings";
  ctx.io.stderr.write(`note: the app has errors (see 'weave check'); using ${from}\n`);
  return snapshot?.ir;
}

/** The database target for apply, status and reset. */
export async function targetOf(ctx: MigrateContext): Promise<Target> {
  return resolveTarget(ctx.dir, ctx.values.url, ctx.io.env, await settingsModel(ctx));
}

/**
 * Opens the target's database, runs `fn`, and closes it. A database error (cannot connect, no
 * such database, permission denied) is reported as a problem, not as a bug in weave.
 */
export async function withDatabase(ctx: MigrateContext, target: Target, fn: (database: Database) => Promise<number>): Promise<number> {
  const opened = openTarget(target, ctx.io.cwd);
  if (typeof opened === "string") {
    ctx.io.stderr.write(`weave migrate: ${opened}\n`);
    return ExitCode.problems;
  }
  const { database } = opened;
  try {
    return await fn(database);
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    ctx.io.stderr.write(`weave migrate: database error on ${describeTarget(target, ctx.io.cwd)}: ${(error as Error).message}\n`);
    return ExitCode.problems;
  } finally {
    await database.close();
  }
}

