import { describe, expect, test } from "bun:test";
import { loadCommands } from "../../cli/commands/index.ts";

const commands = await loadCommands();
import { memoryIo } from "../../cli/io.ts";
import { main } from "../../cli/main.ts";
import { weaveVersion } from "../../cli/version.ts";
import { echo } from "./fake-command.ts";
import { defineCommand } from "../../cli/command.ts";

const table = [echo];

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await main(argv, io, table);
  return { code, out: io.out(), err: io.err() };
}

describe("main", () => {
  test("--version and -v print the package version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, out: `${weaveVersion()}\n`, err: "" });
    expect((await run(["-v"])).out).toBe(`${weaveVersion()}\n`);
  });

  test("--help lists the commands", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Usage: weave <command> [options]");
    expect(out).toContain("  echo  Print the parsed arguments");
  });

  test("no arguments: help on stderr, exit 2", async () => {
    const { code, out, err } = await run([]);
    expect({ code, out }).toEqual({ code: 2, out: "" });
    expect(err).toContain("Commands:");
  });

  test("help <command>, <command> --help and -h agree", async () => {
    const [a, b, c] = await Promise.all([run(["help", "echo"]), run(["echo", "--help"]), run(["echo", "-h", "--format", "json"])]);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    expect(c.out).toBe(a.out);
    expect(a.out).toBe(
      [
        "Print the parsed arguments",
        "",
        "Usage: weave echo [dir] [options]",
        "",
        "Arguments:",
        "  dir  Any folder",
        "",
        "Options:",
        "  --format <format>  Output format: pretty, json (default: pretty)",
        "  --limit <n>        A number",
        "  -q, --quiet        Say less",
        "  -h, --help         Show this help",
        "",
        "Exit codes: 0 success, 1 problems found, 2 usage error, 3 internal error",
        "",
      ].join("\n"),
    );
  });

  test("runs the command with parsed arguments", async () => {
    const { code, out } = await run(["echo", "x", "--limit", "2"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ values: { format: "pretty", limit: "2", quiet: false }, positionals: ["x"] });
  });

  const usageErrors: [string, { given: string[]; want: string }][] = [
    ["unknown command", { given: ["ecko"], want: "weave: unknown command 'ecko' (did you mean echo?); valid commands: echo\n" }],
    ["help for an unknown command", { given: ["help", "nope"], want: "weave: unknown command 'nope'; valid commands: echo\n" }],
    ["unknown global option", { given: ["--verbose"], want: "weave: unknown option --verbose; valid options: --help, --version, or a command: echo\n" }],
    ["bad flag names the command", { given: ["echo", "--nope"], want: "weave echo: unknown option --nope; valid options: --format, --limit, --quiet, --help\n" }],
  ];

  test.each(usageErrors)("usage error: %s", async (_name, { given, want }) => {
    expect(await run(given)).toEqual({ code: 2, out: "", err: want });
  });

  test("a crash is exit 3 with the stack", async () => {
    const boom = defineCommand({ ...echo, name: "boom", run: async () => { throw new Error("kaput"); } });
    const io = memoryIo();
    expect(await main(["boom"], io, [boom])).toBe(3);
    expect(io.err()).toStartWith("weave boom: internal error (a bug in weave, please report it)\nError: kaput\n");
  });

  test("the real table lists every command, in help order", () => {
    expect(commands.map((c) => c.name)).toEqual(["new", "check", "compile", "generate", "inspect", "i18n", "migrate", "seed", "dev", "studio", "build", "serve", "audit", "reencrypt"]);
  });
});
