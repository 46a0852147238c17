/**
 * Built-in functions and methods. Aggregates run over the rows of a list (a correlated subquery for a
 * relation), skip nulls like the evaluator, and give 0 for `sum`/`count` of nothing.
 */
import type { CallExpr, Expr, ExprType } from "../../../ir/index.ts";
import { unify } from "../../../expr/types.ts";
import type { Env, State } from "./context.ts";
import { membership } from "./compare.ts";
import { existsSql, scalarAs, selectSql, setOf, valueOf, valueOfType } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { lowerMember } from "./lower-member.ts";
import { lowerRecursion } from "./lower-recursion.ts";
import { join, raw, sql, type Sql } from "./sql.ts";
import { nullsOf, scalar, typeOf, type Literal, type Scalar, type Value } from "./values.ts";

type Lowering = (args: readonly Expr[], env: Env, state: State) => Value;

const INT: ExprType = { kind: "int" };
const BOOL: ExprType = { kind: "bool" };
const NUMBER: ExprType = { kind: "decimal" };
const STRING: ExprType = { kind: "string" };
const TRUE = scalar(raw("true"), BOOL, "none");
const FALSE = scalar(raw("false"), BOOL, "none");

const literal = (value: Literal["value"]): Literal => ({ kind: "literal", value, decimal: false });
const isNull = (v: Value) => v.kind === "literal" && v.value === null;
const isNumericSql = (s: Scalar) => s.numeric === true || s.type.kind === "decimal" || s.type.kind === "money";
const first = (args: readonly Expr[], env: Env, state: State) => state.lower(args[0]!, env);

export function lowerCall(node: CallExpr, env: Env, state: State): Value {
  if (node.target) return lowerMethod(node, node.target, env, state);
  const lowering = Object.hasOwn(FUNCTIONS, node.callee) ? FUNCTIONS[node.callee] : undefined;
  if (!lowering) throw new SqlLoweringError(`unknown function \`${node.callee}\``);
  return lowering(node.args, env, state);
}

/** `size(x)`: items or characters; 0 for null. */
function size(args: readonly Expr[], env: Env, state: State): Value {
  const v = first(args, env, state);
  if (v.kind === "literal") return literal(typeof v.value === "string" ? [...v.value].length : 0);
  if (v.kind === "list") return literal(v.items.length);
  const type = typeOf(v);
  if (v.kind === "set") return scalar(selectSql(state, v, raw("count(*)")), INT, "none");
  if (v.kind === "json" && type.kind !== "list") {
    const j = v.sql;
    const length = sql`CASE jsonb_typeof(${j}) WHEN 'array' THEN jsonb_array_length(${j}) WHEN 'string' THEN length(${j} #>> '{}') ELSE 0 END`;
    return scalar(length, INT, "none");
  }
  if (v.kind === "json") return scalar(sql`coalesce(jsonb_array_length(${v.sql}), 0)`, INT, "none");
  const s = valueOf(state, v);
  if (type.kind === "list") return scalar(sql`coalesce(cardinality(${s.sql}), 0)`, INT, "none");
  return scalar(s.nulls === "none" ? sql`length(${s.sql})` : sql`coalesce(length(${s.sql}), 0)`, INT, "none");
}

/** `count(list)`: the items that are not null. */
function count(args: readonly Expr[], env: Env, state: State): Value {
  const v = first(args, env, state);
  if (isNull(v)) return literal(0);
  if (v.kind === "list") {
    if (v.items.length === 0) return literal(0);
    return scalar(sql`num_nonnulls(${join(v.items.map((i) => valueOf(state, i, v.of).sql), ", ")})`, INT, "none");
  }
  const set = setOf(state, v);
  const counted = set.element.kind === "row" ? raw("*") : valueOf(state, set.element).sql;
  return scalar(selectSql(state, set, sql`count(${counted})`), INT, "none");
}

/** `sum`, `min`, `max`, `avg` over the rows of a list. */
function aggregate(fn: "sum" | "min" | "max" | "avg"): Lowering {
  return (args, env, state) => {
    const v = first(args, env, state);
    if (isNull(v) || (v.kind === "list" && v.items.length === 0)) return literal(fn === "sum" ? 0 : null);
    const set = setOf(state, v);
    const numeric = fn === "sum" || fn === "avg" || set.element.kind === "json";
    const e = valueOf(state, set.element, numeric ? NUMBER : undefined);
    const text = e.type.kind === "string" || e.type.kind === "enum";
    const operand = text ? sql`${e.sql} COLLATE "C"` : e.sql;
    const call = sql`${raw(fn)}(${operand})`;
    const type: ExprType = fn === "avg" && e.type.kind === "int" ? NUMBER : e.type;
    if (fn === "sum") return scalar(selectSql(state, set, sql`coalesce(${call}, 0)`), type, "none", isNumericSql(e));
    return scalar(selectSql(state, set, call), type, "value", fn === "avg" || isNumericSql(e));
  };
}

/** `has(a.b)`: `a` is there and its `b` is not null; on a list, some item's `b` is not null. */
function has(args: readonly Expr[], env: Env, state: State): Value {
  const arg = args[0];
  if (arg?.kind !== "member") throw new SqlLoweringError("`has` needs a field, like `has(record.due)`");
  const object = state.lower(arg.object, env);
  if (isNull(object)) return FALSE;
  const member = lowerMember(state, env, object, arg.property);
  if (object.kind === "set") {
    const set = setOf(state, member);
    const test = notNull(state, set.element);
    return scalar(existsSql(state, set, test === TRUE ? [] : [test.sql]), BOOL, "none");
  }
  // A relation list is never null itself: `has(record.lines)` is whether the record is there.
  return notNull(state, member);
}

/** `v IS NOT NULL`, or a constant when the answer is known. */
function notNull(state: State, v: Value): Scalar {
  switch (v.kind) {
    case "literal":
      return v.value === null ? FALSE : TRUE;
    case "row":
    case "list":
      return TRUE;
    case "set":
      return v.nullWhen ? scalar(sql`(NOT ${v.nullWhen})`, BOOL, "none") : TRUE;
    case "object":
      throw new SqlLoweringError(`\`has\` needs a field of \`${v.name}\``);
  }
  const s = valueOf(state, v);
  return s.nulls === "none" ? TRUE : scalar(sql`(${s.sql} IS NOT NULL)`, BOOL, "none");
}

/** `lower(s)`, `upper(s)`, `abs(n)`: one argument, null in null out. */
function unary(fn: string, want: ExprType): Lowering {
  return (args, env, state) => {
    const v = first(args, env, state);
    if (isNull(v)) return v;
    const x = valueOf(state, v, want);
    const type = want === STRING ? STRING : x.type.kind === "json" ? NUMBER : x.type;
    return scalar(sql`${raw(fn)}(${x.sql})`, type, x.nulls, x.numeric);
  };
}

/** `round(n, digits)`: numeric rounding, halves away from zero (never the float `round`, which rounds to even). */
function round(args: readonly Expr[], env: Env, state: State): Value {
  const v = first(args, env, state);
  if (isNull(v)) return v;
  const x = valueOf(state, v, NUMBER);
  const n = isNumericSql(x) ? x.sql : sql`${x.sql}::numeric`;
  const type = x.type.kind === "json" ? NUMBER : x.type;
  if (!args[1]) return scalar(sql`round(${n})`, type, x.nulls, true);
  const d = valueOf(state, state.lower(args[1], env), INT);
  const digits = d.numeric ? sql`(${d.sql})::int` : d.sql;
  return scalar(sql`round(${n}, ${digits})`, type, nullsOf(x.nulls, d.nulls), true);
}

/** `coalesce(a, b, ...)`: the first that is not null. */
function coalesce(args: readonly Expr[], env: Env, state: State): Value {
  const values = args.map((arg) => state.lower(arg, env));
  if (values.some((v) => v.kind === "set")) throw new SqlLoweringError("`coalesce` of lists of records cannot be lowered to SQL");
  const type = values.reduce<ExprType>((t, v) => unify(t, typeOf(v)) ?? t, { kind: "null" });
  const parts = values.map((v) => scalarAs(state, v, type));
  const nulls = parts.some((p) => p.nulls === "none") ? "none" : "value";
  const s = sql`coalesce(${join(parts.map((p) => p.sql), ", ")})`;
  return valueOfType(state, type, s, nulls, parts.some((p) => p.numeric));
}

/** `concat(a, b, ...)` (and string `+`): `(a || b)`, null when any is. */
function concat(args: readonly Expr[], env: Env, state: State): Value {
  const values = args.map((arg) => state.lower(arg, env));
  if (values.some(isNull)) return scalar(raw("NULL::text"), STRING, "value");
  const parts = values.map((v) => valueOf(state, v, STRING));
  return scalar(sql`(${join(parts.map((p) => p.sql), " || ")})`, STRING, nullsOf(...parts.map((p) => p.nulls)));
}

function now(_: readonly Expr[], __: Env, state: State): Value {
  state.found.stable = true;
  return scalar(raw("now()"), { kind: "datetime" }, "none");
}

function today(_: readonly Expr[], __: Env, state: State): Value {
  state.found.stable = true;
  return scalar(raw("(now() at time zone 'utc')::date"), { kind: "date" }, "none");
}

const FUNCTIONS: Readonly<Record<string, Lowering>> = {
  check: lowerRecursion,
  size,
  count,
  sum: aggregate("sum"),
  min: aggregate("min"),
  max: aggregate("max"),
  avg: aggregate("avg"),
  has,
  now,
  today,
  lower: unary("lower", STRING),
  upper: unary("upper", STRING),
  abs: unary("abs", NUMBER),
  round,
  coalesce,
  concat,
};

type MethodLowering = (target: Value, arg: Value, state: State) => Value;

/** A string method: `false` when either side is null (a NULL here stands for false). */
function textMethod(test: (s: Sql, x: Sql) => Sql): MethodLowering {
  return (target, arg, state) => {
    if (isNull(target) || isNull(arg)) return FALSE;
    const [s, x] = [valueOf(state, target, STRING), valueOf(state, arg, STRING)];
    return scalar(test(s.sql, x.sql), BOOL, s.nulls === "none" && x.nulls === "none" ? "none" : "false");
  };
}

const METHODS: Readonly<Record<string, MethodLowering>> = {
  contains: (target, arg, state) => {
    const type = typeOf(target);
    if (type.kind === "list") return membership(state, arg, target);
    return textMethod((s, x) => sql`(strpos(${s}, ${x}) > 0)`)(target, arg, state);
  },
  startsWith: textMethod((s, x) => sql`starts_with(${s}, ${x})`),
  // reverse() keeps each operand written once (no duplicated parameter).
  endsWith: textMethod((s, x) => sql`starts_with(reverse(${s}), reverse(${x}))`),
};

function lowerMethod(node: CallExpr, targetNode: Expr, env: Env, state: State): Value {
  const lowering = Object.hasOwn(METHODS, node.callee) ? METHODS[node.callee] : undefined;
  if (!lowering || node.args.length !== 1) throw new SqlLoweringError(`unknown method \`${node.callee}\``);
  return lowering(state.lower(targetNode, env), state.lower(node.args[0]!, env), state);
}
