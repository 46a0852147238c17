import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { COMMAND_LOADERS, loadCommands } from "../../../cli/commands/index.ts";

const commands = await loadCommands();

test("every file in cli/commands/ is a command listed in the table, named after its file", async () => {
  const folder = new URL("../../../cli/commands/", import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  const names = files.map((f) => f.replace(/\.ts$/, ""));
  expect(commands.map((c) => c.name).sort()).toEqual(names.sort());
  expect(Object.keys(COMMAND_LOADERS)).toEqual(commands.map((c) => c.name));
  for (const file of files) {
    const module: Record<string, unknown> = await import(new URL(file, folder).href);
    expect(Object.values(module)).toContainEqual(commands.find((c) => `${c.name}.ts` === file));
  }
});

test("every command has a summary, a usage line starting with its name, and described options", () => {
  for (const command of commands) {
    expect(command.summary.length).toBeGreaterThan(0);
    expect(command.usage).toStartWith(`weave ${command.name}`);
    for (const spec of Object.values(command.options)) expect(spec.description.length).toBeGreaterThan(0);
  }
});
