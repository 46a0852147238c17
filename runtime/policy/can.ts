/**
 * `_can` on every returned record: the update, delete, transitions and actions the caller may
 * perform on it, and the fields they may write, computed in SQL in the statement that reads the
 * rows (one boolean column per policy, no query per record). The expressions are those the write
 * side checks (`operation-policies.ts`); a transition also needs its `from` state. A guard is not
 * part of `_can`: it is about the record's data, and answers 422 with its reason.
 */
import type { Expr, IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { policyVariables } from "../records/access.ts";
import { recordFields } from "../records/record-fields.ts";
import { columnOf, ident, type SqlBuilder } from "../records/sql-builder.ts";
import { type LoweredCache, lowered } from "../records/lowered-cache.ts";
import type { RequestContext } from "../server/context.ts";
import { simplifyForIdentity } from "./decide.ts";
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

/** Whether a row was read with `canColumns` (and filled). */
export const hasCan = (row: Record<string, unknown>): boolean => UPDATE in row;

/** The `_can` columns of a statement, and the answers decided without them. */
export interface CanColumns {
  /** `<condition> as "__can_update"`, …: one per answer only a row can give (equal ones once). */
  readonly columns: readonly string[];
  /** Sets on a row read with `columns` the answers decided for the caller and those shared between columns. */
  fill(row: Record<string, unknown>): void;
}

export interface CanOptions {
  /** Every row read passes the entity's read policy (a list, a get): a policy the same as it holds. */
  readonly readable?: boolean;
}

type Answer = boolean | { readonly key: string; readonly sql: () => string };

/**
 * The `_can` of row `alias`: a policy decided for the caller alone (a role test) costs nothing in
 * SQL, nor does one that is the read policy itself when every row read passes it; the others are
 * one boolean column each, equal policies sharing one.
 *
 * @example
 *   const can = canColumns(q, ctx, invoice, "t0", { readable: true });
 *   `select ${[selectList(q, ctx, invoice, "t0"), ...can.columns].join(", ")} from "invoices" "t0" …`; rows.forEach(can.fill);
 */
export function canColumns(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, alias: string, options: CanOptions = {}): CanColumns {
  // The columns depend only on the identity (its decisions and the values bound as parameters)
  // and on where they land in the statement: lowered once per such key, then reused.
  const { identity } = ctx;
  if (readsClock(entity)) return lowerCanColumns(q, ctx, entity, alias, options);
  const key = JSON.stringify([alias, q.parameters.length, options.readable === true, identity.userId, identity.tenantId, identity.roles, identity.tenantRoles]);
  let cache = canCache.get(entity);
  if (!cache) canCache.set(entity, (cache = new Map()));
  return lowered(cache, key, q, () => lowerCanColumns(q, ctx, entity, alias, options));
}

const canCache = new WeakMap<IREntity, LoweredCache<CanColumns>>();
const clockReaders = new WeakMap<IREntity, boolean>();

/** Whether a policy of the entity calls now() or today(): decided in JS, it may change any moment. */
function readsClock(entity: IREntity): boolean {
  let reads = clockReaders.get(entity);
  if (reads === undefined) {
    // Policies only: guards and effects (set: { sentAt: now() }) are not part of `_can`.
    const allows = [...entity.states.flatMap((m) => m.transitions.map((t) => t.allow)), ...entity.actions.map((a) => a.allow)];
    const text = JSON.stringify([entity.policies, allows]);
    reads = /"callee":"(now|today)"/.test(text);
    clockReaders.set(entity, reads);
  }
  return reads;
}

function lowerCanColumns(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, alias: string, options: CanOptions): CanColumns {
  const read = options.readable && entity.policies.read ? simplifyForIdentity(ctx.ir, entity, entity.policies.read, ctx.identity) : undefined;
  const implied = read === undefined || typeof read === "boolean" ? new Set<string>() : new Set([read, ...conjuncts(read)].map(shape));
  const lower = (ast: Expr, action?: IREntity["actions"][number]) => {
    const variables = action ? { ...policyVariables(ctx.identity), input: actionDefaults(action) } : policyVariables(ctx.identity);
    return `coalesce((${q.condition(ast, { ir: ctx.ir, entity: entity.name, row: alias, mode: "parameters", variables, ...(action ? { action: action.name } : {}) })}), false)`;
  };
  // Every decision is made before anything is lowered: a parameter pushed for a column that then
  // reads `false` would be left without a type, which Postgres refuses.
  const answer = (expressions: readonly IRExpression[] | undefined, action?: IREntity["actions"][number], extra?: { key: string; sql: () => string }): Answer => {
    if (!expressions || expressions.length === 0) return false;
    const open: Expr[] = [];
    for (const e of expressions) {
      const simplified = action ? (e.ast as Expr) : simplifyForIdentity(ctx.ir, entity, e, ctx.identity);
      if (simplified === false) return false;
      if (simplified !== true && !implied.has(shape(simplified))) open.push(simplified);
    }
    if (open.length === 0 && !extra) return true;
    const key = JSON.stringify([action?.name ?? null, extra?.key ?? null, open.map(shape)]);
    return { key, sql: () => [...(extra ? [extra.sql()] : []), ...open.map((ast) => lower(ast, action))].map((p) => `(${p})`).join(" and ") };
  };
  const answers: [string, Answer][] = [[UPDATE, answer(one(entity.policies.update))], [DELETE, answer(one(entity.policies.delete))]];
  for (const machine of entity.states) {
    const state = recordFields(ctx.ir, entity).find((f) => f.name === machine.field);
    const column = state && state.source === "column" ? columnOf(alias, state.column) : undefined;
    for (const transition of machine.transitions) {
      const from = { key: `from:${transition.from.join(",")}`, sql: () => (column ? `coalesce(${column} = any(${q.param(transition.from, "text[]")}), false)` : "false") };
      answers.push([transitionAlias(transition.name), answer(transitionPolicies(entity, transition), undefined, from)]);
    }
  }
  for (const action of entity.actions.filter((a) => a.scope === "record")) answers.push([actionAlias(action.name), answer(actionPolicies(entity, action), action)]);
  for (const field of writableFieldsOf(entity)) {
    const policy = fieldWritePolicy(entity, field);
    if (policy) answers.push([fieldAlias(field), answer(one(policy))]);
  }
  return plan(answers, q);
}

/** Selects each undecided answer once; fills the decided ones and the copies. */
function plan(answers: readonly [string, Answer][], q: SqlBuilder): CanColumns {
  const columns: string[] = [];
  const constants: [string, boolean][] = [];
  const copies: [string, string][] = [];
  const selected = new Map<string, string>();
  for (const [alias, a] of answers) {
    if (typeof a === "boolean") constants.push([alias, a]);
    else if (selected.has(a.key)) copies.push([alias, selected.get(a.key)!]);
    else {
      const start = q.parameters.length;
      try {
        columns.push(`${a.sql()} as ${ident(alias)}`);
        selected.set(a.key, alias);
      } catch {
        q.parameters.length = start; // an expression SQL cannot decide here allows nothing
        constants.push([alias, false]);
      }
    }
  }
  return {
    columns,
    fill: (row) => {
      for (const [alias, value] of constants) row[alias] = value;
      for (const [alias, from] of copies) row[alias] = row[from];
    },
  };
}

const one = (e: IRExpression | undefined) => (e ? [e] : undefined);

/** `a && b && c` as its parts. */
function conjuncts(node: Expr): Expr[] {
  return node.kind === "binary" && node.op === "&&" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** An AST without its source positions, to compare two policies. */
const shape = (node: Expr): string => JSON.stringify(node, (key, value) => (key === "span" ? undefined : value));

/**
 * The `_can` of a row read with `canColumns` (and filled).
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
