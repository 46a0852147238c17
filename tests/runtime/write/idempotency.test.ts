/**
 * `Idempotency-Key` on POST: the first response is stored in the write's transaction and replayed
 * for the same key and body (even for a duplicate sent at the same moment: exactly one record is
 * created); the same key with another body is a 422; keys are scoped to tenant, user and path.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import type { Database } from "../../../runtime/db/index.ts";
import { createRecord, runTransition } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { appFolder, billing, contextFor, customer, editedIr, invoice, invoicingIr, migrate, next, recordingBus, refusal } from "./fixture.ts";

// Holds the first transaction open after its insert, so a duplicate arrives while it is in flight.
const app = appFolder({ "hooks/slow.ts": "export const afterPersist = () => new Promise((done) => setTimeout(done, 150));" });

forEachDatabase("idempotency keys", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = editedIr(await invoicingIr(), (copy) => {
      copy.entities.find((e: any) => e.name === "Product").hooks = { afterPersist: "./hooks/slow.ts" };
    });
    await migrate(target);
  });
  afterAll(() => app.remove());
  const as = (identity = billing, database?: Database) => {
    const ctx = contextFor(target, ir, identity, { appDir: app.dir });
    return database ? { ...ctx, database } : ctx;
  };
  const count = async (table: string, column: string, value: string) => (await sql`select 1 from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(target.db)).rows.length;

  test("the same key and body replays the first response; one record", async () => {
    const key = `k-${next()}`;
    const body = { code: `idem-${next()}`, name: "Once", email: "once@example.com" };
    const first = await createRecord(as(), "Customer", body, { idempotencyKey: key });
    const events = recordingBus();
    const again = await createRecord({ ...as(), events }, "Customer", { ...body }, { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 201, body: first.body, headers: { "idempotent-replayed": "true", etag: '"1"' } });
    expect(await count("customers", "code", body.code)).toBe(1);
    expect(events.published).toEqual([]);
  });

  test("the same key with another body is a 422", async () => {
    const key = `k-${next()}`;
    await createRecord(as(), "Customer", { code: `idem-${next()}`, name: "A", email: "a@example.com" }, { idempotencyKey: key });
    const problem = await refusal(createRecord(as(), "Customer", { code: `idem-${next()}`, name: "B", email: "b@example.com" }, { idempotencyKey: key }));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: "/headers/Idempotency-Key", code: "idempotencyKeyReused" }] });
  });

  test("keys are per user: another user's request with the same key is its own", async () => {
    const key = `k-${next()}`;
    const other = { ...billing, userId: "00000000-0000-4000-8000-0000000000b2" };
    await createRecord(as(), "Customer", { code: `idem-${next()}`, name: "Mine", email: "m@example.com" }, { idempotencyKey: key });
    const theirs = await createRecord(as(other), "Customer", { code: `idem-${next()}`, name: "Theirs", email: "t@example.com" }, { idempotencyKey: key });
    expect(theirs.headers?.["idempotent-replayed"]).toBeUndefined();
    expect(theirs.body).toMatchObject({ name: "Theirs" });
  });

  test("a refused write stores nothing: the retry runs again", async () => {
    const key = `k-${next()}`;
    const body = { code: `idem-${next()}`, name: "No contact" };
    expect(await refusal(createRecord(as(), "Customer", body, { idempotencyKey: key }))).toMatchObject({ status: 422 });
    expect(await refusal(createRecord(as(), "Customer", body, { idempotencyKey: key }))).toMatchObject({ status: 422, errors: [{ code: "rule" }] });
  });

  test("a transition replays too, instead of a 409 for the state it already left", async () => {
    const id = await invoice(as(), { due: "2026-02-01" });
    await createRecord(as(), "InvoiceLine", { invoice: id, description: "Work", unitPrice: "10.00" });
    const key = `k-${next()}`;
    const first = await runTransition(as(), "Invoice", id, "send", {}, { idempotencyKey: key });
    const again = await runTransition(as(), "Invoice", id, "send", {}, { idempotencyKey: key });
    expect(again.body).toEqual(first.body);
    expect(await count("weave_audit", "record_id", id)).toBe(2); // the create and one transition
  });

  // Postgres: two pools, so the two transactions really overlap; the second one's INSERT into
  // weave_idempotency waits on the first one's uncommitted row, then finds the stored response.
  // PGlite is one connection: Kysely's driver hands it to one transaction at a time, so the
  // duplicate starts only after the first committed and replays what it stored. Either way: one row.
  test("concurrent duplicates create exactly one record", async () => {
    const second = target.kind === "postgres" ? target.connect() : target.database;
    const key = `k-${next()}`;
    const body = { sku: `DUP-${next()}`, name: "Duplicate", unitPrice: "10.00" };
    const results = await Promise.all([createRecord(as(), "Product", body, { idempotencyKey: key }), createRecord(as(billing, second), "Product", { ...body }, { idempotencyKey: key })]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results[0]!.body).toEqual(results[1]!.body);
    expect(results.filter((r) => r.headers?.["idempotent-replayed"] === "true")).toHaveLength(1);
    expect(await count("products", "sku", body.sku)).toBe(1);
    await customer(as()); // the pools still work afterwards
  });
});
