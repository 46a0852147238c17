/**
 * Events: the bus fans out synchronously and survives a throwing listener; writes publish only
 * after their transaction committed (nothing on rollback); `GET /api/_events` streams the
 * caller's tenant's events, filtered by entity and record, and stops when the client goes away.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import { createEventBus, eventStream } from "../../../runtime/events/index.ts";
import type { EventBus, WeaveEvent } from "../../../runtime/server/context.ts";
import { createRecord, runTransition, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { billing, contextFor, customer, invoice, invoicingIr, migrate, recordingBus, refusal, TENANT_A, TENANT_B } from "../write/fixture.ts";

const event = (fields: Partial<WeaveEvent> = {}): WeaveEvent => ({ type: "invoice.updated", entity: "Invoice", id: "1", tenantId: TENANT_A, at: new Date().toISOString(), data: {}, ...fields });

describe("createEventBus", () => {
  test("fans out in subscription order; a throwing listener is reported and the others still run", () => {
    const errors: unknown[] = [];
    const bus = createEventBus({ onError: (error) => void errors.push(error) });
    const seen: string[] = [];
    bus.subscribe(() => void seen.push("a"));
    bus.subscribe(() => {
      throw new Error("listener bug");
    });
    bus.subscribe(() => void seen.push("c"));
    bus.publish(event());
    expect(seen).toEqual(["a", "c"]);
    expect(errors).toHaveLength(1);
  });

  test("unsubscribe stops one subscription, also from inside a listener", () => {
    const bus = createEventBus();
    const seen: number[] = [];
    const listener = (e: WeaveEvent) => void seen.push(Number(e.id));
    const first = bus.subscribe(listener);
    bus.subscribe(listener);
    const once = bus.subscribe(() => once());
    bus.publish(event({ id: "1" }));
    first();
    bus.publish(event({ id: "2" }));
    expect(seen).toEqual([1, 1, 2]);
  });
});

/** A bus that counts live subscriptions. */
function countingBus(): EventBus & { live(): number } {
  const bus = createEventBus();
  let live = 0;
  return {
    publish: (e) => bus.publish(e),
    subscribe(listener) {
      live++;
      const stop = bus.subscribe(listener);
      return () => {
        live--;
        stop();
      };
    },
    live: () => live,
  };
}

/** Reads SSE messages from a response body until `count` event messages arrived (comments skipped). */
async function readEvents(response: Response, count: number): Promise<{ event: string; data: WeaveEvent }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const out: { event: string; data: WeaveEvent }[] = [];
  let buffer = "";
  while (out.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(message.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
      if (fields.event) out.push({ event: fields.event, data: JSON.parse(fields.data!) });
    }
  }
  reader.releaseLock();
  return out;
}

forEachDatabase("events of writes", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = await invoicingIr();
    await migrate(target);
  });

  test("published after commit, when the row is visible to everyone; nothing on rollback", async () => {
    const bus = createEventBus();
    const checks: Promise<number>[] = [];
    // The listener runs synchronously at publish time: a query started there runs on the pool, outside the write.
    bus.subscribe((e) => void checks.push(sql`select 1 from customers where id = ${e.id}`.execute(target.db).then((r) => r.rows.length)));
    const ctx = contextFor(target, ir, billing, { events: bus });
    const id = await customer(ctx);
    expect(await Promise.all(checks)).toEqual([1]);
    const failed = recordingBus();
    expect(await refusal(updateRecord(contextFor(target, ir, billing, { events: failed }), "Customer", id, { email: null }))).toMatchObject({ status: 422 });
    expect(failed.published).toEqual([]);
  });

  test("event types and payloads: created, updated with the changed fields, never field values", async () => {
    const bus = recordingBus();
    const ctx = contextFor(target, ir, billing, { events: bus });
    const id = await customer(ctx);
    await updateRecord(ctx, "Customer", id, { name: "Renamed", email: "new@example.com" });
    expect(bus.published.map((e) => [e.type, e.data])).toEqual([
      ["customer.created", { version: 1 }],
      ["customer.updated", { version: 2, fields: ["name", "email"] }],
    ]);
    expect(bus.published.every((e) => e.entity === "Customer" && e.id === id && e.tenantId === TENANT_A)).toBe(true);
  });

  test("the stream delivers the caller's tenant's events for the record asked for, and only those", async () => {
    const bus = countingBus();
    const ctx = contextFor(target, ir, billing, { events: bus });
    const id = await invoice(ctx, { due: "2026-02-01" });
    await createRecord(ctx, "InvoiceLine", { invoice: id, description: "Work", unitPrice: "10.00" });
    const other = await invoice(ctx);
    const abort = new AbortController();
    const response = eventStream(ctx, { entity: "invoice", id }, { signal: abort.signal });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(bus.live()).toBe(1);
    bus.publish(event({ id, tenantId: TENANT_B })); // another tenant
    bus.publish(event({ id: other })); // another record
    bus.publish(event({ id, entity: "Customer", type: "customer.updated" })); // another entity
    await updateRecord(ctx, "Invoice", other, { notes: "not this one" });
    await runTransition(ctx, "Invoice", id, "send", {});
    const received = await readEvents(response, 2);
    expect(received.map((m) => m.event)).toEqual(["invoice.transitioned", "invoice.invoiceSent"]);
    expect(received[0]!.data).toMatchObject({ entity: "Invoice", id, tenantId: TENANT_A, data: { transition: "send", from: "draft", to: "sent" } });
    abort.abort();
    expect(bus.live()).toBe(0);
  });
});

describe("eventStream", () => {
  const ir = () => invoicingIr();
  const ctxWith = async (bus: EventBus) => ({ requestId: "r", identity: billing, ir: await ir(), database: undefined as never, options: { database: undefined as never }, events: bus });

  test("sends heartbeats, and unsubscribes when the client cancels the stream", async () => {
    const bus = countingBus();
    const response = eventStream(await ctxWith(bus), {}, { heartbeatMs: 5 });
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes(": heartbeat")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text.startsWith("retry: 3000\n: subscribed\n\n")).toBe(true);
    await reader.cancel();
    expect(bus.live()).toBe(0);
  });

  test("an already aborted request gets an empty, closed stream", async () => {
    const bus = countingBus();
    const response = eventStream(await ctxWith(bus), {}, { signal: AbortSignal.abort() });
    expect(await response.text()).toBe("");
    expect(bus.live()).toBe(0);
  });

  test("an unknown entity is a 400 naming the allowed ones; an id needs an entity", async () => {
    const ctx = await ctxWith(createEventBus());
    expect(await refusal(Promise.resolve().then(() => eventStream(ctx, { entity: "nope" })))).toMatchObject({ status: 400, detail: expect.stringContaining("invoiceLine") });
    expect(await refusal(Promise.resolve().then(() => eventStream(ctx, { id: "x" })))).toMatchObject({ status: 400 });
  });
});
