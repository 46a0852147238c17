/**
 * `weave migrate reset`: dropping every object of the app's schema, for development only.
 */
import { sql } from "kysely";
import type { Database } from "../create-database.ts";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Why `database` must not be reset, or undefined when it may: refused under NODE_ENV=production
 * and for a Postgres whose host is not this machine.
 *
 * @example
 * resetRefusal("postgres://db.example.com/app", {}); // "refusing to reset ... db.example.com ..."
 */
export function resetRefusal(url: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.NODE_ENV === "production") return "refusing to reset: NODE_ENV is production; reset is for development databases only";
  if (url === undefined) return undefined;
  const host = urlHost(url);
  if (host === undefined || LOCAL_HOSTS.has(host) || host.startsWith("/")) return undefined;
  return `refusing to reset the database at ${host}: reset drops every table and is allowed only on localhost, 127.0.0.1 or ::1 (or the embedded database)`;
}

// "" for a Unix socket URL (postgres:///app or ?host=/run/postgresql); undefined if unparsable.
function urlHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.searchParams.get("host") ?? parsed.hostname;
  } catch {
    return undefined;
  }
}

/**
 * Drops the current schema with everything in it (tables, weave_migrations, functions, types) and
 * creates it again with the same owner and privileges, in one transaction. Callers check
 * `resetRefusal` first.
 *
 * @example
 * if (!resetRefusal(url, process.env)) await resetSchema(database);
 */
export async function resetSchema(database: Database): Promise<{ schema: string }> {
  return database.kysely.transaction().execute(async (trx) => {
    const { rows } = await sql<{ schema: string; owner: string; grants: string[] }>`
      select n.nspname as schema, pg_get_userbyid(n.nspowner) as owner,
        coalesce(array(
          select format('grant %s on schema %I to %s%s', a.privilege_type, n.nspname,
            case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
            case when a.is_grantable then ' with grant option' else '' end)
          from aclexplode(n.nspacl) a where a.grantee <> n.nspowner), '{}') as grants
      from pg_namespace n where n.nspname = current_schema()`.execute(trx);
    const schema = rows[0];
    if (!schema) throw new Error("reset: the database has no current schema (search_path is empty)");
    await sql`drop schema ${sql.id(schema.schema)} cascade`.execute(trx);
    await sql`create schema ${sql.id(schema.schema)} authorization ${sql.id(schema.owner)}`.execute(trx);
    for (const grant of schema.grants) await sql.raw(grant).execute(trx);
    return { schema: schema.schema };
  });
}
