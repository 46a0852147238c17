/**
 * Opening the database `weave dev` and `weave serve` run on, and telling a database failure
 * (cannot connect, no such database, permission denied) from a bug in weave.
 */
import type { IR } from "../../compiler/ir/index.ts";
import { createDatabase, type Database } from "../../runtime/db/create-database.ts";
import { isConnectionError } from "../../runtime/db/postgres/connection-error.ts";
import type { Io } from "../io.ts";
import { describeTarget, resolveTarget, type Target } from "../migrate/target.ts";
import { lockDataDir } from "./pglite-lock.ts";

export interface OpenedDatabase {
  /** Closing it also gives up the embedded database's lock. */
  readonly database: Database;
  readonly target: Target;
  /** "PGlite in app/.weave/pglite" or the URL without its password, and where it came from. */
  readonly described: string;
}

/**
 * `--url`, else the app's URL variable or DATABASE_URL, else the app's embedded PGlite, which is
 * locked for this process. Returns a message instead when another process holds that lock.
 *
 * @example
 *   const opened = openDatabase("/repo/app", values.url, io, ir);
 *   if (typeof opened === "string") { io.stderr.write(opened); return ExitCode.problems; }
 */
export function openDatabase(dir: string, url: string | undefined, io: Io, ir: IR | undefined): OpenedDatabase | string {
  return openTarget(resolveTarget(dir, url, io.env, ir), io.cwd);
}

/**
 * Opens a resolved target: Postgres as is, the embedded PGlite under its lock (one process at a
 * time: two PGlite instances on one folder corrupt it). A message when another process holds it.
 *
 * @example const opened = openTarget(target, io.cwd); if (typeof opened === "string") ...
 */
export function openTarget(target: Target, cwd: string): OpenedDatabase | string {
  const described = describeTarget(target, cwd);
  if (target.url) return { database: createDatabase({ url: target.url }), target, described };
  const lock = lockDataDir(target.dataDir!);
  if ("heldBy" in lock) return `${described} is in use by another process (pid ${lock.heldBy}); stop it first, or use Postgres with --url or DATABASE_URL`;
  const database = createDatabase({ dataDir: target.dataDir! });
  const close = async () => {
    try {
      await database.close();
    } finally {
      lock.release();
    }
  };
  return { database: { ...database, close }, target, described };
}

/**
 * True when `error` came from the database or the connection to it, not from weave: a
 * SQLSTATE, a connection error, or a host that cannot be resolved.
 */
export function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (isConnectionError(error)) return true;
  return typeof code === "string" && (/^[0-9A-Z]{5}$/.test(code) || ["CONNECTION_LOST", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"].includes(code));
}
