/**
 * Seeding tenants (`weave_tenants`, matched by key) and users (`weave_users` by email, their
 * password hash and their memberships).
 */
import { sql } from "kysely";
import { normalizeEmail, roleArray } from "../auth/users.ts";
import { SeedError } from "./errors.ts";
import type { IRSeedTenant, IRSeedUser, SeedCounts, SeedSession } from "./session.ts";

/** A text[] parameter that both drivers bind the same way. */
const textArray = (values: readonly string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::text::jsonb))`;

/**
 * Creates each tenant, or renames one whose key exists; fills `s.tenants`.
 *
 * @example await seedTenants(s, ir.seed.tenants, counts); // s.tenants.get("acme") -> "6f1c…"
 */
export async function seedTenants(s: SeedSession, tenants: readonly IRSeedTenant[], counts: SeedCounts): Promise<void> {
  for (const tenant of tenants) {
    const { rows } = await sql<{ id: string; name: string }>`select id::text as id, name from weave_tenants where key = ${tenant.key}`.execute(s.trx);
    const found = rows[0];
    if (!found) {
      const inserted = await sql<{ id: string }>`insert into weave_tenants (key, name) values (${tenant.key}, ${tenant.name}) returning id::text as id`.execute(s.trx);
      s.tenants.set(tenant.key, inserted.rows[0]!.id);
      counts.created++;
      continue;
    }
    s.tenants.set(tenant.key, found.id);
    if (found.name === tenant.name) counts.unchanged++;
    else {
      await sql`update weave_tenants set name = ${tenant.name} where id = ${found.id}::uuid`.execute(s.trx);
      counts.updated++;
    }
  }
}

/**
 * Creates each user with a password hash (argon2id, as sign-up does) and their memberships, or
 * brings an existing one (same email) to what the seed says: name, roles, password, memberships.
 * Memberships the seed does not name are kept.
 *
 * @example await seedUsers(s, ir.seed.users, counts);
 */
export async function seedUsers(s: SeedSession, users: readonly IRSeedUser[], counts: SeedCounts): Promise<void> {
  for (const user of users) {
    const password = passwordOf(s, user);
    const email = normalizeEmail(user.email);
    const { rows } = await sql<{ id: string; name: string | null; roles: string[] | string; hash: string | null }>`
      select u.id::text as id, u.name, u.roles, c.password_hash as hash from weave_users u
      left join weave_credentials c on c.user_id = u.id where u.email = ${email}`.execute(s.trx);
    const found = rows[0];
    if (!found) {
      const inserted = await sql<{ id: string }>`insert into weave_users (email, name, roles) values (${email}, ${user.name}, ${textArray(user.roles)}) returning id::text as id`.execute(s.trx);
      const id = inserted.rows[0]!.id;
      if (password !== undefined) await setPassword(s, id, password);
      await setMemberships(s, id, user);
      counts.created++;
      continue;
    }
    let changed = false;
    if (found.name !== user.name || !sameRoles(roleArray(found.roles), user.roles)) {
      await sql`update weave_users set name = ${user.name}, roles = ${textArray(user.roles)} where id = ${found.id}::uuid`.execute(s.trx);
      changed = true;
    }
    if (password !== undefined && !(found.hash && (await Bun.password.verify(password, found.hash)))) {
      await setPassword(s, found.id, password);
      changed = true;
    }
    if (await setMemberships(s, found.id, user)) changed = true;
    counts[changed ? "updated" : "unchanged"]++;
  }
}

/** The password as written, or read from the environment for `env:NAME`. */
function passwordOf(s: SeedSession, user: IRSeedUser): string | undefined {
  const written = user.password;
  if (written === undefined || !written.startsWith("env:")) return written;
  const name = written.slice(4);
  const value = s.env[name];
  if (!value) throw new SeedError(user.origin, `user ${user.email}`, [{ field: "password", message: `the environment variable ${name} is not set` }]);
  return value;
}

async function setPassword(s: SeedSession, userId: string, password: string): Promise<void> {
  const hash = await Bun.password.hash(password, "argon2id");
  await sql`insert into weave_credentials (user_id, password_hash) values (${userId}::uuid, ${hash})
    on conflict (user_id) do update set password_hash = excluded.password_hash`.execute(s.trx);
}

/** Adds or updates the user's memberships; true when any changed. */
async function setMemberships(s: SeedSession, userId: string, user: IRSeedUser): Promise<boolean> {
  let changed = false;
  for (const { tenant, roles } of user.tenants) {
    const tenantId = s.tenants.get(tenant);
    if (!tenantId) throw new SeedError(user.origin, `user ${user.email}`, [{ field: "tenants", message: `no seed file creates the tenant \`${tenant}\`` }]);
    const { rows } = await sql`insert into weave_memberships (tenant_id, user_id, roles) values (${tenantId}::uuid, ${userId}::uuid, ${textArray(roles)})
      on conflict (tenant_id, user_id) do update set roles = excluded.roles where weave_memberships.roles is distinct from excluded.roles
      returning user_id`.execute(s.trx);
    if (rows.length > 0) changed = true;
  }
  return changed;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");
}
