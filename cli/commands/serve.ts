/**
 * `weave serve [dir]`: serve a compiled app (`.weave/ir.json`) on a database its migrations have
 * brought to that model. Reads no YAML and applies nothing: it refuses to start while a migration
 * is pending or the model has changes no migration covers. Stops gracefully on SIGTERM or Ctrl-C.
 * It also serves a `weave build` folder (dist/), with its prebuilt components bundle.
 */
import { dirname, join } from "node:path";
import type { UiBundle } from "../../runtime/ui/routes.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { jsonLines } from "../../runtime/ops/request-log.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { defineCommand, ExitCode } from "../command.ts";
import type { Io } from "../io.ts";
import { BuiltAppError, type BuiltLayout, builtLayout, readBuiltModel, servingProblems } from "../serve/built-app.ts";
import { isDatabaseError, type OpenedDatabase } from "../serve/database.ts";
import { resolvePort } from "../serve/port.ts";
import { startServing } from "../serve/start-app.ts";

const LABEL = "weave serve";

export const serve = defineCommand({
  name: "serve",
  summary: "Serve a compiled app on a migrated database, with JSON request logs",
  usage: [
    "weave serve [dir] [options]",
    "",
    "Serves a build folder ('weave build' writes dist/), or the model in <dir>/.weave/ir.json",
    "(run 'weave compile' first). The database is --url,",
    "else $DATABASE_URL (or the variable named by database.url), else the embedded PGlite. Nothing",
    "is applied: it refuses to start while migrations are pending ('weave migrate apply').",
    "Request logs are JSON lines on stdout; /health, /ready and /metrics are served beside the API.",
    "SIGTERM or Ctrl-C stops it after the requests in flight finish (at most 10 s).",
  ].join("\n"),
  args: [{ name: "dir", description: "A build folder (dist/), or an app folder holding .weave/ir.json (default: .)" }],
  options: {
    port: { type: "string", value: "<n>", description: "Port to listen on (default: $PORT, else 3000; 0 picks a free one)" },
    host: { type: "string", value: "<host>", description: "Address to listen on (0.0.0.0: every interface)", default: "0.0.0.0" },
    url: { type: "string", value: "<url>", description: "Postgres URL (default: $DATABASE_URL, else the embedded PGlite)" },
  },
  async run({ values, positionals }, io) {
    // Start loading the API runtime now: it then loads while the database is checked, which is
    // most of the time to the first response (bench/serve).
    import("../../runtime/index.ts").catch(() => undefined);
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

    const layout = builtLayout(dir);
    const model = ir.hash.slice(ir.hash.indexOf(":") + 1, ir.hash.indexOf(":") + 13);
    return startServing({
      label: LABEL,
      ir,
      dir,
      url: values.url,
      port,
      hostname: values.host ?? "0.0.0.0",
      io,
      prepare: (opened) => canServe(opened, ir, layout, io),
      ...(layout.bundlePath ? { bundle: readBundle(layout.bundlePath) } : {}),
      server: { log: jsonLines((line) => io.stdout.write(line)) },
      what: (opened) => `${ir.app.name} (model ${model}) from ${displayPath(dir, io.cwd)} on ${opened.described}`,
    });
  },
});

/** False after printing why: pending migrations, a model no migration covers, or a database error. */
async function canServe(opened: OpenedDatabase, ir: IR, layout: BuiltLayout, io: Io): Promise<boolean> {
  let problems: string[];
  try {
    problems = await servingProblems(opened.database, ir, layout.migrationsDir, { coveredByBuild: layout.kind === "build" });
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    io.stderr.write(`${LABEL}: database error on ${opened.described}: ${(error as Error).message}\n`);
    return false;
  }
  if (problems.length === 0) return true;
  io.stderr.write(`${problems.map((p) => `error: ${p}\n`).join("")}${LABEL}: refusing to start on ${opened.described}\n`);
  return false;
}

/** The build's components bundle (weave.js, with charts.js and extras.js beside it), read once on first request. */
function readBundle(path: string): () => Promise<UiBundle> {
  let files: Promise<UiBundle> | undefined;
  const beside = (name: string) => Bun.file(join(dirname(path), name)).text();
  const read = async () => ({ code: await Bun.file(path).text(), charts: await beside("charts.js"), extras: await beside("extras.js") });
  return () => (files ??= read());
}
