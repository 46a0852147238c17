import { expect, test } from "bun:test";
import { parseCommandArgs } from "../../cli/args.ts";
import { CliError } from "../../cli/command.ts";
import { echo } from "./fake-command.ts";

const defaults = { format: "pretty", limit: undefined, quiet: false };

const parses: [string, { given: string[]; want: object }][] = [
  ["nothing: defaults", { given: [], want: { help: false, values: defaults, positionals: [] } }],
  ["positional and options", { given: ["app", "--format", "json", "-q"], want: { help: false, values: { ...defaults, format: "json", quiet: true }, positionals: ["app"] } }],
  ["inline value", { given: ["--limit=3"], want: { help: false, values: { ...defaults, limit: "3" }, positionals: [] } }],
  ["last repeat wins", { given: ["--format", "json", "--format", "pretty"], want: { help: false, values: defaults, positionals: [] } }],
  ["-h", { given: ["-h"], want: { help: true, values: defaults, positionals: [] } }],
  ["after --, dashes are positional", { given: ["--", "-odd"], want: { help: false, values: defaults, positionals: ["-odd"] } }],
];

test.each(parses)("parses: %s", (_name, { given, want }) => {
  expect(parseCommandArgs(echo, given) as object).toEqual(want);
});

const rejects: [string, { given: string[]; want: string }][] = [
  ["unknown option with suggestion", { given: ["--fromat", "json"], want: "unknown option --fromat (did you mean --format?); valid options: --format, --limit, --quiet, --help" }],
  ["unknown short option", { given: ["-x"], want: "unknown option -x; valid options: --format, --limit, --quiet, --help" }],
  ["missing value", { given: ["--limit"], want: "option --limit needs a value" }],
  ["value swallowed a flag", { given: ["--format", "--quiet"], want: "option --format needs a value; valid values: pretty, json" }],
  ["bad choice", { given: ["--format", "jsn"], want: "invalid value 'jsn' for --format (did you mean json?); valid values: pretty, json" }],
  ["value on a boolean", { given: ["--quiet=yes"], want: "option --quiet takes no value" }],
  ["too many positionals", { given: ["a", "b"], want: "unexpected argument 'b'; echo takes [dir]" }],
];

test.each(rejects)("rejects: %s", (_name, { given, want }) => {
  expect(() => parseCommandArgs(echo, given)).toThrow(new CliError(want));
});
