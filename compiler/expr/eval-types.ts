/**
 * Optional typed reads for the evaluator. Without types a value is taken as it comes, and two strings
 * compare as strings: fine for literals, wrong for two numeric columns that Postgres returned as strings
 * ("10.00" < "9.00"). Given the variables' types, every variable and member read is first converted to its
 * canonical form: int -> number, decimal/money -> Decimal, date -> 'YYYY-MM-DD', datetime -> Date.
 */
import type { Expr, ExprType } from "../ir/index.ts";
import { toDecimal } from "./decimal.ts";
import type { ExprScope } from "./scope.ts";
import { isNull } from "./values.ts";
import { own } from "./own.ts";

/** The part of a scope the evaluator needs: the variables' types and the members of entity and object types. */
export type EvalTypes = Pick<ExprScope, "variables" | "members">;

/** The static type of a variable read or member chain, or undefined when it is not known. */
export function staticType(
  node: Expr,
  types: EvalTypes,
  locals: ReadonlyMap<string, ExprType | undefined>,
): ExprType | undefined {
  if (node.kind === "ident") return locals.has(node.name) ? locals.get(node.name) : own(types.variables, node.name);
  if (node.kind === "macro" && node.macro === "filter") return staticType(node.target, types, locals);
  if (node.kind !== "member") return undefined;
  const object = staticType(node.object, types, locals);
  return object && memberType(object, node.property, types);
}

function memberType(type: ExprType, property: string, types: EvalTypes): ExprType | undefined {
  if (type.kind === "list") {
    const inner = memberType(type.of, property, types);
    return inner && { kind: "list", of: inner.kind === "list" ? inner.of : inner };
  }
  return type.kind === "entity" || type.kind === "object" ? own(types.members(type), property) : undefined;
}

/** Converts a raw value (from Postgres, JSON or JS) to the canonical form of `type`. */
export function coerce(value: unknown, type: ExprType | undefined): unknown {
  if (type === undefined || isNull(value)) return isNull(value) ? null : value;
  switch (type.kind) {
    case "int":
      return typeof value === "number" ? value : toInt(value);
    case "decimal":
    case "money":
      return toDecimal(value);
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : value;
    case "datetime":
      return typeof value === "string" ? new Date(withZone(value)) : value;
    case "list":
      return Array.isArray(value) ? value.map((item) => coerce(item, type.of)) : value;
    default:
      return value;
  }
}

/** A datetime written without an offset is UTC, as SQL reads it (not the server's time zone). */
function withZone(text: string): string {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text;
}

function toInt(value: unknown): unknown {
  const decimal = toDecimal(value);
  const number = decimal.toNumber();
  return Number.isSafeInteger(number) ? number : decimal;
}
