/**
 * Which database `weave migrate` works on: `--url`, else the URL in the environment variable the
 * app names (`database.url: env:NAME`) or DATABASE_URL, else the app's embedded PGlite.
 */
import { join } from "node:path";
import type { IR } from "../../compiler/ir/index.ts";
import { DEFAULT_DATA_DIR, redactUrl } from "../../runtime/db/create-database.ts";
import { displayPath } from "../app-dir.ts";

export interface Target {
  readonly url?: string;
  /** Absolute PGlite data folder, when there is no URL. */
  readonly dataDir?: string;
  /** Where the URL came from: "--url" or an environment variable's name. */
  readonly source?: string;
}

/**
 * Resolves the database for the app in `dir`, given the app's IR when it compiled.
 *
 * @example
 * resolveTarget("/app", undefined, { DATABASE_URL: "postgres://localhost/app" }, ir).url; // "postgres://localhost/app"
 */
export function resolveTarget(dir: string, urlOption: string | undefined, env: Readonly<Record<string, string | undefined>>, ir: IR | undefined): Target {
  if (urlOption) return { url: urlOption, source: "--url" };
  for (const name of new Set([ir?.app.database.urlEnv, "DATABASE_URL"])) {
    const url = name ? env[name] : undefined;
    if (url) return { url, source: name };
  }
  return { dataDir: join(dir, ir?.app.database.embedded ?? DEFAULT_DATA_DIR) };
}

/**
 * The target for messages, without a password.
 *
 * @example
 * describeTarget({ dataDir: "/repo/app/.weave/pglite" }, "/repo"); // "PGlite in app/.weave/pglite"
 */
export function describeTarget(target: Target, cwd: string): string {
  if (target.url) return `${redactUrl(target.url)} (from ${target.source})`;
  return `PGlite in ${displayPath(target.dataDir!, cwd)}`;
}
