import { type Kysely, sql } from "kysely";
// The scopes are the API's, which its schemas validate: one list.
import { TOKEN_SCOPES } from "../../compiler/generators/openapi/account-schemas.ts";
import { digest, randomToken } from "./secrets.ts";
import { roleArray } from "./users.ts";

export { TOKEN_SCOPES };

/** What a token may do: `read` (GET, HEAD, OPTIONS) and `write` (every other method). */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

const TOKEN_PREFIX = "weave_";

/**
 * Creates an API token; the returned `token` is shown once and stored only as its sha256.
 *
 * @example const { token } = await createApiToken(db, userId, "ci", ["read"]);
 */
export async function createApiToken(db: Kysely<any>, userId: string, name: string, scopes: readonly string[]): Promise<ApiToken & { token: string }> {
  const token = randomToken(32, TOKEN_PREFIX);
  const { rows } = await sql<RawToken>`insert into weave_api_tokens (user_id, name, token_hash, scopes)
    values (${userId}::uuid, ${name}, ${digest(token)}, array(select jsonb_array_elements_text(${JSON.stringify(scopes)}::text::jsonb)))
    returning ${COLUMNS}`.execute(db);
  return { ...toToken(rows[0]!), token };
}

/** The user's live tokens, newest first, without secrets. */
export async function listApiTokens(db: Kysely<any>, userId: string): Promise<ApiToken[]> {
  const { rows } = await sql<RawToken>`select ${COLUMNS} from weave_api_tokens where user_id = ${userId}::uuid and revoked_at is null order by created_at desc, id`.execute(db);
  return rows.map(toToken);
}

/** Revokes the user's token; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Kysely<any>, userId: string, id: string): Promise<boolean> {
  const { rows } = await sql`update weave_api_tokens set revoked_at = now() where id = ${id}::uuid and user_id = ${userId}::uuid and revoked_at is null returning id`.execute(db);
  return rows.length > 0;
}

/** The user and scopes of a live token, marking it used (at most once a minute). */
export async function tokenUser(db: Kysely<any>, token: string): Promise<{ tokenId: string; userId: string; scopes: string[] } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const { rows } = await sql<{ id: string; user_id: string; scopes: string[]; stale: boolean }>`
    select id::text as id, user_id::text as user_id, scopes, coalesce(last_used_at < now() - interval '1 minute', true) as stale
    from weave_api_tokens where token_hash = ${digest(token)} and revoked_at is null`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await sql`update weave_api_tokens set last_used_at = now() where id = ${row.id}::uuid`.execute(db);
  return { tokenId: row.id, userId: row.user_id, scopes: roleArray(row.scopes) };
}

const COLUMNS = sql`id::text as id, name, scopes, created_at, last_used_at`;

interface RawToken {
  id: string;
  name: string;
  scopes: string[];
  created_at: Date | string;
  last_used_at: Date | string | null;
}

function toToken(row: RawToken): ApiToken {
  const iso = (d: Date | string) => new Date(d).toISOString();
  return { id: row.id, name: row.name, scopes: roleArray(row.scopes), createdAt: iso(row.created_at), lastUsedAt: row.last_used_at === null ? null : iso(row.last_used_at) };
}
