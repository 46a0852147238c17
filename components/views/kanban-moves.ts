/**
 * Which transition moves a kanban card from one column (state) to another, and whether the user
 * may run it. The answer comes from `_meta` (the transitions and their states) and the record's
 * `_can` (what the server says this user may do): never from a rule of our own.
 */
import type { MetaEntity, WeaveRecord } from "../client/index.ts";

type Transition = MetaEntity["transitions"][number];

/** A move's verdict: the transition to run, or why there is none. */
export type Move = { readonly ok: true; readonly transition: Transition } | { readonly ok: false; readonly reason: "none" | "refused" | "same" };

/**
 * The transition of `field`'s machine from the record's state to `to`.
 *
 * @example moveFor(invoice, "status", draftInvoice, "sent") // { ok: true, transition: send }
 */
export function moveFor(entity: MetaEntity, field: string, record: WeaveRecord, to: string): Move {
  const from = String(record[field] ?? "");
  if (from === to) return { ok: false, reason: "same" };
  const machine = entity.states.find((m) => m.field === field)?.machine;
  const transition = entity.transitions.find((t) => (t.machine ?? machine) === machine && t.to === to && t.from.includes(from));
  if (!transition) return { ok: false, reason: "none" };
  return record._can?.transitions[transition.name] === true ? { ok: true, transition } : { ok: false, reason: "refused" };
}

/**
 * Transitions the record may take now: from its current state, allowed by `_can`.
 *
 * @example allowedTransitions(invoice, draftInvoice).map((t) => t.name) // ["send", "void"]
 */
export function allowedTransitions(entity: MetaEntity, record: WeaveRecord): Transition[] {
  return entity.transitions.filter((t) => {
    const machine = entity.states.find((m) => (t.machine === undefined ? true : m.machine === t.machine));
    const state = machine ? String(record[machine.field] ?? "") : "";
    return t.from.includes(state) && record._can?.transitions[t.name] === true;
  });
}
