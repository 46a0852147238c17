/**
 * Transitions on the invoicing example's lifecycle: the from-state (409), allow (403) and guard
 * (422) decided on the locked row, the state and `set` effects written in one UPDATE, the version
 * bumped, the audit entry written, and the events published after commit.
 */
import { beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import { createRecord, runTransition } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { admin, billing, contextFor, invoice, invoicingIr, migrate, recordingBus, refusal, viewer } from "./fixture.ts";

forEachDatabase("transitions", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = await invoicingIr();
    await migrate(target);
  });
  const as = (identity = billing, events = recordingBus()) => contextFor(target, ir, identity, { events });

  /** A draft invoice with one line of 100.00 and a due date: ready to send. */
  async function sendable(): Promise<string> {
    const id = await invoice(as(), { due: "2026-02-01" });
    await createRecord(as(), "InvoiceLine", { invoice: id, description: "Work", quantity: 1, unitPrice: "100.00" });
    return id;
  }

  test("send: the guard holds, the state and sentAt change, the version goes up", async () => {
    const id = await sendable();
    const events = recordingBus();
    const { status, body } = await runTransition(as(billing, events), "Invoice", id, "send", {});
    expect(status).toBe(200);
    const record = body as Record<string, unknown>;
    expect(record).toMatchObject({ status: "sent", version: 2, total: "119.00" });
    expect(typeof record.sentAt).toBe("string");
    expect(Math.abs(Date.parse(record.sentAt as string) - Date.now())).toBeLessThan(60_000);
    expect(events.published.map((e) => e.type)).toEqual(["invoice.transitioned", "invoice.invoiceSent"]);
    expect(events.published[0]).toMatchObject({ entity: "Invoice", id, tenantId: billing.tenantId, data: { transition: "send", from: "draft", to: "sent", version: 2 } });
  });

  test("the audit entry names the transition and the changed fields", async () => {
    const id = await sendable();
    await runTransition(as(), "Invoice", id, "send", {});
    const { rows } = await sql<{ action: string; name: string; user_id: string; tenant_id: string; changes: any }>`select action, name, user_id, tenant_id, changes from weave_audit where record_id = ${id} and action = 'transition'`.execute(target.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "transition", name: "send", user_id: billing.userId, tenant_id: billing.tenantId });
    expect(rows[0]!.changes.before).toEqual({ status: "draft", sentAt: null });
    expect(rows[0]!.changes.after.status).toBe("sent");
  });

  test("a guard that does not hold is a 422, and nothing changes", async () => {
    const id = await invoice(as());
    const events = recordingBus();
    const problem = await refusal(runTransition(as(billing, events), "Invoice", id, "send", {}));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: "/", message: "size(lines) > 0 && has(due)", code: "guard" }] });
    expect((await sql<{ status: string; version: number }>`select status, version from invoices where id = ${id}`.execute(target.db)).rows[0]).toEqual({ status: "draft", version: 1 });
    expect(events.published).toEqual([]);
  });

  test("the wrong state is a 409 naming the current state and where the transition starts", async () => {
    const id = await sendable();
    await runTransition(as(), "Invoice", id, "send", {});
    const problem = await refusal(runTransition(as(), "Invoice", id, "send", {}));
    expect(problem.status).toBe(409);
    expect(problem.detail).toContain("'sent'");
    expect(problem.detail).toContain("'draft'");
  });

  test("allow is decided per user: void is for admins, send not for viewers (403)", async () => {
    const id = await sendable();
    expect(await refusal(runTransition(as(viewer), "Invoice", id, "send", {}))).toMatchObject({ status: 403 });
    expect(await refusal(runTransition(as(billing), "Invoice", id, "void", {}))).toMatchObject({ status: 403 });
    expect((await runTransition(as(admin), "Invoice", id, "void", {})).body).toMatchObject({ status: "void" });
  });

  test("pay: the guard reads payments across the relation; paidAt is set", async () => {
    const id = await sendable();
    await runTransition(as(), "Invoice", id, "send", {});
    expect(await refusal(runTransition(as(), "Invoice", id, "pay", {}))).toMatchObject({ status: 422 });
    await createRecord(as(), "Payment", { invoice: id, amount: "119.00" });
    const { body } = await runTransition(as(), "Invoice", id, "pay", { version: 2 });
    expect(body).toMatchObject({ status: "paid", paidAmount: "119.00", balance: "0.00", version: 3 });
    expect((body as { paidAt: unknown }).paidAt).toBeString();
  });

  test("a stale version is a 412; an unknown transition a 404", async () => {
    const id = await sendable();
    expect(await refusal(runTransition(as(), "Invoice", id, "send", {}, { ifMatch: '"7"' }))).toMatchObject({ status: 412 });
    expect(await refusal(runTransition(as(), "Invoice", id, "archive", {}))).toMatchObject({ status: 404 });
  });
});
