/**
 * `weave build [dir]`: compile the app and write what `weave serve` needs into one folder
 * (default `<dir>/dist`): the model, migrations, OpenAPI, types, the components bundle and its
 * manifest, and the bundled handlers. See cli/build/build-app.ts.
 */
import { join, resolve } from "node:path";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import { BuildRefusal, buildApp } from "../build/build-app.ts";
import { buildReport } from "../report.ts";

export const build = defineCommand({
  name: "build",
  summary: "Build an app for production: model, migrations, OpenAPI, types and UI bundle in dist/",
  usage: [
    "weave build [dir] [options]",
    "",
    "Compiles the app and writes <dir>/dist (or --out): ir.json, migrations/, openapi.json, types.ts,",
    "client.ts (the typed SDK), weave.js and charts.js (the components), custom-elements.json and",
    "the bundled action and hook modules.",
    "'weave serve dist' then starts from it without reading YAML. Refuses a model that no migration",
    "covers: run 'weave migrate create' first.",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: {
    out: { type: "string", value: "<dir>", description: "Folder to write (default: <dir>/dist); its contents are replaced" },
    json: { type: "boolean", description: "Print { out, hash, files: [{ path, bytes }] } as JSON" },
  },
  async run({ values, positionals }, io) {
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const out = values.out ? resolve(io.cwd, values.out) : join(dir, "dist");
    const started = performance.now();
    const { result } = await compileTimed(dir);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    if (!values.json) io.stderr.write(`weave build: compiled ${displayPath(dir, io.cwd)}; building...\n`);
    let files;
    try {
      ({ files } = await buildApp(result.ir, dir, out));
    } catch (error) {
      if (!(error instanceof BuildRefusal)) throw error;
      io.stderr.write(`weave build: ${error.message}\n`);
      return ExitCode.problems;
    }
    const ms = Math.round(performance.now() - started);
    if (values.json) io.stdout.write(`${JSON.stringify({ out: displayPath(out, io.cwd), hash: result.ir.hash, files }, null, 2)}\n`);
    else {
      for (const file of files) io.stdout.write(`  ${file.path.padEnd(32)} ${file.bytes.toLocaleString("en")} bytes\n`);
      io.stdout.write(`built ${displayPath(out, io.cwd)} (${files.length} files) in ${ms} ms; serve it with 'weave serve ${displayPath(out, io.cwd)}'\n`);
    }
    return ExitCode.ok;
  },
});
