/**
 * `weave serve [dir]`: serve a compiled app (`.weave/ir.json`) on a database its migrations have
 * brought to that model. Reads no YAML and applies nothing: it refuses to start while a migration
 * is pending or the model has changes no migration covers. Stops gracefully on SIGTERM or Ctrl-C.
 * (`weave build` and serving from `dist/` come with a later issue.)
 */
import { join } from "node:path";
import type { IR } from "../../compiler/ir/index.ts";
import { jsonLines } from "../../runtime/ops/request-log.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { defineCommand, ExitCode } from "../command.ts";
import type { Io } from "../io.ts";
import { BuiltAppError, readBuiltModel, servingProblems } from "../serve/built-app.ts";
import { isDatabaseError, type OpenedDatabase, openDatabase } from "../serve/database.ts";
import { resolvePort } from "../serve/port.ts";
import { type Lifecycle, type Listener, listen, serveUntilStopped } from "../serve/start-server.ts";

const LABEL = "weave serve";

export const serve = defineCommand({
  name: "serve",
  summary: "Serve a compiled app on a migrated database, with JSON request logs",
  usage: [
    "weave serve [dir] [options]",
    "",
    "Serves the model in <dir>/.weave/ir.json (run 'weave compile' first). The database is --url,",
    "else $DATABASE_URL (or the variable named by database.url), else the embedded PGlite. Nothing",
    "is applied: it refuses to start while migrations are pending ('weave migrate apply').",
    "Request logs are JSON lines on stdout; /health, /ready and /metrics are served beside the API.",
    "SIGTERM or Ctrl-C stops it after the requests in flight finish (at most 10 s).",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding .weave/ir.json (default: .)" }],
  options: {
    port: { type: "string", value: "<n>", description: "Port to listen on (default: $PORT, else 3000; 0 picks a free one)" },
    host: { type: "string", value: "<host>", description: "Address to listen on (0.0.0.0: every interface)", default: "0.0.0.0" },
    url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
  },
  async run({ values, positionals }, io) {
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const port = resolvePort(values.port, io.env);
    let ir: IR;
    try {
      ir = readBuiltModel(dir, (path) => displayPath(path, io.cwd));
    } catch (error) {
      if (!(error instanceof BuiltAppError)) throw error;
      io.stderr.write(`${LABEL}: ${error.message}\n`);
      return ExitCode.problems;
    }

    const listener = listen({ label: LABEL, port, hostname: values.host ?? "0.0.0.0", io });
    if (!listener) return ExitCode.problems;
    let opened: OpenedDatabase | string | undefined;
    try {
      opened = openDatabase(dir, values.url, io, ir);
      if (typeof opened === "string") io.stderr.write(`${LABEL}: ${opened}\n`);
      else if (await canServe(opened, ir, dir, io)) return await serveOn(listener, opened, ir, dir, io);
    } catch (error) {
      await giveUp(listener, opened);
      throw error;
    }
    await giveUp(listener, opened);
    return ExitCode.problems;
  },
});

async function serveOn(listener: Listener, opened: OpenedDatabase, ir: IR, dir: string, io: Io): Promise<number> {
  // Loaded here, so the other commands never load the API runtime.
  const { createServer } = await import("../../runtime/index.ts");
  const { database, described } = opened;
  const lifecycle: Lifecycle = { draining: false };
  const weave = createServer(ir, {
    database,
    appDir: dir,
    log: jsonLines((line) => io.stdout.write(line)),
    draining: () => lifecycle.draining,
    testHooks: io.env.WEAVE_TEST_HOOKS === "1",
  });
  const model = ir.hash.slice(ir.hash.indexOf(":") + 1, ir.hash.indexOf(":") + 13);
  return serveUntilStopped(listener, { label: LABEL, io, weave, database, lifecycle, what: `${ir.app.name} (model ${model}) from ${displayPath(dir, io.cwd)} on ${described}` });
}

/** Startup failed: free the port and the database, so the process can exit. */
async function giveUp(listener: Listener, opened: OpenedDatabase | string | undefined): Promise<void> {
  if (opened !== undefined && typeof opened !== "string") await opened.database.close();
  await listener.abandon();
}

/** False after printing why: pending migrations, a model no migration covers, or a database error. */
async function canServe(opened: OpenedDatabase, ir: IR, dir: string, io: Io): Promise<boolean> {
  let problems: string[];
  try {
    problems = await servingProblems(opened.database, ir, join(dir, "migrations"));
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    io.stderr.write(`${LABEL}: database error on ${opened.described}: ${(error as Error).message}\n`);
    return false;
  }
  if (problems.length === 0) return true;
  io.stderr.write(`${problems.map((p) => `error: ${p}\n`).join("")}${LABEL}: refusing to start on ${opened.described}\n`);
  return false;
}
