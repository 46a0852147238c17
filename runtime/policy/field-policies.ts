/**
 * Field policies (`policies.fields.<field>.read` / `.write`): who may see a field, and who may
 * write it. A field the caller may not read is absent from the record JSON (its value never leaves
 * the database: it is selected as `CASE WHEN <read> THEN <value> END`, beside a marker that says
 * whether to drop the key); filtering or sorting on it is a 400, so a filter cannot be an oracle.
 * A computed field is guarded by the read policies of every field it reads, too.
 */
import { analyzeExpression } from "../../compiler/generators/sql/expr/index.ts";
import type { Expr, IR, IREntity, IRExpression, IRField } from "../../compiler/ir/index.ts";
import { policyVariables } from "../records/access.ts";
import type { SqlBuilder } from "../records/sql-builder.ts";
import type { Identity, RequestContext } from "../server/context.ts";
import { decideForIdentity } from "./decide.ts";

/**
 * The alias of the marker column that says whether the caller may read `name` on this row.
 *
 * @example readMarker("email") // "email__read"
 */
export const readMarker = (name: string): string => `${name}__read`;

/**
 * The read policy that guards a field's value: its own, and for a computed field also those of
 * the fields of the same record it reads (a total computed from a hidden salary would tell the
 * salary), all of which must hold. Undefined when nothing guards it.
 *
 * @example fieldReadPolicy(ir, employee, "yearly") // "'hr' in user.roles", from `salary` that `yearly` reads
 */
export function fieldReadPolicy(ir: IR, entity: IREntity, name: string): IRExpression | undefined {
  return guardOf(ir, entity, name).policy;
}

/** The field's own read policy, without what it reads. */
function ownReadPolicy(entity: IREntity, name: string): IRExpression | undefined {
  return entity.policies.fields.find((p) => p.field === name)?.read;
}

interface Guard {
  /** The own policy and the same-record dependencies' ones, ANDed. */
  readonly policy?: IRExpression;
  /** Read policies of fields on related records the value reads: each must hold for the identity alone. */
  readonly foreign: readonly { readonly entity: IREntity; readonly policy: IRExpression }[];
}

const guards = new WeakMap<IRField, Guard>();

function guardOf(ir: IR, entity: IREntity, name: string): Guard {
  const field = entity.fields.find((f) => f.name === name);
  if (!field) return { ...optional(ownReadPolicy(entity, name)), foreign: [] };
  let guard = guards.get(field);
  if (!guard) guards.set(field, (guard = buildGuard(ir, entity, field)));
  return guard;
}

function buildGuard(ir: IR, entity: IREntity, field: IRField): Guard {
  const own: IRExpression[] = [];
  const foreign: { entity: IREntity; policy: IRExpression }[] = [];
  collect(ir, entity, field, new Set(), (e, policy) => (e === entity ? own.push(policy) : foreign.push({ entity: e, policy })));
  const unique = [...new Set(own)];
  return { ...optional(allOf(unique)), foreign };
}

/** Every read policy `field`'s value depends on, with the entity whose records it reads. */
function collect(ir: IR, entity: IREntity, field: IRField, seen: Set<IRField>, add: (entity: IREntity, policy: IRExpression) => void): void {
  if (seen.has(field)) return;
  seen.add(field);
  const own = ownReadPolicy(entity, field.name);
  if (own) add(entity, own);
  if (!field.computed) return;
  const analysis = analyzeExpression(field.computed.ast, { ir, entity: entity.name });
  const byColumn = (e: IREntity, column: string) => e.fields.find((f) => f.column === column);
  for (const column of analysis.columns) {
    const read = byColumn(entity, column);
    if (read) collect(ir, entity, read, seen, add);
  }
  for (const path of analysis.relations) {
    let target = entity;
    for (const step of path.steps) {
      const from = ir.entities.find((e) => e.name === step.entity)!;
      const relation = from.fields.find((f) => f.name === step.field);
      if (relation) collect(ir, from, relation, seen, add);
      target = ir.entities.find((e) => e.name === step.target) ?? target;
    }
    for (const column of path.columns) {
      const read = byColumn(target, column);
      if (read) collect(ir, target, read, seen, add);
    }
  }
}

/** The policies ANDed into one expression (its source for messages, its AST for lowering). */
function allOf(policies: readonly IRExpression[]): IRExpression | undefined {
  if (policies.length <= 1) return policies[0];
  return policies.reduce((a, b) => ({ ...a, source: `(${a.source}) && (${b.source})`, ast: { kind: "binary", op: "&&", left: a.ast, right: b.ast, span: a.ast.span } as Expr }));
}

const optional = (policy: IRExpression | undefined): { policy?: IRExpression } => (policy ? { policy } : {});

/** The write policy of a field, if it has one. */
export function fieldWritePolicy(entity: IREntity, name: string): IRExpression | undefined {
  return entity.policies.fields.find((p) => p.field === name)?.write;
}

/** Whether the entity has any field read policy (its select list then depends on who asks). */
export const hasFieldReadPolicies = (ir: IR, entity: IREntity): boolean =>
  entity.fields.some((f) => {
    const guard = guardOf(ir, entity, f.name);
    return guard.policy !== undefined || guard.foreign.length > 0;
  });

/**
 * The SQL condition under which the caller may read `name` on row `alias`: undefined when always,
 * `false` when never, else the policy lowered (null counts as false).
 *
 * @example fieldReadCondition(q, ctx, invoice, "lines", "p1") // 'coalesce((…), false)'
 */
export function fieldReadCondition(q: SqlBuilder, ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, name: string, alias: string): string | undefined {
  const access = fieldAccess(ctx.ir, entity, name, ctx.identity);
  if (access === "visible") return undefined;
  if (access === "hidden") return "false";
  const lowered = q.condition(fieldReadPolicy(ctx.ir, entity, name)!.ast, { ir: ctx.ir, entity: entity.name, row: alias, mode: "parameters", variables: policyVariables(ctx.identity) });
  return `coalesce((${lowered}), false)`;
}

/**
 * How a field reads for this identity: `visible` (no policy, or one that holds for the identity
 * whatever the row), `hidden` (one that fails for the identity whatever the row), or `row` (the
 * policy reads the record: decided in SQL per row).
 *
 * @example fieldAccess(ir, customer, "email", viewer) // "hidden"
 */
export function fieldAccess(ir: IR, entity: IREntity, name: string, identity: Identity): "visible" | "hidden" | "row" {
  const guard = guardOf(ir, entity, name);
  // A related record's field is decided for the identity alone: a per-row policy of another
  // record cannot be folded into this row's select list, so it hides the value (deny by default).
  if (guard.foreign.some((f) => decideForIdentity(ir, f.entity, f.policy, identity) !== true)) return "hidden";
  if (!guard.policy) return "visible";
  const decided = decideForIdentity(ir, entity, guard.policy, identity);
  return decided === undefined ? "row" : decided ? "visible" : "hidden";
}

/**
 * Whether the caller may filter or sort by `name`: only when its read policy (if any) holds for
 * the identity alone. A policy that depends on the row would make the filter an oracle on rows
 * where the field is hidden.
 */
export const filterable = (ir: IR, entity: IREntity, name: string, identity: Identity): boolean => fieldAccess(ir, entity, name, identity) === "visible";
