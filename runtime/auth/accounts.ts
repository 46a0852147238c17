/**
 * User accounts as app-wide administrators see them: listed by email, their app-wide roles set,
 * disabled and enabled again. The routes (admin-routes.ts) decide who may call these.
 */
import { sql, type Kysely } from "kysely";
import { textArray } from "./tenants.ts";
import { roleArray } from "./users.ts";

export interface AccountRow {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly disabled: boolean;
  readonly createdAt: string;
}

interface RawAccount {
  id: string;
  email: string;
  name: string | null;
  roles: string[] | string;
  disabled: boolean;
  created_at: Date | string;
}

const COLUMNS = sql`id::text as id, email, name, roles, disabled_at is not null as disabled, created_at`;

/**
 * A page of accounts ordered by email, after the email `after` (exclusive).
 *
 * @example await listAccounts(db, { size: 50 }); // [{ id, email, name, roles, disabled, createdAt }, ...]
 */
export async function listAccounts(db: Kysely<any>, page: { size: number; after?: string }): Promise<AccountRow[]> {
  const after = page.after === undefined ? sql`` : sql`where email > ${page.after}`;
  const { rows } = await sql<RawAccount>`select ${COLUMNS} from weave_users ${after} order by email limit ${page.size}`.execute(db);
  return rows.map(toAccount);
}

/** One account, locked until the transaction ends when `lock`. */
export async function accountById(db: Kysely<any>, id: string, options: { lock?: boolean } = {}): Promise<AccountRow | undefined> {
  const lock = options.lock ? sql`for update` : sql``;
  const row = (await sql<RawAccount>`select ${COLUMNS} from weave_users where id = ${id}::uuid ${lock}`.execute(db)).rows[0];
  return row ? toAccount(row) : undefined;
}

/**
 * The enabled accounts holding any of `roles` app-wide, locked until the transaction ends (two
 * admins demoting each other must not both succeed).
 */
export async function holdersOf(db: Kysely<any>, roles: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id::text as id from weave_users where roles && ${textArray(roles)} and disabled_at is null order by id for update`.execute(db);
  return rows.map((r) => r.id);
}

/** Sets the roles and/or the disabled state of an account; returns it as it is now. */
export async function updateAccount(db: Kysely<any>, id: string, change: { roles?: readonly string[]; disabled?: boolean }): Promise<AccountRow | undefined> {
  const roles = change.roles === undefined ? sql`roles` : textArray(change.roles);
  const disabled = change.disabled === undefined ? sql`disabled_at` : change.disabled ? sql`coalesce(disabled_at, now())` : sql`null`;
  const row = (await sql<RawAccount>`update weave_users set roles = ${roles}, disabled_at = ${disabled} where id = ${id}::uuid returning ${COLUMNS}`.execute(db)).rows[0];
  return row ? toAccount(row) : undefined;
}

function toAccount(row: RawAccount): AccountRow {
  const createdAt = row.created_at instanceof Date ? row.created_at : new Date(String(row.created_at));
  return { id: row.id, email: row.email, name: row.name, roles: roleArray(row.roles), disabled: row.disabled, createdAt: createdAt.toISOString() };
}
