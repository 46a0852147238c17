/**
 * Equality, ordering and membership with the evaluator's null rules: `==` is null-safe, an ordering or `in`
 * with a null side is false, records compare by id, strings order by code point (COLLATE "C").
 */
import type { ExprType } from "../../../ir/index.ts";
import type { State } from "./context.ts";
import { setOf, existsSql, valueOf } from "./convert.ts";
import { SqlLoweringError } from "./errors.ts";
import { entityNamed, idSqlType } from "./model.ts";
import { join, raw, sql, type Sql } from "./sql.ts";
import { isRecordValue, scalar, typeOf, type ListValue, type Scalar, type Value } from "./values.ts";

const BOOL: ExprType = { kind: "bool" };
const FALSE = scalar(raw("false"), BOOL, "none");
const TRUE = scalar(raw("true"), BOOL, "none");

/** The kind of SQL a scalar of `type` is, to tell when two sides need a cast to compare. */
function sqlKind(state: State, type: ExprType): string {
  switch (type.kind) {
    case "string":
    case "enum":
      return "text";
    case "int":
    case "decimal":
    case "money":
      return "number";
    case "entity":
      return idSqlType(entityNamed(state.ctx.ir, type.name));
    case "list":
      return `${sqlKind(state, type.of)}[]`;
    default:
      return type.kind;
  }
}

const ID_KINDS = new Set(["uuid", "bigint", "text"]);

/**
 * Both sides of a comparison as scalars of one SQL type: a literal takes the other side's type (a date, an
 * instant), json is read as the other side's kind, records are their ids, and a uuid compared with text is
 * compared as text (so `owner == 'nobody'` is false, not an invalid-uuid error).
 */
export function comparable(state: State, a: Value, b: Value): [Scalar, Scalar] {
  const [x, y] = typedPair(state, a, b);
  const [kx, ky] = [sqlKind(state, x.type), sqlKind(state, y.type)];
  if (kx === ky || !ID_KINDS.has(kx) || !ID_KINDS.has(ky)) return [x, y];
  const text = (s: Scalar) => (sqlKind(state, s.type) === "text" ? s : scalar(sql`${s.sql}::text`, { kind: "string" }, s.nulls));
  return [text(x), text(y)];
}

/** Both sides as scalars: a json side is read as the other side's type, a literal takes the other's type. */
function typedPair(state: State, a: Value, b: Value): [Scalar, Scalar] {
  const want = (v: Value) => (isRecordValue(v) ? undefined : typeOf(v));
  if (a.kind === "json" && b.kind !== "json") {
    const y = valueOf(state, b, b.kind === "literal" ? undefined : want(a));
    return [valueOf(state, a, y.type), y];
  }
  if (b.kind === "json" && a.kind !== "json") {
    const x = valueOf(state, a, a.kind === "literal" ? undefined : want(b));
    return [x, valueOf(state, b, x.type)];
  }
  return [valueOf(state, a, want(b)), valueOf(state, b, want(a))];
}

/** `a == b` (or `!=` with `negate`). */
export function equality(state: State, a: Value, b: Value, negate: boolean): Scalar {
  if (a.kind === "literal" && a.value === null) return nullTest(state, b, negate);
  if (b.kind === "literal" && b.value === null) return nullTest(state, a, negate);
  // The evaluator compares lists item by item, in the order they were loaded; rows have no order in SQL.
  if (a.kind === "set" || b.kind === "set") throw new SqlLoweringError("lists of related records cannot be compared with `==` in SQL: compare their sizes, or use `all`/`exists`");
  const [x, y] = comparable(state, a, b);
  const known = x.nulls === "none" && y.nulls === "none";
  if (negate)
    return known ? scalar(sql`(${x.sql} <> ${y.sql})`, BOOL, "none") : scalar(sql`(${x.sql} IS DISTINCT FROM ${y.sql})`, BOOL, "none");
  // With one side known, `=` is NULL exactly when the evaluator says false: keep it, it can use an index.
  if (known || x.nulls === "none" || y.nulls === "none")
    return scalar(sql`(${x.sql} = ${y.sql})`, BOOL, known ? "none" : "false");
  return scalar(sql`(${x.sql} IS NOT DISTINCT FROM ${y.sql})`, BOOL, "none");
}

/** `x == null` / `x != null`. */
function nullTest(state: State, value: Value, negate: boolean): Scalar {
  const result = (isNull: boolean) => (isNull !== negate ? TRUE : FALSE);
  switch (value.kind) {
    case "literal":
      return result(value.value === null);
    case "row":
    case "list":
      return result(false);
    case "object": {
      const given = state.ctx.variables;
      return result(given !== undefined && Object.hasOwn(given, value.name) && given[value.name] === null);
    }
    case "set":
      if (!value.nullWhen) return result(false);
      return negate ? scalar(sql`(NOT ${value.nullWhen})`, BOOL, "none") : scalar(value.nullWhen, BOOL, "none");
  }
  const s = valueOf(state, value);
  if (s.nulls === "none") return result(false);
  return scalar(sql`(${s.sql} ${raw(negate ? "IS NOT NULL" : "IS NULL")})`, BOOL, "none");
}

/** `a < b` and the other orderings: false when either side is null; strings by code point. */
export function ordering(state: State, op: "<" | "<=" | ">" | ">=", a: Value, b: Value): Scalar {
  const [x, y] = comparable(state, a, b);
  const text = sqlKind(state, x.type) === "text" || sqlKind(state, y.type) === "text";
  const left = text ? sql`${x.sql} COLLATE "C"` : x.sql;
  const nulls = x.nulls === "none" && y.nulls === "none" ? "none" : "false";
  return scalar(sql`(${left} ${raw(op)} ${y.sql})`, BOOL, nulls);
}

/** `x in list` (and `list.contains(x)`): false for a null `x` or list, and for a null item. */
export function membership(state: State, left: Value, right: Value): Scalar {
  if ((left.kind === "literal" && left.value === null) || (right.kind === "literal" && right.value === null)) return FALSE;
  if (right.kind === "list") return inWrittenList(state, left, right);
  const type = typeOf(right);
  if (right.kind === "array" || (right.kind === "scalar" && type.kind === "list")) {
    const of = type.kind === "list" ? type.of : type;
    return anyOf(state, valueOf(state, left, of), valueOf(state, right).sql, of);
  }
  const set = setOf(state, right);
  const [x, item] = comparable(state, left, set.element);
  return scalar(existsSql(state, set, [sql`${item.sql} = ${x.sql}`]), BOOL, "none");
}

/** `(x = ANY(array))`, comparing as text when one side is text and the other a uuid. */
function anyOf(state: State, x: Scalar, array: Sql, of: ExprType): Scalar {
  const [kx, ko] = [sqlKind(state, x.type), sqlKind(state, of)];
  const mixed = kx !== ko && ID_KINDS.has(kx) && ID_KINDS.has(ko);
  const lhs = mixed && kx !== "text" ? sql`${x.sql}::text` : x.sql;
  const rhs = mixed && ko !== "text" ? sql`${array}::text[]` : array;
  return scalar(sql`(${lhs} = ANY(${rhs}))`, BOOL, "false");
}

/** `x in [a, b]`: `x IN (a, b)`, or `x = ANY($1::text[])` for a list of literals in parameters mode. */
function inWrittenList(state: State, left: Value, list: ListValue): Scalar {
  if (list.items.length === 0 || list.of.kind === "null") return FALSE;
  const literals = list.items.every((i) => i.kind === "literal");
  if (literals && state.ctx.mode === "parameters") {
    const x = valueOf(state, left, list.of);
    const array = valueOf(state, list, { kind: "list", of: list.of });
    return anyOf(state, x, array.sql, list.of);
  }
  const [x] = comparable(state, left, list.items[0]!);
  const pairs = list.items.map((item) => comparable(state, x, item));
  const lhs = pairs[0]![0];
  const known = lhs.nulls === "none" && pairs.every(([, y]) => y.nulls === "none");
  return scalar(sql`(${lhs.sql} IN (${join(pairs.map(([, y]) => y.sql), ", ")}))`, BOOL, known ? "none" : "false");
}
