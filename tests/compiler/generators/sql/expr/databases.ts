/**
 * The databases the differential test runs on: PGlite always, Postgres when DATABASE_URL is set (in a schema
 * of its own, dropped afterwards). Both answer `query(text, parameters)` with rows.
 */
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

export interface TestDb {
  readonly name: string;
  query(text: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function openPglite(): Promise<TestDb> {
  const db = new PGlite();
  return {
    name: "pglite",
    query: async (text, parameters = []) => (await db.query<Record<string, unknown>>(text, parameters)).rows,
    close: () => db.close(),
  };
}

/** Postgres in a fresh schema (one connection, so session settings and search_path hold). */
export async function openPostgres(url: string): Promise<TestDb> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const schema = `weave_sql_expr_${process.pid}_${Date.now()}`;
  await client.unsafe(`create schema "${schema}"`);
  await client.unsafe(`set search_path to "${schema}"`);
  return {
    name: "postgres",
    query: async (text, parameters = []) => [...(await client.unsafe(text, parameters as never[]))] as Record<string, unknown>[],
    close: async () => {
      await client.unsafe(`drop schema "${schema}" cascade`);
      await client.end();
    },
  };
}
