/**
 * Unary and binary operators and `?:`. Logic treats null as false; arithmetic is numeric (exact), with
 * division and `%` by zero giving null; comparisons are in compare.ts.
 */
import type { BinaryExpr, ConditionalExpr, Expr, ExprType, UnaryExpr } from "../../../ir/index.ts";
import { arithmeticType } from "../../../expr/arithmetic-types.ts";
import { unify } from "../../../expr/types.ts";
import type { Env, State } from "./context.ts";
import { equality, membership, ordering } from "./compare.ts";
import { conditionOf, scalarAs, strictCondition, valueOf, valueOfType } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { join, raw, sql, type Sql } from "./sql.ts";
import { nullsOf, scalar, typeOf, type Scalar, type Value } from "./values.ts";

const BOOL: ExprType = { kind: "bool" };
const NUMBER: ExprType = { kind: "decimal" };

export function lowerUnary(node: UnaryExpr, env: Env, state: State): Value {
  const operand = state.lower(node.operand, env);
  if (node.op === "!") return scalar(sql`(NOT ${strictCondition(state, operand)})`, BOOL, "none");
  if (operand.kind === "literal" && operand.value === null) return operand;
  const x = valueOf(state, operand, NUMBER);
  return scalar(sql`(- ${x.sql})`, typeOf(operand).kind === "json" ? NUMBER : x.type, x.nulls, x.numeric);
}

export function lowerBinary(node: BinaryExpr, env: Env, state: State): Value {
  if (node.op === "&&" || node.op === "||") return logic(node, env, state);
  const left = state.lower(node.left, env);
  const right = state.lower(node.right, env);
  switch (node.op) {
    case "==":
    case "!=":
      return equality(state, left, right, node.op === "!=");
    case "<":
    case "<=":
    case ">":
    case ">=":
      return ordering(state, node.op, left, right);
    case "in":
      return membership(state, left, right);
    default:
      return arithmetic(state, node.op, left, right);
  }
}

/** `a && b && c` -> `(a AND b AND c)`: a chain of one operator is flattened. */
function logic(node: BinaryExpr, env: Env, state: State): Value {
  const operands: Expr[] = [];
  const collect = (n: Expr): void => {
    if (n.kind === "binary" && n.op === node.op) [n.left, n.right].forEach(collect);
    else operands.push(n);
  };
  collect(node);
  const conditions = operands.map((operand) => conditionOf(state, state.lower(operand, env)));
  const keyword = node.op === "&&" ? " AND " : " OR ";
  const nulls = conditions.some((c) => c.nulls === "false") ? "false" : "none";
  return scalar(sql`(${join(conditions.map((c) => c.sql), keyword)})`, BOOL, nulls);
}

/** Whether a scalar's SQL type is numeric (decimal, money, or an int already computed in numeric). */
const isNumericSql = (s: Scalar) => s.numeric === true || s.type.kind === "decimal" || s.type.kind === "money";

/**
 * `+ - * / %` on numbers. Two ints are computed in numeric, so a result beyond the integer range is exact
 * (as the evaluator's), not an overflow error.
 */
function arithmetic(state: State, op: BinaryExpr["op"], a: Value, b: Value): Value {
  const result = arithmeticType(op, typeOf(a), typeOf(b));
  const type: ExprType = typeof result === "object" && result.kind !== "json" && result.kind !== "any" ? result : NUMBER;
  const isNull = (v: Value) => v.kind === "literal" && v.value === null;
  if (isNull(a) || isNull(b)) return scalar(raw("NULL::numeric"), type, "value", true);
  const x = valueOf(state, a, NUMBER);
  const y = valueOf(state, b, NUMBER);
  const left = !isNumericSql(x) && !isNumericSql(y) ? sql`${x.sql}::numeric` : x.sql;
  if (op === "/" || op === "%") return scalar(sql`(${left} ${raw(op)} nullif(${y.sql}, 0))`, type, "value", true);
  return scalar(sql`(${left} ${raw(op)} ${y.sql})`, type, nullsOf(x.nulls, y.nulls), true);
}

/** `c ? a : b` -> `CASE WHEN c THEN a ELSE b END`: a null condition takes the else branch. */
export function lowerConditional(node: ConditionalExpr, env: Env, state: State): Value {
  const test = conditionOf(state, state.lower(node.test, env)).sql;
  const then = state.lower(node.then, env);
  const otherwise = state.lower(node.else, env);
  const type = unify(typeOf(then), typeOf(otherwise)) ?? { kind: "any" };
  if (then.kind === "set" || otherwise.kind === "set")
    throw new SqlLoweringError("`? :` choosing between lists of records cannot be lowered to SQL");
  const [x, y] = [scalarAs(state, then, type), scalarAs(state, otherwise, type)];
  const choice: Sql = sql`CASE WHEN ${test} THEN ${x.sql} ELSE ${y.sql} END`;
  return valueOfType(state, type, choice, nullsOf(x.nulls, y.nulls), x.numeric || y.numeric);
}
