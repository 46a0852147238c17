/**
 * One function for a Kysely instance on either database: Postgres through postgres.js when a URL
 * is given, else the embedded PGlite.
 */
import { resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import postgres from "postgres";
import { closePGlite, MEMORY, openPGlite } from "./pglite.ts";
import { PostgresDialect } from "./postgres/postgres-dialect.ts";
import { postgresJsTypes } from "./value-types.ts";

/** Pool settings for Postgres; PGlite has a single connection and ignores them. */
export interface PoolOptions {
  /** Most connections open at once. Default 10. */
  readonly max?: number;
  /** Seconds an unused connection stays open. Default 30. */
  readonly idleTimeoutSeconds?: number;
  /** Seconds to wait for a new connection. Default 10. */
  readonly connectTimeoutSeconds?: number;
  /** Seconds before a connection is replaced, so server-side memory does not pile up. Default 1800. */
  readonly maxLifetimeSeconds?: number;
  /** Seconds `close()` lets running queries finish before cutting connections. Default 5. */
  readonly closeTimeoutSeconds?: number;
}

export interface DatabaseOptions {
  /** A Postgres URL: selects Postgres. Without one, PGlite. */
  readonly url?: string;
  /** PGlite data folder (relative to `appDir`), or `"memory"`. Default `.weave/pglite`, the IR's default. */
  readonly dataDir?: string;
  /** The app folder a relative `dataDir` is resolved against. Default: the working directory. */
  readonly appDir?: string;
  /** PGlite: start from a `dumpDataDir()` tarball instead of running initdb. */
  readonly loadDataDir?: Blob | File;
  readonly pool?: PoolOptions;
  /** Server notices (e.g. "relation already exists, skipping"). Default: ignored. */
  readonly onNotice?: (notice: { severity?: string; message: string }) => void;
  /** `application_name` shown in pg_stat_activity. Default "weave". */
  readonly applicationName?: string;
}

/** An open database: its Kysely instance and how to close it. */
export interface Database<DB = any> {
  readonly kysely: Kysely<DB>;
  readonly kind: "postgres" | "pglite";
  /** Where the data lives, for messages: the URL without its password, a data folder, or "memory". */
  readonly location: string;
  /** The PGlite instance (PGlite only), e.g. for `dumpDataDir()`. */
  readonly pglite?: PGlite;
  /** Ends the pool or closes PGlite; waits for running queries up to `closeTimeoutSeconds`. Idempotent. */
  close(): Promise<void>;
}

export const POOL_DEFAULTS: Required<PoolOptions> = {
  max: 10,
  idleTimeoutSeconds: 30,
  connectTimeoutSeconds: 10,
  maxLifetimeSeconds: 1800,
  closeTimeoutSeconds: 5,
};

/** The default PGlite data folder, relative to the app folder (the IR's `app.database.embedded`). */
export const DEFAULT_DATA_DIR = ".weave/pglite";

/**
 * Opens a database. Queries run lazily, so this never fails; the first query reports a bad URL.
 *
 * @example
 * const database = createDatabase({ url: process.env.DATABASE_URL, appDir: "/srv/app" });
 * const rows = await database.kysely.selectFrom("invoices").selectAll().execute();
 * await database.close();
 */
export function createDatabase<DB = any>(options: DatabaseOptions = {}): Database<DB> {
  return options.url ? openPostgres<DB>(options.url, options) : openEmbedded<DB>(options);
}

function openPostgres<DB>(url: string, options: DatabaseOptions): Database<DB> {
  const pool = { ...POOL_DEFAULTS, ...options.pool };
  const sql = postgres(url, {
    max: pool.max,
    idle_timeout: pool.idleTimeoutSeconds,
    connect_timeout: pool.connectTimeoutSeconds,
    max_lifetime: pool.maxLifetimeSeconds,
    onnotice: (notice) => options.onNotice?.({ severity: notice.severity, message: notice.message ?? "" }),
    connection: { application_name: options.applicationName ?? "weave" },
    types: postgresJsTypes,
  });
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: sql, closeTimeoutSeconds: pool.closeTimeoutSeconds }) });
  return { kysely, kind: "postgres", location: redactUrl(url), close: once(() => kysely.destroy()) };
}

function openEmbedded<DB>(options: DatabaseOptions): Database<DB> {
  const dataDir = options.dataDir === MEMORY ? MEMORY : resolve(options.appDir ?? process.cwd(), options.dataDir ?? DEFAULT_DATA_DIR);
  const pglite = openPGlite({ dataDir, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  // Kysely closes PGlite only if a query ran; close it ourselves either way.
  const close = once(async () => {
    await kysely.destroy();
    await closePGlite(pglite);
  });
  return { kysely, kind: "pglite", location: dataDir, pglite, close };
}

/**
 * The URL without its password, for messages and logs.
 *
 * @example
 * redactUrl("postgres://app:secret@db:5432/app"); // "postgres://app:***@db:5432/app"
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparsable database URL>";
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
