/**
 * Conditions as SQL: and, or, not, and comparisons of an operand with values that become
 * parameters, typed by the operand (a value that does not parse as the operand's type is a 400, so
 * the database never sees it). The operators are the list API's: a null value matches no
 * comparison, `isNull` asks for it, text compares by code point, `contains` and `startsWith`
 * match literally and ignore case.
 */
import { parseScalar } from "../query/scalar-value.ts";
import type { Scalar } from "../records/record-fields.ts";
import type { QueryCondition, QueryValue } from "./query-json.ts";
import { operandSql, type OperandContext, type OperandSql, type Place } from "./operand-sql.ts";

/** Saved-query parameters by name, already typed (runtime/queries/saved-query.ts). */
export type ParamValues = Readonly<Record<string, { readonly value: unknown; readonly scalar: Scalar }>>;

const ORDERED = new Set(["int", "bigint", "decimal", "date", "datetime", "text"]);

/**
 * The SQL of `condition` in `place` (where or having), or undefined after problems.
 *
 * @example conditionSql(c, { left: { field: "status" }, op: "in", value: ["sent", "paid"] }, "where", "/where", {})
 * // '"q0"."status" = any($3::text[])'
 */
export function conditionSql(c: OperandContext, condition: QueryCondition, place: Place, at: string, params: ParamValues | undefined): string | undefined {
  if ("and" in condition || "or" in condition) {
    const key = "and" in condition ? "and" : "or";
    const parts = (("and" in condition ? condition.and : condition.or) ?? []).map((part, i) => conditionSql(c, part, place, `${at}/${key}/${i}`, params));
    if (parts.includes(undefined)) return undefined;
    if (parts.length === 0) return key === "and" ? "true" : "false";
    return parts.map((p) => `(${p})`).join(` ${key} `);
  }
  if ("not" in condition) {
    const inner = conditionSql(c, condition.not, place, `${at}/not`, params);
    return inner === undefined ? undefined : `not coalesce((${inner}), false)`;
  }
  const left = operandSql(c, condition.left, place, `${at}/left`);
  if (!left) return undefined;
  return comparison(c, left, condition.op, condition.value, at, params);
}

function comparison(c: OperandContext, left: OperandSql, op: string, value: unknown, at: string, params: ParamValues | undefined): string | undefined {
  const { scalar } = left;
  const text = scalar.kind === "text" ? `${left.sql} collate "C"` : left.sql;
  const fail = (message: string) => c.scope.fail(`${at}/op`, message, "unknownOperator");
  if (op === "isNull") return `${left.sql} ${value ? "is null" : "is not null"}`;
  if (scalar.kind === "json") return fail(`${left.name} is ${left.type}: only isNull applies`);
  if (["lt", "lte", "gt", "gte"].includes(op) && !ORDERED.has(scalar.kind)) return fail(`${op} needs a value that orders: ${left.name} is ${left.type}`);
  if ((op === "contains" || op === "startsWith") && scalar.kind !== "text") return fail(`${op} needs text: ${left.name} is ${left.type}`);
  const q = c.scope.q;
  if (op === "in" || op === "nin") {
    const values = (value as QueryValue[]).map((v, i) => typed(c, v, scalar, `${at}/value/${i}`, params));
    if (values.includes(NONE)) return undefined;
    const list = q.param(values, `${scalar.cast}[]`);
    return op === "in" ? `${left.sql} = any(${list})` : `not (${left.sql} = any(${list}))`;
  }
  const v = typed(c, value as QueryValue, scalar, `${at}/value`, params);
  if (v === NONE) return undefined;
  const p = q.param(v, scalar.cast);
  switch (op) {
    case "eq": return `${left.sql} = ${p}`;
    case "ne": return `${left.sql} <> ${p}`;
    case "lt": return `${text} < ${p}`;
    case "lte": return `${text} <= ${p}`;
    case "gt": return `${text} > ${p}`;
    case "gte": return `${text} >= ${p}`;
    case "contains": return `strpos(lower(${left.sql}), lower(${p})) > 0`;
    case "startsWith": return `starts_with(lower(${left.sql}), lower(${p}))`;
  }
  return fail(`unknown operator ${op}`);
}

const NONE = Symbol("none");

/** A value converted to the operand's type, or NONE after a problem. */
function typed(c: OperandContext, value: QueryValue | undefined, scalar: Scalar, at: string, params: ParamValues | undefined): unknown {
  if (value !== null && typeof value === "object") {
    const param = params?.[value.param];
    if (!param) return c.scope.fail(at, params ? `no parameter ${value.param}` : "parameters exist only in saved queries", "unknownParam") ?? NONE;
    return param.value;
  }
  if (value === null || value === undefined) return c.scope.fail(at, "compare with null through isNull", "invalidValue") ?? NONE;
  if (typeof value === "boolean" && scalar.kind !== "boolean") return c.scope.fail(at, `${value} is not a ${scalar.kind} value`, "invalidValue") ?? NONE;
  if (typeof value === "number" && !["int", "bigint", "decimal"].includes(scalar.kind)) return c.scope.fail(at, `${value} is not a ${scalar.kind} value`, "invalidValue") ?? NONE;
  const parsed = parseScalar(scalar, String(value));
  return parsed.ok ? parsed.value : (c.scope.fail(at, parsed.message, "invalidValue") ?? NONE);
}
