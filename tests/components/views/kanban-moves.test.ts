import { describe, expect, test } from "bun:test";
import type { Can, WeaveRecord } from "../../../components/client/index.ts";
import { allowedTransitions, moveFor } from "../../../components/views/kanban-moves.ts";
import { entityOf, invoicingMeta } from "./invoicing-meta.ts";

const invoice = entityOf(invoicingMeta(), "Invoice");
const can = (transitions: Record<string, boolean>): Can => ({ update: true, delete: false, transitions, actions: {}, fields: [] });
const draft = (transitions: Record<string, boolean>): WeaveRecord => ({ id: "i1", status: "draft", _can: can(transitions) });

describe("moveFor", () => {
  test("the transition between two states, when _can allows it", () => {
    const move = moveFor(invoice, "status", draft({ send: true, pay: false, void: false }), "sent");
    expect(move.ok && move.transition.name).toBe("send");
  });

  test("refused when _can says no", () => {
    expect(moveFor(invoice, "status", draft({ send: false, pay: false, void: false }), "sent")).toEqual({ ok: false, reason: "refused" });
  });

  test("no transition between the states", () => {
    expect(moveFor(invoice, "status", draft({ send: true, pay: true, void: true }), "paid")).toEqual({ ok: false, reason: "none" });
  });

  test("the same column is no move", () => {
    expect(moveFor(invoice, "status", draft({ send: true }), "draft")).toEqual({ ok: false, reason: "same" });
  });

  test("a record without _can may do nothing", () => {
    expect(moveFor(invoice, "status", { id: "i1", status: "draft" }, "sent")).toEqual({ ok: false, reason: "refused" });
  });
});

describe("allowedTransitions", () => {
  test("from the current state and allowed, only", () => {
    expect(allowedTransitions(invoice, draft({ send: true, pay: true, void: false })).map((t) => t.name)).toEqual(["send"]);
    expect(allowedTransitions(invoice, { id: "i1", status: "sent", _can: can({ send: true, pay: true, void: true }) }).map((t) => t.name)).toEqual(["pay", "void"]);
    expect(allowedTransitions(invoice, { id: "i1", status: "paid", _can: can({ send: true, pay: true, void: true }) })).toEqual([]);
  });
});
