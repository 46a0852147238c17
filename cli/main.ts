/**
 * `weave` entry point: finds the command, parses its arguments, runs it, and turns failures into
 * exit codes (see `ExitCode`). Usage mistakes go to stderr with the valid choices.
 */
import { parseCommandArgs } from "./args.ts";
import { CliError, ExitCode, type Command } from "./command.ts";
import { COMMAND_LOADERS, loadCommands } from "./commands/index.ts";
import { commandHelp, mainHelp } from "./help.ts";
import { processIo, type Io } from "./io.ts";
import { didYouMean } from "./suggest.ts";
import { weaveVersion } from "./version.ts";

/**
 * Runs `weave` with the given arguments (without `bun` and the script) and returns the exit code.
 *
 * @example
 * process.exitCode = await main(["check", "examples/invoicing", "--format", "github"]);
 */
export async function main(argv: readonly string[], io: Io = processIo(), table?: readonly Command[]): Promise<number> {
  const [first, ...rest] = argv;
  let commands: readonly Command[] = table ?? [];
  try {
    commands = table ?? (await commandsFor(first));
    return await dispatch(first, rest, io, commands);
  } catch (error) {
    const command = commands.find((c) => c.name === first);
    return reportFailure(error, io, command ? `weave ${command.name}` : "weave");
  }
}

/** Only the command that runs is loaded; help and mistakes need them all; --version none. */
async function commandsFor(first: string | undefined): Promise<readonly Command[]> {
  if (first === "--version" || first === "-v") return [];
  const load = first === undefined ? undefined : COMMAND_LOADERS[first];
  return load && Object.hasOwn(COMMAND_LOADERS, first!) ? [await load()] : loadCommands();
}

async function dispatch(first: string | undefined, rest: readonly string[], io: Io, table: readonly Command[]): Promise<number> {
  if (first === undefined) {
    io.stderr.write(mainHelp(table));
    return ExitCode.usage;
  }
  if (first === "--help" || first === "-h") return print(io, mainHelp(table));
  if (first === "--version" || first === "-v") return print(io, `${weaveVersion()}\n`);
  if (first === "help") return print(io, rest[0] === undefined ? mainHelp(table) : commandHelp(findCommand(rest[0], table)));
  if (first.startsWith("-")) throw new CliError(`unknown option ${first}; valid options: --help, --version, or a command: ${names(table)}`);
  const command = findCommand(first, table);
  const { help, ...args } = parseCommandArgs(command, rest);
  if (help) return print(io, commandHelp(command));
  return command.run(args, io);
}

function findCommand(name: string, table: readonly Command[]): Command {
  const command = table.find((c) => c.name === name);
  if (command) return command;
  throw new CliError(`unknown command '${name}'${didYouMean(name, table.map((c) => c.name))}; valid commands: ${names(table)}`);
}

function names(table: readonly Command[]): string {
  return table.map((c) => c.name).join(", ");
}

function print(io: Io, text: string): number {
  io.stdout.write(text);
  return ExitCode.ok;
}

function reportFailure(error: unknown, io: Io, prefix: string): number {
  if (error instanceof CliError) {
    io.stderr.write(`${prefix}: ${error.message}\n`);
    return error.exitCode;
  }
  // Anything else is a bug in weave: keep the stack so it can be reported.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`${prefix}: internal error (a bug in weave, please report it)\n${detail}\n`);
  return ExitCode.internal;
}
