/** A command with every kind of option, for testing the parser and dispatch without the compiler. */
import { defineCommand } from "../../cli/command.ts";

export const echo = defineCommand({
  name: "echo",
  summary: "Print the parsed arguments",
  usage: "weave echo [dir] [options]",
  args: [{ name: "dir", description: "Any folder" }],
  options: {
    format: { type: "string", value: "<format>", choices: ["pretty", "json"], default: "pretty", description: "Output format" },
    limit: { type: "string", value: "<n>", description: "A number" },
    quiet: { type: "boolean", short: "q", description: "Say less" },
  },
  async run({ values, positionals }, io) {
    io.stdout.write(`${JSON.stringify({ values, positionals })}\n`);
    return 0;
  },
});
