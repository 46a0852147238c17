/**
 * The command table. A new command is one file in this folder exporting a `Command`, plus its
 * line here; tests/cli/commands/index.test.ts fails when a command file is not listed.
 * Static imports (not a folder scan) keep `bun build --compile` and the type check seeing them.
 */
import type { Command } from "../command.ts";
import { audit } from "./audit.ts";
import { check } from "./check.ts";
import { compile } from "./compile.ts";
import { dev } from "./dev.ts";
import { migrate } from "./migrate.ts";
import { serve } from "./serve.ts";

/** Every `weave` command, in the order `weave --help` lists them. */
export const commands: readonly Command[] = [check, compile, migrate, dev, serve, audit];
