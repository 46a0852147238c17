/**
 * The shape of a `weave` command. Each command is one file in cli/commands/ exporting a `Command`,
 * listed once in cli/commands/index.ts; main.ts parses arguments, prints help and dispatches.
 */
import type { Io } from "./io.ts";

/** One `--flag` of a command. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly description: string;
  /** Placeholder shown in help, e.g. `<n>`; string options only. */
  readonly value?: string;
  /** The only values a string option accepts. */
  readonly choices?: readonly string[];
  /** Shown in help and used when the flag is absent. */
  readonly default?: string | boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** One positional argument; all are optional, in order. */
export interface ArgSpec {
  readonly name: string;
  readonly description: string;
}

/** Parsed option values: booleans are always set, strings when given or defaulted. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : string | undefined;
};

export interface ParsedArgs<O extends OptionSpecs = OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line, shown in `weave --help`. */
  readonly summary: string;
  /** e.g. `weave check [dir] [options]`. */
  readonly usage: string;
  readonly args: readonly ArgSpec[];
  readonly options: O;
  /** Runs the command and returns the exit code. Throws `CliError` for usage problems. */
  run(args: ParsedArgs<O>, io: Io): Promise<number>;
}

/**
 * Declares a command with its option values typed from its option specs.
 *
 * @example
 * export const hello = defineCommand({
 *   name: "hello", summary: "Say hello", usage: "weave hello [options]", args: [],
 *   options: { loud: { type: "boolean", description: "Shout" } },
 *   async run({ values }, io) { io.stdout.write(values.loud ? "HELLO\n" : "hello\n"); return 0; },
 * });
 */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** Exit codes of every command. */
export const ExitCode = {
  ok: 0,
  /** The app has problems (errors, or warnings past --max-warnings). */
  problems: 1,
  /** Bad arguments or a path that does not exist. */
  usage: 2,
  /** A bug in weave. */
  internal: 3,
} as const;

/**
 * A problem with how weave was called: printed without a stack trace, exit code 2.
 *
 * @example
 * throw new CliError("no such directory: apps/x");
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = "CliError";
  }
}
