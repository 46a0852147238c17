/** Edits of state machines: a machine with its state field, a state, a transition. */
import { type Draft, EditRefused } from "./draft.ts";
import { type EditedElement, insertField } from "./entity-edits.ts";
import { words } from "./names.ts";
import { after, ENTITY_KEYS, MACHINE_KEYS, TRANSITION_KEYS } from "./order.ts";
import { expr, type Value } from "./render.ts";
import type { EditOf } from "./types.ts";
import { deleteIn, getIn, setIn } from "./yaml-text.ts";

interface MachineSpec {
  initial?: string;
  states?: Record<string, unknown>;
  transitions?: Record<string, { from?: string | string[]; to?: string }>;
}

export function addMachine(draft: Draft, edit: EditOf<"addMachine">): EditedElement {
  const file = draft.fileOf(edit.entity);
  const text = draft.read(file)!;
  if (getIn(text, ["states", edit.machine]) !== undefined) throw new EditRefused(`${edit.entity} already has a state machine ${edit.machine}`);
  const field = edit.field ?? "status";
  const existing = getIn(text, ["fields", field]) as { type?: string } | undefined;
  if (existing && existing.type !== "state") throw new EditRefused(`${edit.entity}.${field} is not a state field`);
  if (!existing) insertField(draft, file, field, { type: "state", machine: edit.machine });
  const machine: Record<string, Value> = {};
  if (edit.field) machine.field = field;
  machine.initial = edit.initial;
  const states = [...new Set([edit.initial, ...(edit.states ?? [])])];
  if (edit.states) machine.states = Object.fromEntries(states.map((s) => [s, { label: words(s) }]));
  draft.update(file, (t) => setIn(t, ["states", edit.machine], machine, { before: after(ENTITY_KEYS, "states") }));
  return { file, path: ["states", edit.machine] };
}

export function addState(draft: Draft, edit: EditOf<"addState">): EditedElement {
  const file = machineFile(draft, edit.entity, edit.machine);
  addStates(draft, file, edit.machine, [edit.state], { label: edit.label ?? words(edit.state), ...(edit.final ? { final: true } : {}) });
  return { file, path: ["states", edit.machine, "states", edit.state] };
}

export function addTransition(draft: Draft, edit: EditOf<"addTransition">): EditedElement {
  const file = machineFile(draft, edit.entity, edit.machine);
  const path = ["states", edit.machine, "transitions", edit.transition];
  if (getIn(draft.read(file)!, path) !== undefined) throw new EditRefused(`${edit.machine} already has a transition ${edit.transition}`);
  const from = Array.isArray(edit.from) && edit.from.length === 1 ? edit.from[0]! : edit.from;
  addStates(draft, file, edit.machine, [...(Array.isArray(from) ? from : [from]), edit.to]);
  const transition: Record<string, Value> = { from, to: edit.to };
  if (edit.label) transition.label = edit.label;
  if (edit.guard) transition.guard = expr(edit.guard);
  if (edit.allow) transition.allow = expr(edit.allow);
  draft.update(file, (t) => setIn(t, path, transition, { before: after(MACHINE_KEYS, "transitions") }));
  return { file, path };
}

export function setTransition(draft: Draft, edit: EditOf<"setTransition">): EditedElement {
  const file = machineFile(draft, edit.entity, edit.machine);
  const path = ["states", edit.machine, "transitions", edit.transition];
  if (getIn(draft.read(file)!, path) === undefined) throw new EditRefused(`${edit.machine} has no transition ${edit.transition}`);
  const changes: Record<string, Value | null | undefined> = {
    from: edit.from,
    to: edit.to,
    label: edit.label,
    guard: typeof edit.guard === "string" ? expr(edit.guard) : edit.guard,
    allow: typeof edit.allow === "string" ? expr(edit.allow) : edit.allow,
  };
  const used = [...[edit.from ?? []].flat(), ...(edit.to ? [edit.to] : [])];
  if (used.length > 0) addStates(draft, file, edit.machine, used);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const at = [...path, key];
    draft.update(file, (t) => (value === null || value === "" ? deleteIn(t, at) : setIn(t, at, value, { before: after(TRANSITION_KEYS, key) })));
  }
  return { file, path };
}

function machineFile(draft: Draft, entity: string, machine: string): string {
  const file = draft.fileOf(entity);
  if (getIn(draft.read(file)!, ["states", machine]) === undefined) throw new EditRefused(`${entity} has no state machine ${machine}`);
  return file;
}

/**
 * Adds states a machine does not list yet. A machine without a `states` map derives its states
 * from the transitions, so nothing is written then unless a state is asked for with its own keys.
 */
function addStates(draft: Draft, file: string, machine: string, names: readonly string[], props?: Record<string, Value>): void {
  const spec = getIn(draft.read(file)!, ["states", machine]) as MachineSpec;
  if (!spec.states && !props) return;
  if (!spec.states) {
    // Listing states once means listing all of them: the derived ones first.
    const derived = derivedStates(spec);
    draft.update(file, (t) => setIn(t, ["states", machine, "states"], Object.fromEntries(derived.map((s) => [s, { label: words(s) }])), { before: after(MACHINE_KEYS, "states") }));
  }
  for (const name of names) {
    if (getIn(draft.read(file)!, ["states", machine, "states", name]) !== undefined) {
      if (props) throw new EditRefused(`${machine} already has a state ${name}`);
      continue;
    }
    draft.update(file, (t) => setIn(t, ["states", machine, "states", name], props ?? { label: words(name) }, { style: "flow" }));
  }
}

function derivedStates(spec: MachineSpec): string[] {
  const names = [spec.initial ?? ""];
  for (const t of Object.values(spec.transitions ?? {})) names.push(...[t.from ?? []].flat(), t.to ?? "");
  return [...new Set(names.filter((n) => n !== ""))];
}

