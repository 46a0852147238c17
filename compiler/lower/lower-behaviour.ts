import type { Action, Effect, Index, Rule, StateMachine, Transition } from "../ir/index.ts";
import type { EntityLike, FieldSpecLike } from "../check/model.ts";
import { machineStates, type MachineLike, type TransitionLike } from "../check/member-types.ts";
import type { DocPath } from "../load/locate.ts";
import { expressionAt, optionalExpressionAt, originAt, type LowerSource } from "./context.ts";
import { lowerField } from "./lower-field.ts";
import { humanize, snakeCase } from "./names.ts";

/**
 * Lowers the behaviour of an entity: state machines, actions, rules and indexes.
 *
 * @example
 *   lowerStateMachines(src, invoiceSpec); // [{ name: "lifecycle", field: "status", initial: "draft", ... }]
 */
export function lowerStateMachines(src: LowerSource, entity: EntityLike): StateMachine[] {
  const machines = (entity.states ?? {}) as Record<string, MachineLike>;
  return Object.entries(machines).map(([name, machine]) => {
    const at: DocPath = ["states", name];
    const field = machine.field ?? Object.entries(entity.fields).find(([, f]) => f.type === "state" && f.machine === name)![0];
    const states = machineStates(src.model, entity.entity, name).map((state) => {
      const info = machine.states?.[state] ?? {};
      return { name: state, label: info.label ?? humanize(state), final: info.final ?? isFinal(machine, state), ...(info.description ? { description: info.description } : {}) };
    });
    const transitions = Object.entries(machine.transitions ?? {}).map(([t, spec]) => lowerTransition(src, [...at, "transitions", t], t, spec));
    return { name, field, initial: machine.initial, states, transitions, origin: originAt(src, at) };
  });
}

/** A state nothing leaves is final unless the spec says otherwise. */
function isFinal(machine: MachineLike, state: string): boolean {
  return !Object.values(machine.transitions ?? {}).some((t) => [t.from].flat().includes(state));
}

function lowerTransition(src: LowerSource, at: DocPath, name: string, spec: TransitionLike): Transition {
  const transition: Transition = {
    name,
    label: spec.label ?? humanize(name),
    from: [spec.from].flat(),
    to: spec.to,
    effects: (spec.effects ?? []).flatMap((effect, i) => lowerEffect(src, [...at, "effects", i], effect)),
    origin: originAt(src, at),
  };
  const guard = optionalExpressionAt(src, [...at, "guard"], spec.guard);
  if (guard) transition.guard = guard;
  const allow = optionalExpressionAt(src, [...at, "allow"], spec.allow);
  if (allow) transition.allow = allow;
  return transition;
}

function lowerEffect(src: LowerSource, at: DocPath, effect: NonNullable<TransitionLike["effects"]>[number]): Effect[] {
  if ("emit" in effect) return [{ kind: "emit", event: effect.emit }];
  return Object.keys(effect.set).map((field) => ({ kind: "set", field, value: expressionAt(src, [...at, "set", field]) }));
}

interface ActionSpec {
  label?: string;
  description?: string;
  scope?: "record" | "collection";
  input?: Record<string, FieldSpecLike>;
  output?: string | Record<string, FieldSpecLike>;
  allow?: string;
  handler?: string;
}

/** Actions with typed input and output. */
export function lowerActions(src: LowerSource, entity: EntityLike): Action[] {
  return Object.entries((entity.actions ?? {}) as Record<string, ActionSpec>).map(([name, spec]) => {
    const at: DocPath = ["actions", name];
    const input = Object.entries(spec.input ?? {}).map(([f, field]) => lowerField(src, [...at, "input", f], f, field));
    const action: Action = { name, label: spec.label ?? humanize(name), scope: spec.scope ?? "record", input, output: lowerOutput(src, at, spec.output), origin: originAt(src, at) };
    if (spec.description) action.description = spec.description;
    if (spec.handler) action.handler = spec.handler;
    const allow = optionalExpressionAt(src, [...at, "allow"], spec.allow);
    if (allow) action.allow = allow;
    return action;
  });
}

function lowerOutput(src: LowerSource, at: DocPath, output: ActionSpec["output"]): Action["output"] {
  if (output === undefined) return { kind: "none" };
  if (typeof output === "string") return { kind: "entity", entity: output };
  return { kind: "fields", fields: Object.entries(output).map(([f, field]) => lowerField(src, [...at, "output", f], f, field)) };
}

/** Rules checked on write; a rule without a name is named after its position. */
export function lowerRules(src: LowerSource, entity: EntityLike): Rule[] {
  const rules = (entity.rules ?? []) as { name?: string; check: string; when?: string; message?: string; field?: string }[];
  return rules.map((spec, i) => {
    const at: DocPath = ["rules", i];
    const rule: Rule = { name: spec.name ?? `rule${i + 1}`, check: expressionAt(src, [...at, "check"]), message: spec.message ?? `must satisfy ${spec.check}`, origin: originAt(src, at) };
    const when = optionalExpressionAt(src, [...at, "when"], spec.when);
    if (when) rule.when = when;
    if (spec.field) rule.field = spec.field;
    return rule;
  });
}

/** Indexes, named after their table and fields unless named in the spec. */
export function lowerIndexes(src: LowerSource, entity: EntityLike, table: string): Index[] {
  const indexes = (entity.indexes ?? []) as { name?: string; fields: string[]; using?: Index["using"]; unique?: boolean; where?: string }[];
  return indexes.map((spec, i) => {
    const at: DocPath = ["indexes", i];
    const name = spec.name ?? `${table}_${spec.fields.map(snakeCase).join("_")}_idx`;
    const index: Index = { name, fields: spec.fields, using: spec.using ?? "btree", unique: spec.unique === true, origin: originAt(src, at) };
    const where = optionalExpressionAt(src, [...at, "where"], spec.where);
    if (where) index.where = where;
    return index;
  });
}
