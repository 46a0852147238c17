/**
 * `weave seed [dir]`: load the app's seed data (seed/*.yaml: tenants, users, records referring to
 * each other by key) into its database. Runs again safely: what exists is updated or skipped.
 * `--reset` empties the app's tables first (development databases only, after a confirmation).
 */
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { resetRefusal } from "../../runtime/db/migrations/reset.ts";
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import type { Io } from "../io.ts";
import { buildReport } from "../report.ts";
import { isDatabaseError, type OpenedDatabase, openDatabase } from "../serve/database.ts";
import { seedErrorJson, seedErrorText, seedJson, seedLines } from "../seed/print.ts";

const LABEL = "weave seed";

interface SeedValues {
  readonly url: string | undefined;
  readonly reset: boolean;
  readonly yes: boolean;
  readonly force: boolean;
  readonly json: boolean;
}

export const seed = defineCommand({
  name: "seed",
  summary: "Load seed/*.yaml (tenants, users, records) into the app's database; --reset empties it first",
  usage: [
    "weave seed [dir] [options]",
    "",
    "The database is --url, else $DATABASE_URL (or the variable named by database.url in weave.yaml),",
    "else the embedded PGlite in the app's database.embedded folder. It must already be at the model",
    "('weave dev' or 'weave migrate apply'). Everything is loaded in one transaction. Records are",
    "matched by their key (tenants by key, users by email), so running it again updates what changed",
    "and creates nothing twice. Passwords written env:NAME are read from the environment.",
    "--reset empties every table of the app first (the migration history stays); it asks for a",
    "confirmation unless --yes, and refuses a database that is not a development one (not on this",
    "machine, or NODE_ENV=production) unless --force.",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: {
    url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
    reset: { type: "boolean", description: "Empty the app's tables before seeding" },
    yes: { type: "boolean", short: "y", description: "Do not ask before --reset empties the tables" },
    force: { type: "boolean", description: "Allow --reset on a database that is not a development one" },
    json: { type: "boolean", description: "Print the counts (or the error) as JSON" },
  },
  async run({ values, positionals }, io) {
    if ((values.yes || values.force) && !values.reset) throw new CliError(`--${values.yes ? "yes" : "force"} applies only with --reset`);
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const ir = await compileOrReport(dir, io);
    if (!ir) return ExitCode.problems;
    const opened = openDatabase(dir, values.url, io, ir);
    if (typeof opened === "string") {
      io.stderr.write(`${LABEL}: ${opened}\n`);
      return ExitCode.problems;
    }
    try {
      return await seedOpened(opened, ir, dir, values, io);
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      io.stderr.write(`${LABEL}: database error on ${opened.described}: ${(error as Error).message}\n${missingTable(error) ? "the database is not at the model yet: run 'weave dev' or 'weave migrate apply' first\n" : ""}`);
      return ExitCode.problems;
    } finally {
      await opened.database.close();
    }
  },
});

async function compileOrReport(dir: string, io: Io): Promise<IR | undefined> {
  const { result } = await compileTimed(dir);
  if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
  return hasErrors(result.diagnostics) ? undefined : result.ir;
}

async function seedOpened(opened: OpenedDatabase, ir: IR, dir: string, values: SeedValues, io: Io): Promise<number> {
  // Loaded here, so `weave --help` never loads the runtime.
  const { emptyAppTables, SeedError, seedDatabase, seedSize } = await import("../../runtime/seed/index.ts");
  if (values.reset) {
    const refusal = values.force ? undefined : resetRefusal(opened.target.url, io.env);
    if (refusal) {
      io.stderr.write(`${LABEL}: ${refusal.replace("refusing to reset", "refusing to empty")}; --force overrides this\n`);
      return ExitCode.problems;
    }
    if (!(await confirmed(`${LABEL}: empty every table of ${ir.app.name} in ${opened.described}? [y/N] `, values.yes, io))) {
      io.stderr.write(`${LABEL}: nothing was changed\n`);
      return ExitCode.problems;
    }
    const emptied = await emptyAppTables(opened.database, ir);
    if (!values.json) io.stdout.write(`emptied ${emptied.length} tables of ${opened.described}\n`);
  }
  if (seedSize(ir) === 0) {
    if (values.json) io.stdout.write(`${JSON.stringify({ database: opened.described, reset: values.reset, seeded: false }, null, 2)}\n`);
    else io.stdout.write(`nothing to seed: the app has no seed data (seed/*.yaml)\n`);
    return ExitCode.ok;
  }
  try {
    const result = await seedDatabase(opened.database, ir, { env: io.env });
    if (values.json) io.stdout.write(`${JSON.stringify({ database: opened.described, reset: values.reset, seeded: true, ...seedJson(result) }, null, 2)}\n`);
    else io.stdout.write([`seeded ${opened.described} in ${Math.round(result.ms)} ms`, ...seedLines(result), ""].join("\n"));
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    if (values.json) io.stdout.write(`${JSON.stringify({ database: opened.described, reset: values.reset, seeded: false, error: seedErrorJson(error, dir, io.cwd) }, null, 2)}\n`);
    io.stderr.write(`${LABEL}: error: ${seedErrorText(error, dir, io.cwd)}\n${LABEL}: nothing was seeded\n`);
    return ExitCode.problems;
  }
}

/** --yes, else the answer of a person at the terminal; without one, a usage error. */
async function confirmed(question: string, yes: boolean, io: Io): Promise<boolean> {
  if (yes) return true;
  if (!io.ask) throw new CliError("--reset empties every table: confirm with --yes when no terminal can answer");
  return /^y(es)?$/i.test((await io.ask(question)).trim());
}

function missingTable(error: unknown): boolean {
  return (error as { code?: string }).code === "42P01";
}


