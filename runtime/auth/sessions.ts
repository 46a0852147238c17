import { type Kysely, sql } from "kysely";
import { digest, randomToken } from "./secrets.ts";

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/**
 * Starts a session for `userId`: a fresh random token every time (a login never reuses an id, so a
 * planted cookie cannot be fixated), stored as its sha256. Returns the token for the cookie.
 *
 * @example const token = await createSession(db, userId, ir.app.auth.session, { userAgent, ip });
 */
export async function createSession(db: Kysely<any>, userId: string, policy: SessionPolicy, client: { userAgent?: string | null; ip?: string | null }): Promise<string> {
  const token = randomToken(32);
  await sql`insert into weave_sessions (id, user_id, expires_at, user_agent, ip)
    values (${digest(token)}, ${userId}::uuid, now() + make_interval(hours => ${policy.absoluteHours}::int), ${client.userAgent ?? null}, ${client.ip ?? null})`.execute(db);
  return token;
}

/**
 * The user of a live session: not revoked, before its absolute expiry and used within the idle
 * window. Marks it seen (at most once a minute, to spare a write per request).
 */
export async function sessionUser(db: Kysely<any>, token: string, policy: SessionPolicy): Promise<{ sessionId: string; userId: string } | undefined> {
  const id = digest(token);
  const { rows } = await sql<{ user_id: string; stale: boolean }>`
    select user_id::text as user_id, last_seen_at < now() - interval '1 minute' as stale from weave_sessions
    where id = ${id} and revoked_at is null and expires_at > now()
      and last_seen_at > now() - make_interval(mins => ${policy.idleMinutes}::int)`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await sql`update weave_sessions set last_seen_at = now() where id = ${id}`.execute(db);
  return { sessionId: id, userId: row.user_id };
}

/** Revokes one session by its stored id (the token's digest). */
export async function revokeSession(db: Kysely<any>, sessionId: string): Promise<void> {
  await sql`update weave_sessions set revoked_at = now() where id = ${sessionId} and revoked_at is null`.execute(db);
}
