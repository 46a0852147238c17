/**
 * The output formats of `weave check`, by name.
 */
import { github } from "./github.ts";
import { json } from "./json.ts";
import { junit } from "./junit.ts";
import { pretty } from "./pretty.ts";
import type { Formatter } from "./report.ts";
import { sarif } from "./sarif.ts";

export type { Formatter, Report } from "./report.ts";

/**
 * Every format; the first is the default.
 *
 * @example
 * io.stdout.write(formats.github(report));
 */
export const formats = { pretty, json, github, sarif, junit } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formats;

export const formatNames = Object.keys(formats) as FormatName[];
