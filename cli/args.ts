/**
 * Parses one command's arguments with node:util `parseArgs`, then checks them ourselves so every
 * mistake gets the same kind of message: what is wrong and what the valid choices are.
 */
import { parseArgs } from "node:util";
import { CliError, type Command, type OptionSpec, type OptionSpecs, type ParsedArgs } from "./command.ts";
import { didYouMean } from "./suggest.ts";

/** Every command accepts `--help`. */
export const helpOption: OptionSpec = { type: "boolean", short: "h", description: "Show this help" };

type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];
type OptionToken = Extract<Token, { kind: "option" }>;

/**
 * Parses `argv` (the arguments after the command name) against the command's options.
 * Throws `CliError` for an unknown option, a missing or invalid value, or too many arguments.
 *
 * @example
 * const { help, values, positionals } = parseCommandArgs(check, ["app", "--format", "json"]);
 * // help: false, values.format: "json", positionals: ["app"]
 */
export function parseCommandArgs<O extends OptionSpecs>(
  command: Command<O>,
  argv: readonly string[],
): ParsedArgs<O> & { help: boolean } {
  const specs: OptionSpecs = { ...command.options, help: helpOption };
  const { tokens, values } = parseArgs({
    args: [...argv],
    options: parseArgsOptions(specs),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option") checkOption(token, specs);
    if (token.kind === "positional") positionals.push(token.value);
  }
  checkPositionals(command, positionals);
  const help = values.help === true;
  return { help, values: withDefaults(command.options, values) as ParsedArgs<O>["values"], positionals };
}

function parseArgsOptions(specs: OptionSpecs) {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
}

function checkOption(token: OptionToken, specs: OptionSpecs): void {
  const spec = specs[token.name];
  if (!spec) {
    const names = Object.keys(specs).map((n) => `--${n}`);
    throw new CliError(`unknown option ${token.rawName}${didYouMean(`--${token.name}`, names)}; valid options: ${names.join(", ")}`);
  }
  if (spec.type === "boolean") {
    if (token.inlineValue) throw new CliError(`option --${token.name} takes no value`);
    return;
  }
  // Without strict mode parseArgs lets `--format --quiet` take "--quiet" as the value.
  const swallowedFlag = !token.inlineValue && token.value?.startsWith("-") && token.value !== "-";
  if (token.value === undefined || swallowedFlag) throw new CliError(`option --${token.name} needs a value${choicesText(spec)}`);
  if (spec.choices && !spec.choices.includes(token.value)) {
    throw new CliError(`invalid value '${token.value}' for --${token.name}${didYouMean(token.value, spec.choices)}${choicesText(spec)}`);
  }
}

function choicesText(spec: OptionSpec): string {
  return spec.choices ? `; valid values: ${spec.choices.join(", ")}` : "";
}

function checkPositionals(command: Command<OptionSpecs>, positionals: readonly string[]): void {
  const extra = positionals[command.args.length];
  if (extra === undefined) return;
  const expected = command.args.length === 0 ? "no arguments" : command.args.map((a) => `[${a.name}]`).join(" ");
  throw new CliError(`unexpected argument '${extra}'; ${command.name} takes ${expected}`);
}

function withDefaults(specs: OptionSpecs, values: Record<string, string | boolean | (string | boolean)[] | undefined>) {
  const result: Record<string, string | boolean | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name];
    result[name] = (Array.isArray(value) ? value.at(-1) : value) ?? spec.default ?? (spec.type === "boolean" ? false : undefined);
  }
  return result;
}
