import { substituteRecord } from "../expr/substitute.ts";
import type { Entity, Expr, Expression, Policies } from "../ir/index.ts";

/**
 * Policies of a generated join entity (`<Entity><Field>Link`). Linking two records is editing the
 * side that declares the relation: a link may be created by whoever may update that record
 * (`check(record.<side>, 'update')`) and read the other one, and deleted by whoever may update it.
 * A relation with an inverse is declared by both sides, so either side's update does. A link may
 * be read when both records may. Links are never updated (both fields are the key). The sides'
 * checked policies are inlined the way `check()` inlines them, so SQL and the evaluator need
 * nothing new.
 *
 * @example
 *   joinPolicies({ entity: ticket, field: "ticket" }, { entity: label, field: "label" }, false).create?.source;
 *   // "check(record.ticket, 'update') && check(record.label, 'read')"
 */
export function joinPolicies(source: Side, target: Side, inverse: boolean): Policies {
  const sides: [Side, Side][] = inverse ? [[source, target], [target, source]] : [[source, target]];
  const policies: Policies = { fields: [], transitions: [], actions: [] };
  const read = both(delegate(source, "read"), delegate(target, "read"));
  const create = either(sides.map(([edited, other]) => both(delegate(edited, "update"), delegate(other, "read"))));
  const remove = either(sides.map(([edited]) => delegate(edited, "update")));
  if (read) policies.read = read;
  if (create) policies.create = create;
  if (remove) policies.delete = remove;
  return policies;
}

/** One side of a link: its entity and the join field that points at it. */
export interface Side {
  readonly entity: Entity;
  readonly field: string;
}

/** `check(record.<field>, '<op>')` inlined: `has(record.<field>) && <the side's policy on it>`; undefined without that policy. */
function delegate({ entity, field }: Side, op: "read" | "update"): Expression | undefined {
  const policy = entity.policies[op];
  if (!policy) return undefined;
  const span = policy.ast.span;
  const record: Expr = { kind: "member", object: { kind: "ident", name: "record", span }, property: field, span };
  const has: Expr = { kind: "call", callee: "has", args: [record], span };
  const ast: Expr = { kind: "binary", op: "&&", left: has, right: substituteRecord(policy.ast, record), span };
  return { source: `check(record.${field}, '${op}')`, ast, type: { kind: "bool" }, origin: policy.origin };
}

function both(a: Expression | undefined, b: Expression | undefined): Expression | undefined {
  return a && b ? join("&&", a, b) : undefined;
}

/** The alternatives that exist, ORed; undefined when none does (deny by default). */
function either(options: readonly (Expression | undefined)[]): Expression | undefined {
  const present = options.filter((o): o is Expression => o !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => join("||", a, b));
}

function join(op: "&&" | "||", a: Expression, b: Expression): Expression {
  const source = op === "||" ? `(${a.source}) || (${b.source})` : `${a.source} && ${b.source}`;
  return { source, ast: { kind: "binary", op, left: a.ast, right: b.ast, span: a.ast.span }, type: { kind: "bool" }, origin: a.origin };
}
