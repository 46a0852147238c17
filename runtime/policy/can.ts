/**
 * `_can` on every returned record: the update, delete, transitions and actions the caller may
 * perform on it, and the fields they may write, computed in SQL in the statement that reads the
 * rows (one boolean column per policy, no query per record). The expressions are those the write
 * side checks (`operation-policies.ts`); a transition also needs its `from` state. A guard is not
 * part of `_can`: it is about the record's data, and answers 422 with its reason.
 */
import type { IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { policyVariables } from "../records/access.ts";
import { recordFields } from "../records/record-fields.ts";
import { columnOf, ident, type SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { decideForIdentity } from "./decide.ts";
import { fieldWritePolicy } from "./field-policies.ts";
import { actionDefaults, actionPolicies, transitionPolicies } from "./operation-policies.ts";

/** What the caller may do with one record. */
export interface Can {
  readonly update: boolean;
  readonly delete: boolean;
  readonly transitions: Record<string, boolean>;
  readonly actions: Record<string, boolean>;
  /** The fields a PATCH by this caller may write. */
  readonly fields: string[];
}

const UPDATE = "__can_update";
const DELETE = "__can_delete";
const transitionAlias = (name: string) => `__can_t_${name}`;
const actionAlias = (name: string) => `__can_a_${name}`;
const fieldAlias = (name: string) => `__can_f_${name}`;

/** Whether a row was selected with `canSelect`. */
export const hasCan = (row: Record<string, unknown>): boolean => UPDATE in row;

/**
 * The `_can` columns for row `alias`, to append to a select list.
 *
 * @example `select ${selectList(q, ctx, invoice, "t0")}, ${canSelect(q, ctx, invoice, "t0")} from "invoices" "t0" …`
 */
export function canSelect(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, alias: string): string {
  // Every decision is made before anything is lowered: a parameter pushed for a column that then
  // reads `false` would be left without a type, which Postgres refuses.
  const all = (expressions: readonly IRExpression[] | undefined, action?: IREntity["actions"][number], extra?: () => string): string => {
    if (!expressions || expressions.length === 0) return "false";
    const open = expressions.filter((e) => (action ? true : decideForIdentity(ctx.ir, entity, e, ctx.identity) !== true));
    if (!action && open.some((e) => decideForIdentity(ctx.ir, entity, e, ctx.identity) === false)) return "false";
    const variables = action ? { ...policyVariables(ctx.identity), input: actionDefaults(action) } : policyVariables(ctx.identity);
    const start = q.parameters.length;
    try {
      const parts = open.map((e) => `coalesce((${q.condition(e.ast, { ir: ctx.ir, entity: entity.name, row: alias, mode: "parameters", variables, ...(action ? { action: action.name } : {}) })}), false)`);
      if (extra) parts.unshift(extra());
      return parts.length === 0 ? "true" : parts.map((p) => `(${p})`).join(" and ");
    } catch {
      q.parameters.length = start; // an expression SQL cannot decide here allows nothing
      return "false";
    }
  };
  const one = (e: IRExpression | undefined) => (e ? [e] : undefined);
  const items = [`${all(one(entity.policies.update))} as ${ident(UPDATE)}`, `${all(one(entity.policies.delete))} as ${ident(DELETE)}`];
  for (const machine of entity.states) {
    const state = recordFields(ctx.ir, entity).find((f) => f.name === machine.field);
    const column = state && state.source === "column" ? columnOf(alias, state.column) : undefined;
    for (const transition of machine.transitions) {
      const from = () => (column ? `coalesce(${column} = any(${q.param(transition.from, "text[]")}), false)` : "false");
      items.push(`${all(transitionPolicies(entity, transition), undefined, from)} as ${ident(transitionAlias(transition.name))}`);
    }
  }
  for (const action of entity.actions.filter((a) => a.scope === "record")) items.push(`${all(actionPolicies(entity, action), action)} as ${ident(actionAlias(action.name))}`);
  for (const field of writableFieldsOf(entity)) {
    const policy = fieldWritePolicy(entity, field);
    if (policy) items.push(`${all(one(policy))} as ${ident(fieldAlias(field))}`);
  }
  return items.join(", ");
}

/**
 * The `_can` of a row selected with `canSelect`.
 *
 * @example canOf(invoice, row) // { update: true, delete: false, transitions: { send: true, pay: false, void: false }, actions: { duplicate: true }, fields: ["number", …] }
 */
export function canOf(entity: IREntity, row: Record<string, unknown>): Can {
  const update = row[UPDATE] === true;
  const transitions: Record<string, boolean> = {};
  for (const machine of entity.states) for (const t of machine.transitions) transitions[t.name] = row[transitionAlias(t.name)] === true;
  const actions: Record<string, boolean> = {};
  for (const action of entity.actions.filter((a) => a.scope === "record")) actions[action.name] = row[actionAlias(action.name)] === true;
  const fields = update ? writableFieldsOf(entity).filter((f) => !fieldWritePolicy(entity, f) || row[fieldAlias(f)] === true) : [];
  return { update, delete: row[DELETE] === true, transitions, actions, fields };
}

const writableCache = new WeakMap<IREntity, string[]>();

/** The fields a PATCH may name at all: stored, not computed, not read-only, not a state. */
function writableFieldsOf(entity: IREntity): string[] {
  let names = writableCache.get(entity);
  if (!names) {
    names = entity.fields.filter((f) => f.storage !== "virtual" && f.storage !== "relation" && !f.computed && !f.readonly && f.type !== "state").map((f) => f.name);
    writableCache.set(entity, names);
  }
  return names;
}
