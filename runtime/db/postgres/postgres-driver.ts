/**
 * The Kysely driver over one postgres.js pool; connections are `PostgresConnection`s.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type TransactionSettings,
} from "kysely";
import type postgres from "postgres";
import { PostgresConnection } from "./postgres-connection.ts";

export interface PostgresDriverConfig {
  readonly pool: postgres.Sql;
  /** Seconds `destroy` waits for running queries before closing connections. */
  readonly closeTimeoutSeconds: number;
}

export class PostgresDriver implements Driver {
  readonly #config: PostgresDriverConfig;
  /** Connections handed to Kysely and not yet released: only these can have work to finish. */
  #inUse = 0;

  constructor(config: PostgresDriverConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#inUse++;
    return new PostgresConnection(this.#config.pool);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as PostgresConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PostgresConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PostgresConnection).rollback();
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery("savepoint", name));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery("rollback to savepoint", name));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(savepointQuery("release savepoint", name));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#inUse--;
    (connection as PostgresConnection).release();
  }

  /**
   * Ends the pool: waits up to `closeTimeoutSeconds` for connections still in use, then cuts them.
   * With none in use it ends at once; postgres.js would otherwise wait out the timeout while it
   * retries a failed connection attempt.
   */
  async destroy(): Promise<void> {
    await this.#config.pool.end({ timeout: this.#inUse > 0 ? this.#config.closeTimeoutSeconds : 0 });
  }
}

// Savepoint names come from application code; quote them as identifiers.
function savepointQuery(command: string, name: string): CompiledQuery {
  return CompiledQuery.raw(`${command} "${name.replaceAll('"', '""')}"`);
}
