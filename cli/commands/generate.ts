/**
 * `weave generate <target> [dir]`: write one artifact of the current model (entity types, the
 * OpenAPI document, the SQL DDL) to `<dir>/.weave/` or `--out`, or to stdout with `--out -`.
 * The targets live in cli/generate/targets.ts.
 */
import { join, resolve } from "node:path";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import { appDir, displayPath } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import { GENERATE_TARGETS } from "../generate/targets.ts";
import { buildReport } from "../report.ts";
import { didYouMean } from "../suggest.ts";
import { writeFileAtomic } from "../write-file.ts";

const NAMES = Object.keys(GENERATE_TARGETS);

export const generate = defineCommand({
  name: "generate",
  summary: "Write the entity types, the OpenAPI document or the SQL DDL of the current model",
  usage: [
    "weave generate <target> [dir] [options]",
    "",
    "Targets:",
    ...NAMES.map((name) => `  ${name.padEnd(8)}  ${GENERATE_TARGETS[name]!.summary}`),
    "",
    "Writes <dir>/.weave/<file> (types.ts, openapi.json, schema.sql) unless --out says otherwise;",
    "--out - prints to stdout.",
  ].join("\n"),
  args: [
    { name: "target", description: NAMES.join(", ") },
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
  ],
  options: {
    out: { type: "string", value: "<path>", description: "File to write, or - for stdout (default: <dir>/.weave/<file>)" },
    json: { type: "boolean", description: "Print { target, path, bytes, hash } as JSON" },
  },
  async run({ values, positionals }, io) {
    const target = GENERATE_TARGETS[parseTarget(positionals[0])]!;
    if (!target.generate) throw new CliError(target.unavailable ?? "not available yet");
    const dir = appDir(positionals[1] ?? ".", io.cwd);
    const { result } = await compileTimed(dir);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    const started = performance.now();
    const text = await target.generate(result.ir);
    const ms = performance.now() - started;
    if (values.out === "-") {
      io.stdout.write(text);
      return ExitCode.ok;
    }
    const path = values.out === undefined ? join(dir, ".weave", target.file) : resolve(io.cwd, values.out);
    const bytes = writeFileAtomic(path, text);
    const shown = displayPath(path, io.cwd);
    if (values.json) io.stdout.write(`${JSON.stringify({ target: positionals[0], path: shown, bytes, hash: result.ir.hash }, null, 2)}\n`);
    else io.stdout.write(`wrote ${shown} (${bytes} bytes, generated in ${Math.round(ms)} ms)\n`);
    return ExitCode.ok;
  },
});

function parseTarget(given: string | undefined): string {
  if (given === undefined) throw new CliError(`missing target; valid targets: ${NAMES.join(", ")}`);
  if (NAMES.includes(given)) return given;
  throw new CliError(`unknown target '${given}'${didYouMean(given, NAMES)}; valid targets: ${NAMES.join(", ")}`);
}
