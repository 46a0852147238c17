/**
 * What `weave seed` and `weave dev` print about a seed run: one line per kind in text, the
 * counts as JSON for programs, and a SeedError as `file:line:col: entry: field: problem`.
 */
import { join } from "node:path";
import type { SeedCounts, SeedError, SeedResult } from "../../runtime/seed/index.ts";
import { displayPath } from "../app-dir.ts";

/**
 * The counts as aligned lines, kinds with nothing to seed left out.
 *
 * @example
 *   seedLines(result); // ["  tenants   1 created", "  users     3 created", "  Customer  2 created, 1 updated", ...]
 */
export function seedLines(result: SeedResult): string[] {
  const rows: [string, SeedCounts][] = [["tenants", result.tenants], ["users", result.users], ...Object.entries(result.records)];
  const shown = rows.filter(([, c]) => total(c) > 0);
  const width = Math.max(0, ...shown.map(([name]) => name.length));
  return shown.map(([name, c]) => `  ${name.padEnd(width)}  ${countsText(c)}`);
}

/**
 * "2 created, 1 updated, 3 unchanged", the zero counts left out.
 *
 * @example countsText({ created: 2, updated: 0, unchanged: 1 }); // "2 created, 1 unchanged"
 */
export function countsText(c: SeedCounts): string {
  return (["created", "updated", "unchanged"] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`).join(", ");
}

/** Every count added up: how many entries the seed holds. */
export function seedTotal(result: SeedResult): { created: number; updated: number; unchanged: number } {
  const all = [result.tenants, result.users, ...Object.values(result.records)];
  return { created: sum(all, "created"), updated: sum(all, "updated"), unchanged: sum(all, "unchanged") };
}

/** The result for `--json`. */
export function seedJson(result: SeedResult): Record<string, unknown> {
  return { tenants: result.tenants, users: result.users, records: result.records, total: seedTotal(result), ms: Math.round(result.ms) };
}

/**
 * A SeedError with its file relative to the working directory, so a terminal can open it.
 *
 * @example seedErrorText(error, "/repo/app", "/repo"); // "app/seed/demo.yaml:52:7: Invoice INV-1: customer: no Customer has the key \"globx\""
 */
export function seedErrorText(error: SeedError, dir: string, cwd: string): string {
  const { file, line, column } = error.origin;
  return `${displayPath(join(dir, file), cwd)}:${line}:${column}: ${error.message.slice(error.message.indexOf(": ") + 2)}`;
}

/** A SeedError for `--json`: where (file relative to the working directory), which entry, and each problem. */
export function seedErrorJson(error: SeedError, dir: string, cwd: string): Record<string, unknown> {
  return { message: seedErrorText(error, dir, cwd), file: displayPath(join(dir, error.origin.file), cwd), line: error.origin.line, column: error.origin.column, entry: error.subject, problems: error.problems };
}

function total(c: SeedCounts): number {
  return c.created + c.updated + c.unchanged;
}

function sum(all: readonly SeedCounts[], key: keyof SeedCounts): number {
  return all.reduce((n, c) => n + c[key], 0);
}
