/**
 * `weave inspect [dir] [Entity[.field]]`: what was generated from a model element and why: its
 * columns and constraints, routes and OpenAPI operation ids, the policies that apply, the UI widget,
 * each with the file:line it came from. The data comes from compiler/generators/inspect (also served
 * by `weave dev` at /api/_inspect); the text from cli/inspect/text.ts.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { inspectGenerated, inspectModel } from "../../compiler/generators/inspect/index.ts";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.ts";
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { pretty } from "../format/pretty.ts";
import { generatedText, inspectText } from "../inspect/text.ts";
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
    "",
    "With --generated, the other way round: what in the model made a generated element, and where",
    "it is written: a table or column (invoices.customer_id), a constraint or index name, a route",
    "(\"GET /api/invoices/{id}\" or a concrete path), an OpenAPI operation id (sendInvoice) or a",
    "widget tag (weave-input-money). Served at GET /api/_inspect?generated=... too.",
  ].join("\n"),
  args: [
    { name: "dir", description: "App folder holding weave.yaml (default: .)" },
    { name: "element", description: "An entity (Invoice) or a field (Invoice.status)" },
  ],
  options: {
    json: { type: "boolean", description: "Print the result as JSON" },
    generated: { type: "string", value: "<thing>", description: "What made this generated element (column, route, operation id, widget)" },
  },
  async run({ values, positionals }, io) {
    const [dirArg, element] = splitArgs(positionals, io.cwd);
    const dir = appDir(dirArg, io.cwd);
    const { result } = await compileTimed(dir);
    if (result.diagnostics.length > 0) io.stderr.write(pretty(buildReport(result, { cwd: io.cwd, color: useColor(io.stderr, io.env) })));
    if (hasErrors(result.diagnostics) || !result.ir) return ExitCode.problems;
    if (values.generated !== undefined) {
      if (element !== undefined) throw new CliError("give either an element or --generated, not both");
      const made = inspectGenerated(result.ir, values.generated);
      if ("error" in made) throw new CliError(`${made.error}; try for example: ${made.choices.join(", ")}`);
      io.stdout.write(values.json ? `${JSON.stringify(made, null, 2)}\n` : generatedText(made, dir, io.cwd));
      return ExitCode.ok;
    }
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
