/**
 * One Kysely connection over a postgres.js pool.
 *
 * Why not kysely-postgres-js: it runs transactions on `sql.reserve()` connections, and postgres.js
 * 3.4.9 never tells a reserved connection that its socket closed. After a backend dies inside a
 * transaction, the next query is written to a null socket: it never settles and the process dies
 * of an uncaught TypeError (reproduced in tests/runtime/db/postgres-fault.test.ts; upstream
 * porsager/postgres#1186 and #1215). `sql.begin()` does learn about the close (it races the
 * connection's close), so transactions run inside `sql.begin()` here, every query is raced against
 * that signal, and nothing is sent on a connection once it is known to be dead.
 *
 * A connection is lazy: `beginTransaction` first opens a `sql.begin()` transaction; a query first
 * reserves a session (`sql.reserve()`), which is what `db.connection()` and single queries get.
 */
import { AbortedTransactionError, type CompiledQuery, type DatabaseConnection, type QueryResult, type TransactionSettings } from "kysely";
import type postgres from "postgres";
import { ConnectionLostError, isConnectionError } from "./connection-error.ts";

type Sql = postgres.Sql;
type QuerySql = postgres.TransactionSql | postgres.ReservedSql;

/** Thrown from our `begin()` callback to make postgres.js roll back; never seen by callers. */
const ROLLBACK = Symbol("rollback");

interface OpenTransaction {
  readonly sql: postgres.TransactionSql;
  /** Resolving lets postgres.js commit; rejecting with ROLLBACK makes it roll back. */
  readonly finish: { resolve: () => void; reject: (reason: unknown) => void };
  /** The `sql.begin()` promise. */
  readonly done: Promise<unknown>;
  /** A statement failed: postgres.js would turn its commit into a rollback, so we commit ourselves. */
  failed: boolean;
}

export class PostgresConnection implements DatabaseConnection {
  readonly #pool: Sql;
  #session: postgres.ReservedSql | undefined;
  #transaction: OpenTransaction | undefined;
  #dead: Error | undefined;
  readonly #lost = deferred<never>();

  constructor(pool: Sql) {
    this.#pool = pool;
    this.#lost.promise.catch(() => {});
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const rows = await this.#run(await this.#target(), query.sql, query.parameters);
    const affected = ["INSERT", "UPDATE", "DELETE", "MERGE"].includes(rows.command) ? BigInt(rows.count) : undefined;
    return { rows: Array.from(rows) as R[], ...(affected === undefined ? {} : { numAffectedRows: affected }) };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    this.#assertAlive();
    const target = await this.#target();
    const cursor = target.unsafe(query.sql, [...(query.parameters as postgres.ParameterOrJSON<never>[])]).cursor(chunkSize);
    for await (const rows of cursor) yield { rows: rows as unknown as R[] };
  }

  /** Opens a transaction: inside `sql.begin()` normally, or with `begin` on a reserved session. */
  async begin(settings: TransactionSettings): Promise<void> {
    this.#assertAlive();
    if (this.#session) {
      await this.#run(this.#session, startTransaction(settings), []);
      return;
    }
    this.#transaction = await retryOnce(() => this.#openTransaction(settings));
  }

  async #openTransaction(settings: TransactionSettings): Promise<OpenTransaction> {
    const opened = deferred<postgres.TransactionSql>();
    const finish = deferred<void>();
    let started = false;
    const done = this.#pool.begin(beginOptions(settings), async (sql) => {
      started = true;
      opened.resolve(sql);
      await finish.promise;
    });
    done.catch((error: unknown) => {
      opened.reject(error);
      // postgres.js rejects begin() when the connection closes, even while no query runs.
      if (started && isConnectionError(error)) this.#markDead(error);
    });
    return { sql: await opened.promise, finish, done, failed: false };
  }

  async commit(): Promise<void> {
    this.#assertAlive();
    const transaction = this.#transaction;
    if (!transaction) return this.#commitSession();
    this.#transaction = undefined;
    if (transaction.failed) return this.#commitAfterFailure(transaction);
    transaction.finish.resolve();
    await Promise.race([transaction.done, this.#lost.promise]).catch((error: unknown) => {
      // A connection lost during COMMIT leaves the outcome unknown; say so with our error type.
      throw isConnectionError(error) ? (this.#dead ?? new ConnectionLostError(error)) : error;
    });
  }

  async rollback(): Promise<void> {
    const transaction = this.#transaction;
    if (this.#dead) return; // the server rolled back when the connection ended
    if (!transaction) {
      if (this.#session) await this.#run(this.#session, "rollback", []);
      return;
    }
    this.#transaction = undefined;
    transaction.finish.reject(ROLLBACK);
    await Promise.race([transaction.done, this.#lost.promise]).catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  }

  /** Returns the reserved session to the pool, unless its connection died. */
  release(): void {
    // Releasing a dead reserved connection would put a closed connection back among the open ones.
    if (this.#session && !this.#dead) this.#session.release();
    this.#session = undefined;
    this.#transaction = undefined;
  }

  async #target(): Promise<QuerySql> {
    this.#assertAlive();
    if (this.#transaction) return this.#transaction.sql;
    this.#session ??= await retryOnce(() => this.#pool.reserve());
    return this.#session;
  }

  async #run(target: QuerySql, text: string, parameters: readonly unknown[]): Promise<postgres.RowList<postgres.Row[]>> {
    this.#assertAlive();
    const pending = target.unsafe(text, [...(parameters as postgres.ParameterOrJSON<never>[])], { prepare: true });
    try {
      return await Promise.race([pending, this.#lost.promise]);
    } catch (error) {
      if (isConnectionError(error)) this.#markDead(error);
      if (this.#transaction) this.#transaction.failed = true;
      throw this.#dead ?? error;
    }
  }

  // Kysely may recover from a failed statement with a savepoint; postgres.js would still roll back
  // at the end of begin(), so commit here and let its late rollback find no transaction.
  async #commitAfterFailure(transaction: OpenTransaction): Promise<void> {
    const result = await this.#run(transaction.sql, "commit", []);
    transaction.finish.resolve();
    transaction.done.catch(() => {});
    if (result.command === "ROLLBACK") throw new AbortedTransactionError();
  }

  async #commitSession(): Promise<void> {
    if (!this.#session) return;
    const result = await this.#run(this.#session, "commit", []);
    if (result.command === "ROLLBACK") throw new AbortedTransactionError();
  }

  #markDead(cause: unknown): void {
    if (this.#dead) return;
    this.#dead = new ConnectionLostError(cause);
    this.#lost.reject(this.#dead);
  }

  #assertAlive(): void {
    if (this.#dead) throw this.#dead;
  }
}

/**
 * Runs `open` (BEGIN, or reserving a connection) again once if it fails on a lost connection. Both
 * are safe to repeat: nothing has run yet. postgres.js 3.4.9 hands the stale FATAL error of a
 * backend killed mid-query to the next request that reconnects that connection, before sending it.
 */
async function retryOnce<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    return open();
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function beginOptions(settings: TransactionSettings): string {
  return [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode].filter(Boolean).join(" ");
}

function startTransaction(settings: TransactionSettings): string {
  const options = beginOptions(settings);
  return options ? `start transaction ${options}` : "begin";
}
