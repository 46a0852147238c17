/**
 * Hooks (`hooks:` of an entity) and action handlers: the app's modules run inside the
 * request's transaction, so a hook that throws rolls back the write and everything the hook itself
 * wrote; an action's `allow` is checked first, and an action without a handler is a 501.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import { join, resolve } from "node:path";
import type { IR } from "../../../compiler/ir/index.ts";
import { createRecord, runAction, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { appFolder, billing, contextFor, customer, editedIr, invoice, invoicingIr, migrate, next, recordingBus, refusal, viewer } from "./fixture.ts";

const errors = resolve(import.meta.dir, "../../../runtime/server/errors.ts");

const app = appFolder({
  "hooks/customer.ts": `
    import { conflict } from ${JSON.stringify(errors)};
    export function beforeValidate({ input }) {
      if (typeof input.name === "string") return { ...input, name: input.name.trim() };
    }
    export async function beforePersist({ input, operation }) {
      if (input.name === "taken") throw conflict("that name is taken");
    }
    export async function afterPersist({ record, db }) {
      if (record.name !== "explode") return;
      // Written in the request's transaction: it must vanish with the rollback.
      await db.insertInto("products").values({ sku: "HOOK-SIDE-EFFECT", name: "side effect", unit_price: "1.00" }).execute();
      throw new Error("customers named explode are refused");
    }
  `,
  "hooks/broken.ts": `export const notAFunction = 1;`,
  "hooks/duplicate.ts": `
    export default async function duplicate(input, { record, db }) {
      const [copy] = await db.insertInto("invoices")
        .values({ number: record.number + "9", customer_id: record.customer, issued: record.issued, notes: record.notes })
        .returning("id").execute();
      return copy.id;
    }
  `,
  "hooks/remind-overdue.ts": `
    export async function run(input, { db, emit }) {
      const rows = await db.selectFrom("invoices").select("id").where("status", "=", "sent").execute();
      emit("remindersSent", { count: rows.length, olderThanDays: input.olderThanDays });
      return { reminded: rows.length };
    }
  `,
});

forEachDatabase("hooks and actions", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = editedIr(await invoicingIr(), (copy) => {
      const customerEntity = copy.entities.find((e: any) => e.name === "Customer");
      customerEntity.hooks = { beforeValidate: "./hooks/customer.ts", beforePersist: "./hooks/customer.ts", afterPersist: "./hooks/customer.ts" };
      const productEntity = copy.entities.find((e: any) => e.name === "Product");
      productEntity.hooks = { beforePersist: "./hooks/broken.ts" };
      const invoiceEntity = copy.entities.find((e: any) => e.name === "Invoice");
      invoiceEntity.actions.find((a: any) => a.name === "remindOverdue").handler = "./hooks/remind-overdue.ts";
      // The example's duplicate has a handler; this suite's starts without one (501), then gets its own below.
      delete invoiceEntity.actions.find((a: any) => a.name === "duplicate").handler;
    });
    await migrate(target);
  });
  afterAll(() => app.remove());
  const as = (identity = billing, events = recordingBus()) => contextFor(target, ir, identity, { events, appDir: app.dir });

  test("a before hook may change the input", async () => {
    const { body } = await createRecord(as(), "Customer", { code: `hook-${next()}`, name: "  Spaced  ", email: "s@example.com" });
    expect(body).toMatchObject({ name: "Spaced" });
  });

  test("a hook that throws rolls back the write and what the hook wrote; a plain Error is a 422", async () => {
    const code = `boom-${next()}`;
    const events = recordingBus();
    const problem = await refusal(createRecord(as(billing, events), "Customer", { code, name: "explode", email: "e@example.com" }));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: "/", message: "customers named explode are refused", code: "hook" }] });
    expect((await sql`select 1 from customers where code = ${code}`.execute(target.db)).rows).toHaveLength(0);
    expect((await sql`select 1 from products where sku = 'HOOK-SIDE-EFFECT'`.execute(target.db)).rows).toHaveLength(0);
    expect((await sql`select 1 from weave_audit where entity = 'Customer' and changes->'after'->>'code' = ${code}`.execute(target.db)).rows).toHaveLength(0);
    expect(events.published).toEqual([]);
  });

  test("a WeaveError from a hook passes through as it is; hooks run on update too", async () => {
    expect(await refusal(createRecord(as(), "Customer", { code: `taken-${next()}`, name: "taken", email: "t@example.com" }))).toMatchObject({ status: 409, detail: "that name is taken" });
    const id = await customer(as());
    expect(await refusal(updateRecord(as(), "Customer", id, { name: "taken" }))).toMatchObject({ status: 409 });
    expect(await refusal(updateRecord(as(), "Customer", id, { name: "explode" }))).toMatchObject({ status: 422 });
    expect((await sql<{ name: string; version: number }>`select name, version from customers where id = ${id}`.execute(target.db)).rows[0]!.version).toBe(1);
  });

  test("a hook module without a function is the app's bug: a plain Error (500)", async () => {
    const write = createRecord(as(), "Product", { sku: `P-${next()}`, name: "Thing", unitPrice: "5.00" });
    await expect(write).rejects.toThrow(/exports no function/);
  });

  test("an action without a handler is a 501, once allow passed; a viewer gets a 403 first", async () => {
    const id = await invoice(as());
    expect(await refusal(runAction(as(viewer), "Invoice", "duplicate", id, {}))).toMatchObject({ status: 403 });
    expect(await refusal(runAction(as(), "Invoice", "duplicate", id, {}))).toMatchObject({ status: 501, detail: "action has no handler" });
  });

  test("a collection action runs its handler in the transaction, with input defaults; events after commit; audited", async () => {
    const events = recordingBus();
    const { status, body } = await runAction(as(billing, events), "Invoice", "remindOverdue", undefined, {});
    expect(status).toBe(200);
    expect(body).toEqual({ reminded: 0 });
    expect(events.published).toMatchObject([{ type: "invoice.remindersSent", data: { count: 0, olderThanDays: 7 } }]);
    const { rows } = await sql<{ name: string; changes: unknown }>`select name, changes from weave_audit where action = 'action' order by id desc limit 1`.execute(target.db);
    expect(rows[0]).toEqual({ name: "remindOverdue", changes: { input: { olderThanDays: 7 } } });
  });

  test("an entity output is returned as the record the handler names", async () => {
    const withHandler = editedIr(ir, (copy) => {
      copy.entities.find((e: any) => e.name === "Invoice").actions.find((a: any) => a.name === "duplicate").handler = join(app.dir, "hooks/duplicate.ts");
    });
    const id = await invoice(as(), { notes: "copy me" });
    const { status, body } = await runAction(contextFor(target, withHandler, billing), "Invoice", "duplicate", id, {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ notes: "copy me", status: "draft", version: 1 });
    expect((body as { id: string }).id).not.toBe(id);
  });
});
