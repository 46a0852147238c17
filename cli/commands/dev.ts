/**
 * `weave dev [dir]`: compile the app, bring the development database to the model (no migration
 * files), and serve the API on one port with development identity headers. Stops gracefully on
 * SIGTERM or Ctrl-C. The helpers live in cli/serve/.
 */
import { join } from "node:path";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import type { PlanProblem } from "../../compiler/generators/sql/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { jsonLines, textLines } from "../../runtime/ops/request-log.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { defineCommand, ExitCode, type OptionValues } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import type { Io } from "../io.ts";
import { buildReport } from "../report.ts";
import { isDatabaseError, type OpenedDatabase } from "../serve/database.ts";
import { type DevMigration, DevStepFailure, migrateDevelopment } from "../serve/dev-database.ts";
import { resolvePort } from "../serve/port.ts";
import { seedWhenEmpty } from "../serve/seed.ts";
import { type StartOptions, startServing } from "../serve/start-app.ts";
import { createDevChannel } from "../../runtime/ui/dev-channel.ts";
import { createReloader } from "../dev/hot-reload.ts";
import { watchSpec } from "../dev/watch.ts";
import { createStudio, registerStudioRoutes } from "../studio/routes.ts";

const LABEL = "weave dev";

/** The options of `weave dev`, which `weave studio` shares. */
export const DEV_OPTIONS = {
  port: { type: "string", value: "<n>", description: "Port to listen on (default: $PORT, else 3000; 0 picks a free one)" },
  host: { type: "string", value: "<host>", description: "Address to listen on", default: "localhost" },
  url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
  "allow-destructive": { type: "boolean", description: "Apply drops and narrowing type changes to the development database" },
  "no-watch": { type: "boolean", description: "Do not reload when the spec changes" },
} as const;

type DevValues = OptionValues<typeof DEV_OPTIONS>;

export const dev = defineCommand({
  name: "dev",
  summary: "Develop an app: compile it, bring the development database to the model, and serve it",
  usage: [
    "weave dev [dir] [options]",
    "",
    "The database is --url, else $DATABASE_URL (or the variable named by database.url in weave.yaml),",
    "else the embedded PGlite in the app's database.embedded folder (default .weave/pglite). It is",
    "brought to the current model directly, without migration files: from the model it was last",
    "brought to by weave dev, else from the last migration applied, else from empty. Destructive",
    "changes (drops, narrowing types) are refused unless --allow-destructive is given.",
    "A database without users, tenants or records is then seeded from seed/*.yaml (see 'weave seed').",
    "Requests may name a user and roles with X-Weave-User, X-Weave-Roles and X-Weave-Tenant-Roles.",
    "Request logs go to stdout (short lines at a terminal, else JSON lines); /health, /ready and",
    "/metrics are served beside the API. SIGTERM or Ctrl-C stops it after the requests in flight finish.",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: DEV_OPTIONS,
  run: ({ values, positionals }, io) => serveDevelopment(values, positionals[0], io),
});

/**
 * `weave dev`, and `weave studio` with `onServing` (told the server's URL once it serves). The
 * Studio's routes (cli/studio/) are mounted in both.
 *
 * @example return serveDevelopment(values, positionals[0], io, (url) => io.stderr.write(`${url}/app/_studio\n`));
 */
export async function serveDevelopment(values: DevValues, dirArg: string | undefined, io: Io, onServing?: (url: string) => void): Promise<number> {
  const dir = appDir(dirArg ?? ".", io.cwd);
  const port = resolvePort(values.port, io.env);
  const ir = await compileOrReport(dir, io);
  if (!ir) return ExitCode.problems;

  return startServing({
    label: LABEL,
    ir,
    dir,
    url: values.url,
    port,
    hostname: values.host ?? "localhost",
    io,
    prepare: (opened) => prepareDatabase(opened, ir, dir, values["allow-destructive"], io),
    server: { devIdentity: true, log: requestLog(io) },
    what: (opened) => `${ir.app.name} from ${displayPath(dir, io.cwd)} on ${opened.described}`,
    live: values["no-watch"] ? undefined : liveReload({ dir, io, ir, allowDestructive: values["allow-destructive"] }),
    extend: studioRoutes(dir),
    ...(onServing ? { onServing } : {}),
  });
}

/** The Studio's routes, on every model the dev server serves; one state for all of them. */
function studioRoutes(dir: string): StartOptions["extend"] {
  const studio = createStudio(dir);
  return (app) => registerStudioRoutes(app, studio);
}

/** Hot reload: watch the spec, recompile, migrate, swap the model in and tell the browsers. */
function liveReload(options: { dir: string; io: Io; ir: IR; allowDestructive: boolean }): StartOptions["live"] {
  const channel = createDevChannel();
  return {
    channel,
    start: ({ database, swap }) => {
      const reloader = createReloader({ label: LABEL, dir: options.dir, io: options.io, database, channel, allowDestructive: options.allowDestructive, current: options.ir, swap });
      options.io.stderr.write(`${LABEL}: watching ${displayPath(options.dir, options.io.cwd)} for changes\n`);
      return watchSpec(options.dir, () => void reloader.reload());
    },
  };
}

async function compileOrReport(dir: string, io: Io): Promise<IR | undefined> {
  const { result, ms } = await compileTimed(dir);
  if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
  if (hasErrors(result.diagnostics) || !result.ir) return undefined;
  io.stderr.write(`${LABEL}: compiled ${displayPath(dir, io.cwd)} in ${Math.round(ms)} ms\n`);
  return result.ir;
}

/** Migrates and seeds; false after printing why the server cannot start. */
async function prepareDatabase(opened: OpenedDatabase, ir: IR, dir: string, allowDestructive: boolean, io: Io): Promise<boolean> {
  const { database, described } = opened;
  let migration: DevMigration;
  try {
    migration = await migrateDevelopment(database, ir, { allowDestructive, migrationsDir: join(dir, "migrations") });
  } catch (error) {
    if (error instanceof DevStepFailure) {
      io.stderr.write(`${LABEL}: could not bring ${described} to the model: ${error.message}\nnothing was applied; if the database was changed by hand, start it over with 'weave migrate reset'\n`);
      return false;
    }
    if (!isDatabaseError(error)) throw error;
    io.stderr.write(`${LABEL}: database error on ${described}: ${(error as Error).message}\n`);
    return false;
  }
  if (migration.problems.length > 0) {
    io.stderr.write(refusal(migration.problems, described));
    return false;
  }
  io.stderr.write(migrationSummary(migration, described));
  const seed = await seedWhenEmpty(database, ir, { dir, cwd: io.cwd, env: io.env });
  if (seed.note) io.stderr.write(`${LABEL}: ${seed.note}\n`);
  if (seed.error) io.stderr.write(`${LABEL}: could not seed ${described}: ${seed.error}\n`);
  return true;
}

/** Short lines at a terminal, JSON lines when the output goes to a program. */
function requestLog(io: Io) {
  const write = (line: string) => io.stdout.write(line);
  return io.stdout.isTTY ? textLines(write) : jsonLines(write);
}

function migrationSummary(migration: DevMigration, described: string): string {
  if (migration.steps.length === 0) return `${LABEL}: ${described} is up to date with the model\n`;
  const count = `${migration.steps.length} ${migration.steps.length === 1 ? "step" : "steps"}`;
  const head = `${LABEL}: brought ${described} from ${baselineText(migration)} to the model: ${count} in ${Math.round(migration.ms)} ms\n`;
  // From empty every table is new: the count says enough. After an edit, each change is worth a line.
  if (migration.baseline.kind === "empty") return head;
  return head + migration.steps.map((s) => `  ${s.class}  ${s.summary}\n`).join("");
}

function baselineText(migration: DevMigration): string {
  const baseline = migration.baseline;
  if (baseline.kind === "empty") return "empty";
  if (baseline.kind === "migration") return `migration ${baseline.migration}`;
  return "the last development model";
}

function refusal(problems: readonly PlanProblem[], described: string): string {
  const lines = problems.map((p) => `refused: ${p.message}\n  hint: ${p.hint}\n`);
  return `${lines.join("")}${LABEL}: ${described} was not changed and the server did not start\n`;
}
