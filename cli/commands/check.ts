/**
 * `weave check [dir]`: compile an app folder and report its diagnostics in the chosen format.
 */
import { appDir } from "../app-dir.ts";
import { CliError, defineCommand, ExitCode } from "../command.ts";
import { compileTimed } from "../compile.ts";
import { useColor } from "../format/ansi.ts";
import { formatNames, formats, type FormatName } from "../format/index.ts";
import { countSeverities, type Counts } from "../format/report.ts";
import { buildReport } from "../report.ts";

export const check = defineCommand({
  name: "check",
  summary: "Check an app folder and report its problems",
  usage: "weave check [dir] [options]",
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: {
    format: { type: "string", value: "<format>", choices: formatNames, default: "pretty", description: "Output format" },
    "max-warnings": {
      type: "string",
      value: "<n>",
      description: "Fail when there are more than n warnings (default: no limit)",
    },
    quiet: { type: "boolean", short: "q", description: "Report errors only; warnings still count for --max-warnings" },
  },
  async run({ values, positionals }, io) {
    const maxWarnings = parseMaxWarnings(values["max-warnings"]);
    const dir = appDir(positionals[0] ?? ".", io.cwd);
    const { result } = await compileTimed(dir);
    const counts = countSeverities(result.diagnostics);
    const warningsFail = counts.warnings > maxWarnings;
    const report = buildReport(result, { cwd: io.cwd, color: useColor(io.stdout, io.env), quiet: values.quiet, warningsFail });
    io.stdout.write(formats[values.format as FormatName](report));
    if (warningsFail) io.stderr.write(`weave check: ${counts.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return checkExitCode(counts, maxWarnings);
  },
});

/**
 * The exit code of `weave check`: 1 on any error or on more warnings than allowed, else 0.
 *
 * @example
 * checkExitCode({ errors: 0, warnings: 2, infos: 0 }, 1); // 1
 */
export function checkExitCode(counts: Counts, maxWarnings = Infinity): number {
  return counts.errors > 0 || counts.warnings > maxWarnings ? ExitCode.problems : ExitCode.ok;
}

function parseMaxWarnings(raw: string | undefined): number {
  if (raw === undefined) return Infinity;
  if (!/^\d+$/.test(raw)) throw new CliError(`invalid value '${raw}' for --max-warnings; expected a whole number, 0 or more`);
  return Number(raw);
}
