/**
 * The two-database harness for contract suites: one suite body, run on PGlite always and on a real
 * Postgres when DATABASE_URL is set (Hono's `common.case.test.ts` style). Each run gets a fresh,
 * empty database of its own, closed and dropped when the suite ends:
 *
 * - PGlite: initdb runs once per test process (~2-4 s) into a template that every suite restores
 *   with `loadDataDir` (~0.2 s).
 * - Postgres: a new database `weave_test_<pid>_<n>` is created beside DATABASE_URL's and dropped
 *   (WITH (FORCE)) afterwards. The URL's user needs CREATEDB and CREATEROLE (or superuser).
 *
 * Both have a non-superuser role `weave_app` that gets select/insert/update/delete on every table
 * created later, because superusers bypass row-level security even when it is forced: run the
 * queries that RLS must filter through `target.asApp(...)`.
 *
 * @example
 *   forEachDatabase("invoices", (target) => {
 *     test("RLS hides another tenant's rows", async () => {
 *       await applyMigrations(target.database, { dir });
 *       const rows = await target.asApp({ tenantId: a }, (trx) => trx.selectFrom("invoices").selectAll().execute());
 *       expect(rows).toHaveLength(1);
 *     });
 *   });
 */
import { afterAll, beforeAll, describe, test } from "bun:test";
import { PGlite } from "@electric-sql/pglite";
import { type Kysely, sql, type Transaction } from "kysely";
import postgres from "postgres";
import { createDatabase, type Database } from "../../runtime/db/create-database.ts";
import { resetSchema } from "../../runtime/db/migrations/reset.ts";
import { applyRequestSettings, type RequestContext } from "../../runtime/db/request-transaction.ts";

export type DatabaseKind = "pglite" | "postgres";

/** The role RLS applies to. */
export const APP_ROLE = "weave_app";

/** What a suite body gets; `database`, `db` and `url` are usable from `beforeAll` on. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** This suite's database. */
  readonly database: Database;
  /** Shorthand for `database.kysely`. */
  readonly db: Kysely<any>;
  /** Postgres: the URL of this suite's database (for the CLI or a second process). */
  readonly url: string | undefined;
  /** Postgres only: another pool on the same database, closed with the suite. */
  connect(): Database;
  /** Drops every object of the schema, as `weave migrate reset --drop-only` does. */
  reset(): Promise<void>;
  /** Runs `fn` in a request transaction as `weave_app` (not a superuser, so RLS applies). */
  asApp<T>(context: RequestContext, fn: (trx: Transaction<any>) => Promise<T>): Promise<T>;
}

/** The statements that prepare a fresh database for tests; run as the owning superuser. */
const SETUP = [
  `alter default privileges grant select, insert, update, delete on tables to ${APP_ROLE}`,
  `alter default privileges grant usage, select on sequences to ${APP_ROLE}`,
  `grant usage on schema public to ${APP_ROLE}`,
];

const postgresUrl = process.env.DATABASE_URL || undefined;

/** The kinds this process tests: PGlite, and Postgres when DATABASE_URL is set. */
export const databaseKinds: readonly DatabaseKind[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

/**
 * Declares `suite` once per database kind, as `describe("<name> [pglite]")` and `[postgres]`. Without
 * DATABASE_URL the Postgres run is a skipped test whose name says why.
 */
export function forEachDatabase(name: string, suite: (target: TestDatabase) => void, options: { only?: DatabaseKind } = {}): void {
  for (const kind of ["pglite", "postgres"] as const) {
    if (options.only && options.only !== kind) continue;
    if (kind === "postgres" && !postgresUrl) {
      test.skip(`${name} [postgres]: skipped because DATABASE_URL is not set`, () => {});
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      const target = new SuiteDatabase(kind);
      beforeAll(() => target.open(), 60_000);
      afterAll(() => target.close(), 30_000);
      suite(target);
    });
  }
}

class SuiteDatabase implements TestDatabase {
  #database: Database | undefined;
  #url: string | undefined;
  #dropDatabase: (() => Promise<void>) | undefined;
  readonly #extra: Database[] = [];

  constructor(readonly kind: DatabaseKind) {}

  get database(): Database {
    if (!this.#database) throw new Error("the test database opens in beforeAll: use it inside a test or hook");
    return this.#database;
  }

  get db(): Kysely<any> {
    return this.database.kysely;
  }

  get url(): string | undefined {
    return this.#url;
  }

  async open(): Promise<void> {
    if (this.kind === "pglite") {
      this.#database = createDatabase({ dataDir: "memory", loadDataDir: await pgliteTemplate() });
      return;
    }
    const created = await createPostgresDatabase(postgresUrl!);
    this.#url = created.url;
    this.#dropDatabase = created.drop;
    this.#database = createDatabase({ url: created.url, pool: { max: 4 } });
  }

  async close(): Promise<void> {
    await Promise.all([...this.#extra, ...(this.#database ? [this.#database] : [])].map((d) => d.close()));
    await this.#dropDatabase?.();
  }

  connect(): Database {
    if (!this.#url) throw new Error("connect() needs Postgres: PGlite is one in-process connection");
    const database = createDatabase({ url: this.#url, pool: { max: 2 } });
    this.#extra.push(database);
    return database;
  }

  async reset(): Promise<void> {
    await resetSchema(this.database);
  }

  asApp<T>(context: RequestContext, fn: (trx: Transaction<any>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local role ${sql.id(APP_ROLE)}`.execute(trx);
      await applyRequestSettings(trx, context);
      return fn(trx);
    });
  }
}

let template: Promise<Blob> | undefined;

/** One initialised PGlite data dir per process, with weave_app and its default privileges. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const pglite = new PGlite();
    try {
      await pglite.exec(`create role ${APP_ROLE} nologin; ${SETUP.join("; ")}`);
      return await pglite.dumpDataDir("none");
    } finally {
      await pglite.close();
    }
  })();
  return template;
}

let counter = 0;

/** Creates `weave_test_<pid>_<n>` beside the database of `adminUrl`; `drop` removes it. */
async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `weave_test_${process.pid}_${++counter}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    await ensureAppRole(admin);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(adminUrl, name);
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const statement of SETUP) await owner.unsafe(statement);
  } finally {
    await owner.end();
  }
  return { url, drop: () => dropPostgresDatabase(adminUrl, name) };
}

async function ensureAppRole(admin: postgres.Sql): Promise<void> {
  try {
    await admin.unsafe(`create role ${APP_ROLE} nologin`);
  } catch (error) {
    // 42710: it exists; 23505: another test process created it at the same moment.
    if (!["42710", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
  }
  const [me] = await admin.unsafe<{ superuser: boolean }[]>("select rolsuper as superuser from pg_roles where rolname = current_user");
  if (!me?.superuser) await admin.unsafe(`grant ${APP_ROLE} to current_user`);
}

async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
