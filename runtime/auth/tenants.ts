/**
 * Tenants and memberships as data: create a tenant with its first admin, list a user's tenants,
 * and read, add, change and remove the members of one. Every function takes the transaction it
 * runs in; the routes (tenant-routes.ts) decide who may call them.
 */
import { sql, type Kysely } from "kysely";
import { roleArray } from "./users.ts";

export interface TenantRow {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

export interface MemberRow {
  readonly user: { readonly id: string; readonly email: string; readonly name: string | null };
  readonly roles: readonly string[];
}

/** A text[] parameter that both drivers bind the same way. */
export const textArray = (values: readonly string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::text::jsonb))`;

/**
 * Creates a tenant whose first member is `userId` with `roles`; undefined when the key is taken.
 *
 * @example await createTenant(trx, { key: "acme", name: "Acme" }, userId, ["admin"]);
 */
export async function createTenant(db: Kysely<any>, tenant: { key: string; name: string }, userId: string, roles: readonly string[]): Promise<TenantRow | undefined> {
  const { rows } = await sql<TenantRow>`insert into weave_tenants (key, name) values (${tenant.key}, ${tenant.name})
    on conflict (key) do nothing returning id::text as id, key, name`.execute(db);
  const created = rows[0];
  if (created) await sql`insert into weave_memberships (tenant_id, user_id, roles) values (${created.id}::uuid, ${userId}::uuid, ${textArray(roles)})`.execute(db);
  return created;
}

/** One tenant by id. */
export async function tenantById(db: Kysely<any>, id: string): Promise<TenantRow | undefined> {
  return (await sql<TenantRow>`select id::text as id, key, name from weave_tenants where id = ${id}::uuid`.execute(db)).rows[0];
}

/**
 * The members of a tenant, by email. With `lock`, their rows are locked until the transaction
 * ends, so two admins demoting each other cannot both succeed.
 */
export async function membersOf(db: Kysely<any>, tenantId: string, options: { lock?: boolean } = {}): Promise<MemberRow[]> {
  const lock = options.lock ? sql`for update of m` : sql``;
  const { rows } = await sql<{ id: string; email: string; name: string | null; roles: string[] | string }>`
    select u.id::text as id, u.email, u.name, m.roles from weave_memberships m join weave_users u on u.id = m.user_id
    where m.tenant_id = ${tenantId}::uuid order by u.email ${lock}`.execute(db);
  return rows.map((r) => ({ user: { id: r.id, email: r.email, name: r.name }, roles: roleArray(r.roles) }));
}

/** Adds a member; false when they already are one. */
export async function addMember(db: Kysely<any>, tenantId: string, userId: string, roles: readonly string[]): Promise<boolean> {
  const { rows } = await sql`insert into weave_memberships (tenant_id, user_id, roles) values (${tenantId}::uuid, ${userId}::uuid, ${textArray(roles)})
    on conflict (tenant_id, user_id) do nothing returning user_id`.execute(db);
  return rows.length > 0;
}

/** Replaces a member's roles; false when they are not a member. */
export async function setMemberRoles(db: Kysely<any>, tenantId: string, userId: string, roles: readonly string[]): Promise<boolean> {
  const { rows } = await sql`update weave_memberships set roles = ${textArray(roles)} where tenant_id = ${tenantId}::uuid and user_id = ${userId}::uuid returning user_id`.execute(db);
  return rows.length > 0;
}

/** Removes a member; false when they were not one. */
export async function removeMember(db: Kysely<any>, tenantId: string, userId: string): Promise<boolean> {
  const { rows } = await sql`delete from weave_memberships where tenant_id = ${tenantId}::uuid and user_id = ${userId}::uuid returning user_id`.execute(db);
  return rows.length > 0;
}
