import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { effectEnv, policyEnv, recordEnv, type CheckContext } from "./context.ts";
import { fieldType, machineStates, type MachineLike, type TransitionLike } from "./member-types.ts";
import type { EntityLike } from "./model.ts";

/**
 * Checks an entity's state machines: every state named exists (WV307), a state field holds the
 * machine (WV309), every state is reachable from the initial one (WV308), and guards, allow
 * policies and effects type-check.
 *
 * @example
 *   checkStates(ctx, file, invoiceSpec);
 */
export function checkStates(ctx: CheckContext, file: SourceFile, entity: EntityLike): void {
  const machines = (entity.states ?? {}) as Record<string, MachineLike>;
  for (const [name, machine] of Object.entries(machines)) {
    const at: DocPath = ["states", name];
    const states = machineStates(ctx.model, entity.entity, name);
    checkStateName(ctx, file, [...at, "initial"], machine.initial, states);
    checkStateField(ctx, file, at, entity, name, machine);
    for (const [tName, transition] of Object.entries(machine.transitions ?? {})) {
      checkTransition(ctx, file, [...at, "transitions", tName], entity, transition, states);
    }
    if (machine.states) checkReachable(ctx, file, at, machine, states);
  }
}

function checkStateName(ctx: CheckContext, file: SourceFile, at: DocPath, state: string, states: readonly string[]): void {
  if (states.includes(state)) return;
  ctx.reporter.report("WV307", locate(file, at), `unknown state \`${state}\``, suggestion(state, states));
}

function checkStateField(ctx: CheckContext, file: SourceFile, at: DocPath, entity: EntityLike, name: string, machine: MachineLike): void {
  const holders = Object.entries(entity.fields).filter(([, f]) => f.type === "state" && f.machine === name).map(([n]) => n);
  if (machine.field === undefined && holders.length > 0) return;
  if (machine.field !== undefined && holders.includes(machine.field)) return;
  const place = locate(file, machine.field === undefined ? at : [...at, "field"], machine.field === undefined ? "key" : "value");
  const hint = `add a field \`${machine.field ?? "status"}: { type: state, machine: ${name} }\``;
  ctx.reporter.report("WV309", place, `state machine \`${name}\` has no state field on ${entity.entity}`, hint);
}

function checkTransition(ctx: CheckContext, file: SourceFile, at: DocPath, entity: EntityLike, transition: TransitionLike, states: readonly string[]): void {
  const from = [transition.from].flat();
  from.forEach((state, i) => checkStateName(ctx, file, Array.isArray(transition.from) ? [...at, "from", i] : [...at, "from"], state, states));
  checkStateName(ctx, file, [...at, "to"], transition.to, states);
  if (transition.guard !== undefined) checkExpressionAt(ctx, file, [...at, "guard"], recordEnv(entity.entity));
  if (transition.allow !== undefined) checkExpressionAt(ctx, file, [...at, "allow"], policyEnv(entity.entity));
  (transition.effects ?? []).forEach((effect, i) => {
    if (!("set" in effect)) return;
    for (const field of Object.keys(effect.set)) checkSetEffect(ctx, file, [...at, "effects", i, "set", field], entity, field);
  });
}

function checkSetEffect(ctx: CheckContext, file: SourceFile, at: DocPath, entity: EntityLike, field: string): void {
  const spec = entity.fields[field];
  if (!spec) {
    ctx.reporter.report("WV302", locate(file, at, "key"), `unknown field \`${field}\` on ${entity.entity}`, suggestion(field, Object.keys(entity.fields)));
    return;
  }
  if (spec.computed || spec.type === "state" || spec.type === "many" || spec.type === "many-to-many") {
    ctx.reporter.report("WV305", locate(file, at, "key"), `an effect cannot set \`${field}\`: it is ${spec.computed ? "computed" : `a ${spec.type} field`}`);
    return;
  }
  checkExpressionAt(ctx, file, at, effectEnv(entity.entity), fieldType(ctx.model, entity.entity, field, spec));
}

function checkReachable(ctx: CheckContext, file: SourceFile, at: DocPath, machine: MachineLike, states: readonly string[]): void {
  const reached = new Set([machine.initial]);
  const transitions = Object.values(machine.transitions ?? {});
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of transitions) {
      if ([t.from].flat().some((s) => reached.has(s)) && !reached.has(t.to)) grew = Boolean(reached.add(t.to));
    }
  }
  for (const state of states.filter((s) => !reached.has(s))) {
    ctx.reporter.report("WV308", locate(file, [...at, "states", state], "key"), `state \`${state}\` cannot be reached from \`${machine.initial}\``, "add a transition to it, or remove it");
  }
}
