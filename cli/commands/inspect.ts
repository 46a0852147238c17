/**
 * `weave inspect [dir] [Entity[.field]]`: what was generated from a model element and why: its
 * columns and constraints, routes and OpenAPI operation ids, the policies that apply, the UI widget,
 * each with the file:line it came from. The data comes from compiler/generators/inspect (also served
 * by `weave dev` at /api/_inspect); the text from cli/inspect/text.ts.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { inspectModel } from "../../compiler/generators/inspect/index.ts";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import { inspectText } from "../inspect/text.ts";
import { buildReport } from "../report.ts";
import { didYouMean } from "../suggest.ts";

export const inspect = defineCommand({
  name: "inspect",
  summary: "Show what was generated from an entity or field: columns, routes, policies, widget",
  usage: [
    "weave inspect [dir] [Entity[.field]] [options]",
    "",
    "Without an element, lists the entities. With one, shows its columns (SQL type, constraints),",
    "routes (method, path, OpenAPI operation id), the policies that apply and the widget the UI",
    "uses, each with where it was written. A single argument that is a folder is the app folder.",
    "'weave dev' serves the same at GET /api/_inspect?element=Entity.field.",
  ].join("\n"),
  args: [
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
    { name: "element", description: "An entity (Invoice) or a field (Invoice.status)" },
  ],
  options: {
    json: { type: "boolean", description: "Print the result as JSON" },
  },
  async run({ values, positionals }, io) {
    const [dirArg, element] = splitArgs(positionals, io.cwd);
    const dir = appDir(dirArg, io.cwd);
    const { result } = await compileTimed(dir);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    const found = inspectModel(result.ir, element);
    if ("error" in found) throw new CliError(`${found.error}${didYouMean(element ?? "", found.choices)}; valid: ${found.choices.join(", ")}`);
    io.stdout.write(values.json ? `${JSON.stringify(found, null, 2)}\n` : inspectText(found, dir, io.cwd));
    return ExitCode.ok;
  },
});

/** `[dir] [element]`: one argument is the folder when it is one, else the element. */
function splitArgs(positionals: readonly string[], cwd: string): [string, string | undefined] {
  if (positionals.length >= 2) return [positionals[0]!, positionals[1]];
  const only = positionals[0];
  if (only === undefined) return [".", undefined];
  const isFolder = statSync(resolve(cwd, only), { throwIfNoEntry: false })?.isDirectory() === true;
  return isFolder ? [only, undefined] : [".", only];
}
