/**
 * A policy that delegates to itself, left in the checked AST as `check(x, op, Entity)` (a folder is
 * readable by its owner or by whoever may read its parent): one recursive CTE walks the chain of
 * records up from `x`, at most CHECK_DEPTH_LIMIT of them.
 *
 * The checker allows one such call back to the policy, joined only by `&&` and `||`, so the policy
 * is `P(r) = F(r, P(next(r)))` with F monotone in its one hole: `P(r)` holds when some record of
 * the chain passes `base = F(r, false)` and every record before it passes `gate = F(r, true)`
 * (the chain only goes on through records whose gate holds). The evaluator computes the same
 * recursion directly, with the same limit.
 *
 *   EXISTS (WITH RECURSIVE "c"("id", "depth") AS (
 *       SELECT <x>, 1 WHERE <x> IS NOT NULL
 *     UNION ALL
 *       SELECT <next(f)>, "c"."depth" + 1 FROM "c" JOIN "folders" "f" ON "f"."id" = "c"."id"
 *       WHERE "c"."depth" < 32 AND <gate(f)> AND <next(f)> IS NOT NULL)
 *     SELECT 1 FROM "c" JOIN "folders" "f" ON "f"."id" = "c"."id" WHERE <base(f)>)
 */
import type { CallExpr, Expr } from "../../../ir/index.ts";
import { CHECK_DEPTH_LIMIT } from "../../../expr/scope.ts";
import { columnSql, newAlias, type Env, type State } from "./context.ts";
import { conditionOf, idOf } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { entityNamed } from "./model.ts";
import { ident, raw, sql, type Sql } from "./sql.ts";
import { isRecordValue, scalar, type EntityIR, type Row, type Value } from "./values.ts";

const BOOL = { kind: "bool" } as const;
const FALSE: Value = { kind: "literal", value: false, decimal: false };

/** `check(x, op, Entity)` as a condition: EXISTS over the chain of records from `x`. */
export function lowerRecursion(args: readonly Expr[], env: Env, state: State): Value {
  const [targetAst, opAst, entityAst] = args as [Expr, { value: string }, { value: string }];
  const entity = entityNamed(state.ctx.ir, entityAst.value);
  const key = `${entity.name}.${opAst.value}`;
  if (env.hole?.key === key) return { kind: "literal", value: env.hole.value, decimal: false };
  const policy = entity.policies[opAst.value as "read" | "update" | "delete"]?.ast as Expr | undefined;
  if (!policy) return FALSE; // no policy: deny
  if (env.expanding?.includes(key)) throw new SqlLoweringError(`policies delegate to each other in a cycle the SQL cannot follow: ${[...env.expanding, key].join(" -> ")}`);
  const target = state.lower(targetAst, env);
  if (target.kind === "literal" && target.value === null) return FALSE;
  if (!isRecordValue(target)) throw new SqlLoweringError("`check` needs a record");
  const hole = holeOf(policy, key);
  state.found.subquery = true;
  const saved = state.visibleRows;
  state.visibleRows = undefined; // a policy decides over every row
  try {
    return scalar(chainSql(state, env, { entity, key, policy, hole, start: idOf(state, target).sql }), BOOL, "none");
  } finally {
    state.visibleRows = saved;
  }
}

interface Chain {
  readonly entity: EntityIR;
  readonly key: string;
  readonly policy: Expr;
  /** The one call in `policy` back to itself: where the chain goes next. */
  readonly hole: CallExpr;
  /** The first record's id. */
  readonly start: Sql;
}

function chainSql(state: State, env: Env, chain: Chain): Sql {
  const { entity } = chain;
  const cte = ident(newAlias(state));
  const [step, stepRow] = [newAlias(state), newAlias(state)];
  const [last, lastRow] = [newAlias(state), newAlias(state)];
  const limit = raw(String(CHECK_DEPTH_LIMIT));
  const first = env.depth ? sql`${env.depth} + 1` : raw("1");
  const withinLimit = env.depth ? sql` AND ${env.depth} < ${limit}` : [];
  const on = (c: string, f: string) => sql`${cte} ${ident(c)} JOIN ${ident(entity.table)} ${ident(f)} ON ${columnSql(f, "id")} = ${columnSql(c, "id")}`;
  const stepEnv = inner(env, chain, entity, stepRow, sql`${columnSql(step, "depth")}`);
  const next = nextId(state, stepEnv, chain);
  const gate = condition(state, stepEnv, chain, true);
  const lastEnv = inner(env, chain, entity, lastRow, sql`${columnSql(last, "depth")}`);
  const base = condition(state, lastEnv, chain, false);
  return sql`EXISTS (WITH RECURSIVE ${cte}(${ident("id")}, ${ident("depth")}) AS (SELECT ${chain.start}, ${first} WHERE ${chain.start} IS NOT NULL${withinLimit} UNION ALL SELECT ${next}, ${columnSql(step, "depth")} + 1 FROM ${on(step, stepRow)} WHERE ${columnSql(step, "depth")} < ${limit} AND ${gate} AND ${next} IS NOT NULL) SELECT 1 FROM ${on(last, lastRow)} WHERE ${base})`;
}

/** The environment of the policy on one record of the chain. */
function inner(env: Env, chain: Chain, entity: EntityIR, alias: string, depth: Sql): Env {
  // A policy reads `user` and `tenant`, wherever it is delegated from.
  const record: Row = { kind: "row", entity, alias };
  return { record, locals: new Map(), variables: true, inlining: [], depth, expanding: [...(env.expanding ?? []), chain.key] };
}

/** The policy on a record of the chain, its call back to itself read as `value`. */
function condition(state: State, env: Env, chain: Chain, value: boolean): Sql {
  return conditionOf(state, state.lower(chain.policy, { ...env, hole: { key: chain.key, value } })).sql;
}

/** The id of the next record of the chain, from a record of it. */
function nextId(state: State, env: Env, chain: Chain): Sql {
  const next = state.lower(chain.hole.args[0]!, env);
  if (next.kind === "literal" && next.value === null) return raw("NULL");
  if (!isRecordValue(next)) throw new SqlLoweringError("`check` needs a record");
  return idOf(state, next).sql;
}

/** The call in `policy` back to `key` (the checker allows exactly one). */
function holeOf(policy: Expr, key: string): CallExpr {
  let found: CallExpr | undefined;
  const visit = (node: Expr): void => {
    if (found) return;
    if (node.kind === "call" && node.callee === "check" && node.args.length === 3) {
      const [, op, entity] = node.args as [Expr, { value: string }, { value: string }];
      if (`${entity.value}.${op.value}` === key) return void (found = node);
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(policy);
  if (!found) throw new SqlLoweringError(`${key} does not delegate to itself`);
  return found;
}

function childrenOf(node: Expr): Expr[] {
  switch (node.kind) {
    case "list": return node.items;
    case "member": return [node.object];
    case "call": return node.target ? [node.target, ...node.args] : node.args;
    case "macro": return [node.target, node.body];
    case "unary": return [node.operand];
    case "binary": return [node.left, node.right];
    case "conditional": return [node.test, node.then, node.else];
    default: return [];
  }
}
