/**
 * A database schema as the catalog describes it, for comparing two databases: tables, columns,
 * constraints, indexes, triggers, trigger functions, policies and row-level security. Sorted
 * by name, without weave's own history table.
 */
import { type Kysely, sql } from "kysely";

export interface Catalog {
  columns: unknown[];
  constraints: unknown[];
  indexes: unknown[];
  triggers: unknown[];
  functions: unknown[];
  policies: unknown[];
  rls: unknown[];
}

const QUERIES: Record<keyof Catalog, string> = {
  columns: `select table_name, column_name, udt_name, is_nullable, column_default, generation_expression, numeric_precision, numeric_scale, is_identity
            from information_schema.columns where table_schema = current_schema() and table_name <> 'weave_migrations' order by 1, 2`,
  constraints: `select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as definition
                from pg_constraint where connamespace = current_schema()::regnamespace and conrelid::regclass::text <> 'weave_migrations'
                  and contype <> 'n' order by 1, 2`, // NOT NULL (Postgres 17 lists them) is in columns
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename <> 'weave_migrations' order by 1, 2`,
  triggers: `select event_object_table, trigger_name, action_timing, event_manipulation, action_statement
             from information_schema.triggers where trigger_schema = current_schema() order by 1, 2, 4`,
  functions: `select proname, prosrc from pg_proc where pronamespace = current_schema()::regnamespace order by 1`,
  policies: `select tablename, policyname, qual, with_check from pg_policies where schemaname = current_schema() order by 1, 2`,
  rls: `select relname, relrowsecurity, relforcerowsecurity from pg_class
        where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname <> 'weave_migrations' order by 1`,
};

/** Reads the whole catalog of the current schema. */
export async function readCatalog(db: Kysely<any>): Promise<Catalog> {
  const entries = await Promise.all(
    Object.entries(QUERIES).map(async ([key, query]) => [key, (await sql.raw(query).execute(db)).rows] as const),
  );
  return Object.fromEntries(entries) as unknown as Catalog;
}

/**
 * The parts of a catalog that do not depend on the server's version (its SQL pretty-printing
 * differs between Postgres releases): names, types, nullability, kinds.
 */
export function catalogShape(catalog: Catalog): unknown {
  const pick = (rows: unknown[], keys: string[]) => rows.map((r) => keys.map((k) => (r as Record<string, unknown>)[k]).join(" "));
  return {
    columns: pick(catalog.columns, ["table_name", "column_name", "udt_name", "is_nullable", "numeric_precision", "numeric_scale", "is_identity"]),
    constraints: pick(catalog.constraints, ["table_name", "conname", "contype"]),
    indexes: pick(catalog.indexes, ["tablename", "indexname"]),
    triggers: pick(catalog.triggers, ["event_object_table", "trigger_name", "action_timing", "event_manipulation"]),
    functions: pick(catalog.functions, ["proname"]),
    policies: pick(catalog.policies, ["tablename", "policyname"]),
    rls: pick(catalog.rls, ["relname", "relrowsecurity", "relforcerowsecurity"]),
  };
}
