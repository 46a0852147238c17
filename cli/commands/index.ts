/**
 * The command table. A new command is one file in this folder exporting a `Command`, plus its
 * line here; tests/cli/commands/index.test.ts fails when a command file is not listed.
 * Each command is loaded only when it runs (its module graph can be large: `weave dev` pulls in
 * the compiler, the runtime and the Studio), so `weave serve` starts without loading the others.
 * The imports are literal, so `bun build --compile` still sees every command.
 */
import type { Command } from "../command.ts";

/** Every `weave` command by name, in the order `weave --help` lists them, each loaded on demand. */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  new: async () => (await import("./new.ts")).newApp,
  check: async () => (await import("./check.ts")).check,
  compile: async () => (await import("./compile.ts")).compile,
  generate: async () => (await import("./generate.ts")).generate,
  inspect: async () => (await import("./inspect.ts")).inspect,
  i18n: async () => (await import("./i18n.ts")).i18n,
  migrate: async () => (await import("./migrate.ts")).migrate,
  seed: async () => (await import("./seed.ts")).seed,
  dev: async () => (await import("./dev.ts")).dev,
  studio: async () => (await import("./studio.ts")).studio,
  build: async () => (await import("./build.ts")).build,
  serve: async () => (await import("./serve.ts")).serve,
  audit: async () => (await import("./audit.ts")).audit,
  reencrypt: async () => (await import("./reencrypt.ts")).reencryptCommand,
};

/**
 * Every command, loaded: for the help listing, suggestions and tests.
 *
 * @example (await loadCommands()).map((c) => c.name) // ["new", "check", ...]
 */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(COMMAND_LOADERS).map((load) => load()));
}
