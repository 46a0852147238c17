import { type Kysely, sql } from "kysely";

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly disabled: boolean;
}

/** Emails are compared lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const COLUMNS = sql`id::text as id, email, name, roles, disabled_at is not null as disabled`;

export async function userById(db: Kysely<any>, id: string): Promise<UserRow | undefined> {
  return toUser((await sql<RawUser>`select ${COLUMNS} from weave_users where id = ${id}::uuid`.execute(db)).rows[0]);
}

export async function userByEmail(db: Kysely<any>, email: string): Promise<(UserRow & { passwordHash: string | null }) | undefined> {
  const { rows } = await sql<RawUser & { password_hash: string | null }>`
    select ${COLUMNS}, c.password_hash from weave_users u left join weave_credentials c on c.user_id = u.id
    where u.email = ${normalizeEmail(email)}`.execute(db);
  const row = rows[0];
  return row ? { ...toUser(row)!, passwordHash: row.password_hash } : undefined;
}

/** Creates a user with a password hash; undefined when the email is taken. */
export async function insertUser(db: Kysely<any>, input: { email: string; name: string | null; passwordHash: string }): Promise<UserRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<RawUser>`insert into weave_users (email, name) values (${normalizeEmail(input.email)}, ${input.name})
      on conflict (email) do nothing returning ${COLUMNS}`.execute(trx);
    const user = toUser(rows[0]);
    if (user) await sql`insert into weave_credentials (user_id, password_hash) values (${user.id}::uuid, ${input.passwordHash})`.execute(trx);
    return user;
  });
}

export interface Membership {
  readonly tenant: { readonly id: string; readonly key: string; readonly name: string };
  readonly roles: readonly string[];
}

export async function membershipsOf(db: Kysely<any>, userId: string): Promise<Membership[]> {
  const { rows } = await sql<{ id: string; key: string; name: string; roles: string[] }>`
    select t.id::text as id, t.key, t.name, m.roles from weave_memberships m join weave_tenants t on t.id = m.tenant_id
    where m.user_id = ${userId}::uuid order by t.key`.execute(db);
  return rows.map((r) => ({ tenant: { id: r.id, key: r.key, name: r.name }, roles: roleArray(r.roles) }));
}

/** The user's roles in a tenant, or undefined when they are not a member. */
export async function membershipRoles(db: Kysely<any>, tenantId: string, userId: string): Promise<string[] | undefined> {
  const { rows } = await sql<{ roles: string[] }>`select roles from weave_memberships where tenant_id = ${tenantId}::uuid and user_id = ${userId}::uuid`.execute(db);
  return rows[0] ? roleArray(rows[0].roles) : undefined;
}

interface RawUser {
  id: string;
  email: string;
  name: string | null;
  roles: string[] | string;
  disabled: boolean;
}

function toUser(row: RawUser | undefined): UserRow | undefined {
  return row ? { id: row.id, email: row.email, name: row.name, roles: roleArray(row.roles), disabled: row.disabled } : undefined;
}

/** text[] arrives as an array from both drivers; a literal `{a,b}` is parsed just in case. */
export function roleArray(value: readonly string[] | string | null): string[] {
  if (value === null) return [];
  if (typeof value !== "string") return [...value];
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
}
