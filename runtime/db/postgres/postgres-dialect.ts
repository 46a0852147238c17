/**
 * Kysely's Postgres adapter, compiler and introspector over our postgres.js driver.
 */
import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from "kysely";
import { PostgresDriver, type PostgresDriverConfig } from "./postgres-driver.ts";

/**
 * A Kysely dialect for a postgres.js pool that survives connections dropping mid-transaction
 * (see postgres-connection.ts for why this is not kysely-postgres-js).
 *
 * @example
 * const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: postgres(url), closeTimeoutSeconds: 5 }) });
 */
export class PostgresDialect implements Dialect {
  readonly #config: PostgresDriverConfig;

  constructor(config: PostgresDriverConfig) {
    this.#config = config;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PostgresDriver(this.#config);
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
