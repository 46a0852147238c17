/**
 * The audit log on the invoicing example: every write appends who, tenant, request and the
 * changed fields (pii masked) in the write's transaction; the table refuses UPDATE and DELETE;
 * the hash chain shows a row changed or deleted behind the trigger's back (as a superuser with the
 * trigger disabled); admins read it at GET /api/_audit; `weave audit verify` exits 1 on a break.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { memoryIo } from "../../../cli/io.ts";
import { main } from "../../../cli/main.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { listAudit, MASK, verifyAudit } from "../../../runtime/audit/index.ts";
import { applyMigrations, createDatabase } from "../../../runtime/db/index.ts";
import { createRecord, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase, type TestDatabase } from "../../helpers/db.ts";
import { admin, billing, contextFor, customer, example, invoicingIr, migrate, next, refusal, TENANT_B } from "../write/fixture.ts";

/** Runs `fn` with the append-only trigger disabled, as a superuser tampering with the log would. */
async function tamper(db: Kysely<any>, fn: (db: Kysely<any>) => Promise<unknown>): Promise<void> {
  await sql`alter table weave_audit disable trigger weave_audit_append_only`.execute(db);
  try {
    await fn(db);
  } finally {
    await sql`alter table weave_audit enable trigger weave_audit_append_only`.execute(db);
  }
}

async function weave(argv: string[], cwd = process.cwd()) {
  const io = memoryIo({ cwd });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

forEachDatabase("the audit log", (target: TestDatabase) => {
  let ir: IR;
  beforeAll(async () => {
    ir = await invoicingIr();
    await migrate(target);
  });
  const as = (identity = billing, requestId?: string) => contextFor(target, ir, identity, requestId ? { requestId } : {});

  test("a create and an update are audited with who, where, the request and the changed fields; pii masked", async () => {
    const requestId = `req-${next()}`;
    const { body } = await createRecord(as(billing, requestId), "Customer", { code: `audit-${next()}`, name: "Audited", email: "private@example.com" });
    const id = (body as { id: string }).id;
    await updateRecord(as(), "Customer", id, { name: "Audited AG", email: "other@example.com" });
    const { rows } = await sql<any>`select action, tenant_id, user_id, request_id, entity, record_id, name, changes from weave_audit where record_id = ${id} order by id`.execute(target.db);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: "create", tenant_id: billing.tenantId, user_id: billing.userId, request_id: requestId, entity: "Customer", record_id: id, name: null });
    expect(rows[0].changes).toEqual({ before: null, after: { code: expect.any(String), name: "Audited", email: MASK } });
    expect(rows[1].changes).toEqual({ before: { name: "Audited", email: MASK }, after: { name: "Audited AG", email: MASK } });
  });

  test("the table is append-only", async () => {
    await expect(sql`update weave_audit set name = 'x'`.execute(target.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from weave_audit`.execute(target.db)).rejects.toThrow(/append-only/);
  });

  test("GET /api/_audit: admins only, newest first, filtered by entity and record, paged", async () => {
    const id = await customer(as());
    for (const name of ["one", "two", "three"]) await updateRecord(as(), "Customer", id, { name });
    expect(await refusal(listAudit(as(), {}))).toMatchObject({ status: 403 });
    const first = await listAudit(as(admin), { entity: "customer", id, "page[size]": "2" });
    expect(first.data.map((e) => e.action)).toEqual(["update", "update"]);
    expect(first.data[0]!.changes).toMatchObject({ after: { name: "three" } });
    expect(first.page).toEqual({ size: 2, after: first.data[1]!.id });
    const second = await listAudit(as(admin), { entity: "Customer", id, page: { size: 2, after: first.page.after! } });
    expect(second.data.map((e) => e.action)).toEqual(["update", "create"]);
    expect(second.page).toEqual({ size: 2 });
    expect((await listAudit(as({ ...admin, tenantId: TENANT_B }), { entity: "customers", id })).data).toEqual([]);
    expect(await refusal(listAudit(as(admin), { entity: "nope" }))).toMatchObject({ status: 400 });
  });

  test("the chain verifies, and shows a changed row, then a deleted one", async () => {
    await customer(as());
    await customer(as());
    const intact = await verifyAudit(target.database);
    expect(intact.ok).toBe(true);
    expect(intact.rows).toBeGreaterThan(4);
    const ids = (await sql<{ id: string }>`select id::text as id from weave_audit order by id`.execute(target.db)).rows.map((r) => r.id);
    const victim = ids[2]!;

    await tamper(target.db, (db) => sql`update weave_audit set changes = jsonb_set(changes, '{after,name}', '"Forged"') where id = ${victim}::bigint`.execute(db));
    const changed = await verifyAudit(target.database);
    expect(changed).toMatchObject({ ok: false, rows: 3, broken: { id: victim, reason: "changed" }, last: { id: ids[1] } });

    await tamper(target.db, (db) => sql`delete from weave_audit where id = ${victim}::bigint`.execute(db));
    const deleted = await verifyAudit(target.database);
    expect(deleted).toMatchObject({ ok: false, broken: { id: ids[3], reason: "unlinked" } });
    expect(deleted.broken!.message).toContain(`row ${ids[1]}`);

    if (target.kind === "postgres") {
      const cli = await weave(["audit", "verify", example, "--url", target.url!]);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`audit row ${ids[3]} does not follow the chain`);
    }
  });
});

test("weave audit verify on the app's embedded database: 0 while intact, 1 once a row is changed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "weave-audit-"));
  try {
    cpSync(example, dir, { recursive: true, filter: (path) => !path.includes(".weave") });
    const database = createDatabase({ appDir: dir });
    try {
      await applyMigrations(database, { dir: join(dir, "migrations") });
      const ctx = { ...contextFor({ database } as TestDatabase, await invoicingIr(), billing) };
      await createRecord(ctx, "Customer", { code: "cli", name: "CLI", email: "cli@example.com" });
      await updateRecord(ctx, "Customer", ((await sql<{ id: string }>`select id from customers`.execute(database.kysely)).rows[0]!).id, { name: "CLI 2" });
    } finally {
      await database.close();
    }
    const intact = await weave(["audit", "verify", "."], dir);
    expect(intact).toMatchObject({ code: 0, err: "" });
    expect(intact.out).toContain("audit chain intact: 2 rows");

    const again = createDatabase({ appDir: dir });
    try {
      await tamper(again.kysely, (db) => sql`update weave_audit set user_id = null where action = 'update'`.execute(db));
    } finally {
      await again.close();
    }
    const broken = await weave(["audit", "verify", ".", "--json"], dir);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, rows: 2, broken: { reason: "changed" } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
