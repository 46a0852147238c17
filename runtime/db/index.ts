/**
 * weave's database layer: a Kysely instance for Postgres or PGlite from one function, the request
 * transaction helper, and the migration engine.
 *
 * @example
 * import { createDatabase, withRequestTransaction } from "weave/runtime/db";
 * const database = createDatabase({ url: process.env.DATABASE_URL, appDir });
 * await withRequestTransaction(database.kysely, { tenantId, userId }, (trx) => trx.selectFrom("invoices").selectAll().execute());
 * await database.close();
 */
export { createDatabase, DEFAULT_DATA_DIR, POOL_DEFAULTS, redactUrl, type Database, type DatabaseOptions, type PoolOptions } from "./create-database.ts";
export { MEMORY } from "./pglite.ts";
export { ConnectionLostError, isConnectionError } from "./postgres/connection-error.ts";
export { applyRequestSettings, REQUEST_SETTINGS, withRequestTransaction, type RequestContext } from "./request-transaction.ts";
export * from "./migrations/index.ts";
