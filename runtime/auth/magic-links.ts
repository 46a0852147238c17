import { type Kysely, sql } from "kysely";
import { digest, randomToken } from "./secrets.ts";

/** How long a magic link stays valid. */
export const MAGIC_LINK_MINUTES = 10;

/**
 * Stores a single-use sign-in link for `email`, bound to the address that asked for it; returns
 * the token (256 random bits) for the mail. Only its sha256 is stored.
 */
export async function createMagicLink(db: Kysely<any>, email: string, ip: string): Promise<string> {
  const token = randomToken(32);
  await sql`insert into weave_magic_links (token_hash, email, requested_ip, expires_at)
    values (${digest(token)}, ${email}, ${ip}, now() + make_interval(mins => ${MAGIC_LINK_MINUTES}::int))`.execute(db);
  return token;
}

export type Redeemed = { ok: true; email: string } | { ok: false; reason: "invalid" | "address" };

/**
 * Uses a magic link: it must exist, be unused, unexpired, and be redeemed from the address that
 * requested it. Marking it used is one conditional UPDATE, so two concurrent redeems cannot both
 * succeed. A redeem from another address is refused and leaves the link unused.
 */
export async function redeemMagicLink(db: Kysely<any>, token: string, ip: string): Promise<Redeemed> {
  const hash = digest(token);
  const { rows } = await sql<{ email: string }>`update weave_magic_links set used_at = now()
    where token_hash = ${hash} and used_at is null and expires_at > now() and requested_ip = ${ip} returning email`.execute(db);
  if (rows[0]) return { ok: true, email: rows[0].email };
  const { rows: live } = await sql`select 1 from weave_magic_links where token_hash = ${hash} and used_at is null and expires_at > now()`.execute(db);
  return { ok: false, reason: live.length > 0 ? "address" : "invalid" };
}
