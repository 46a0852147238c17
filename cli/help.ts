/**
 * Help text for `weave --help` and `weave <command> --help`, built from the command table so it
 * never drifts from what the parser accepts.
 */
import { helpOption } from "./args.ts";
import type { Command, OptionSpec } from "./command.ts";
import { weaveVersion } from "./version.ts";

const exitCodes = "Exit codes: 0 success, 1 problems found, 2 usage error, 3 internal error";

/**
 * The top-level help: every command with its summary.
 *
 * @example
 * io.stdout.write(mainHelp(commands));
 */
export function mainHelp(commands: readonly Command[]): string {
  return [
    `weave ${weaveVersion()} - model-first app framework`,
    "",
    "Usage: weave <command> [options]",
    "",
    "Commands:",
    ...table(commands.map((c) => [c.name, c.summary])),
    "",
    "Options:",
    ...table([
      ["-h, --help", "Show this help"],
      ["-v, --version", "Show the version"],
    ]),
    "",
    "Run 'weave help <command>' for a command's arguments and options.",
    exitCodes,
    "",
  ].join("\n");
}

/**
 * One command's help: usage, arguments, options with defaults and choices.
 *
 * @example
 * io.stdout.write(commandHelp(check));
 */
export function commandHelp(command: Command): string {
  const options = { ...command.options, help: helpOption };
  const args = command.args.length === 0 ? [] : ["", "Arguments:", ...table(command.args.map((a) => [a.name, a.description]))];
  return [
    command.summary,
    "",
    `Usage: ${command.usage}`,
    ...args,
    "",
    "Options:",
    ...table(Object.entries(options).map(([name, spec]) => [flagText(name, spec), describe(spec)])),
    "",
    exitCodes,
    "",
  ].join("\n");
}

function flagText(name: string, spec: OptionSpec): string {
  const flag = spec.short ? `-${spec.short}, --${name}` : `--${name}`;
  return spec.type === "string" ? `${flag} ${spec.value ?? "<value>"}` : flag;
}

function describe(spec: OptionSpec): string {
  const choices = spec.choices ? `: ${spec.choices.join(", ")}` : "";
  const fallback = typeof spec.default === "string" ? ` (default: ${spec.default})` : "";
  return `${spec.description}${choices}${fallback}`;
}

/** Two columns, the first padded to its widest cell. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
