import { expect, test } from "bun:test";
import { type Kysely, sql, type Transaction } from "kysely";
import { withRequestTransaction } from "../../../runtime/db/request-transaction.ts";
import { forEachDatabase } from "../../helpers/db.ts";

// Once set in a session, a custom setting reads as '' after its transaction; never set, as null.
const SETTINGS = sql<Record<string, string>>`select
  coalesce(current_setting('app.tenant_id', true), '') as tenant,
  coalesce(current_setting('app.user_id', true), '') as "user",
  coalesce(current_setting('app.user_roles', true), '') as roles,
  coalesce(current_setting('app.tenant_roles', true), '') as "tenantRoles"`;

async function settings(db: Transaction<any> | Kysely<any>) {
  return (await SETTINGS.execute(db)).rows[0]!;
}

const GONE = { tenant: "", user: "", roles: "", tenantRoles: "" };

forEachDatabase("withRequestTransaction", (target) => {
  const tenantId = "6f1d2c3b-0000-4000-8000-000000000001";
  const userId = "6f1d2c3b-0000-4000-8000-000000000002";

  test("sets tenant, user and roles as transaction-local settings, gone after commit", async () => {
    const inside = await withRequestTransaction(target.db, { tenantId, userId, roles: ["billing", "admin"], tenantRoles: ["owner"] }, (trx) => settings(trx));
    expect(inside).toEqual({ tenant: tenantId, user: userId, roles: "billing,admin", tenantRoles: "owner" });
    expect(await settings(target.db)).toEqual(GONE);
  });

  test("absent values are empty strings, so nullif(current_setting(...), '') is null", async () => {
    const row = await withRequestTransaction(target.db, {}, async (trx) => (await sql<{ tenant: string | null }>`select nullif(current_setting('app.tenant_id', true), '')::uuid as tenant`.execute(trx)).rows[0]);
    expect(row).toEqual({ tenant: null });
  });

  test("values are parameters, not SQL", async () => {
    const sneaky = "x'); drop table weave_nothing; --";
    expect((await withRequestTransaction(target.db, { userId: sneaky }, (trx) => settings(trx))).user).toBe(sneaky);
  });

  test("settings are gone after a rollback too, and the error comes through", async () => {
    const failing = withRequestTransaction(target.db, { tenantId }, async (trx) => {
      await sql`select 1/0`.execute(trx);
    });
    await expect(failing).rejects.toThrow("division by zero");
    expect(await settings(target.db)).toEqual(GONE);
  });

  test("concurrent requests each see their own tenant", async () => {
    const tenants = Array.from({ length: 6 }, (_, i) => `6f1d2c3b-0000-4000-8000-00000000001${i}`);
    const seen = await Promise.all(tenants.map((t) => withRequestTransaction(target.db, { tenantId: t }, async (trx) => (await settings(trx)).tenant)));
    expect(seen).toEqual(tenants);
  });
});
