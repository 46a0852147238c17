/**
 * The command table. A new command is one file in this folder exporting a `Command`, plus its
 * line here; tests/cli/commands/index.test.ts fails when a command file is not listed.
 * Static imports (not a folder scan) keep `bun build --compile` and the type check seeing them.
 */
import type { Command } from "../command.ts";
import { audit } from "./audit.ts";
import { build } from "./build.ts";
import { check } from "./check.ts";
import { compile } from "./compile.ts";
import { dev } from "./dev.ts";
import { generate } from "./generate.ts";
import { i18n } from "./i18n.ts";
import { inspect } from "./inspect.ts";
import { migrate } from "./migrate.ts";
import { newApp } from "./new.ts";
import { reencryptCommand } from "./reencrypt.ts";
import { seed } from "./seed.ts";
import { serve } from "./serve.ts";
import { studio } from "./studio.ts";

/** Every `weave` command, in the order `weave --help` lists them. */
export const commands: readonly Command[] = [newApp, check, compile, generate, inspect, i18n, migrate, seed, dev, studio, build, serve, audit, reencryptCommand];
