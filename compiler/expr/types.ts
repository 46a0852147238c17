/**
 * Static types of the expression language: constructors, printing, and the compatibility rules shared by
 * the operators, functions and the expected-type check.
 */
import type { ExprType, ScalarTypeName } from "../ir/index.ts";

const scalar = <K extends ScalarTypeName>(kind: K) => ({ kind }) as const;

/**
 * Type constants and constructors. `T.any` is the error type: it fits everywhere so one error does not cascade.
 *
 * @example T.list(T.entity("InvoiceLine")) // { kind: "list", of: { kind: "entity", name: "InvoiceLine" } }
 */
export const T = {
  int: scalar("int"),
  decimal: scalar("decimal"),
  money: scalar("money"),
  string: scalar("string"),
  bool: scalar("bool"),
  date: scalar("date"),
  datetime: scalar("datetime"),
  uuid: scalar("uuid"),
  null: scalar("null"),
  json: scalar("json"),
  any: scalar("any"),
  list: (of: ExprType): ExprType => ({ kind: "list", of }),
  enum: (values: string[]): ExprType => ({ kind: "enum", values }),
  entity: (name: string): ExprType => ({ kind: "entity", name }),
  object: (name: string): ExprType => ({ kind: "object", name }),
} as const;

/**
 * Prints a type for messages: `money`, `list<Invoice>`, `enum(draft, sent)`, `user`.
 *
 * @example formatType({ kind: "list", of: { kind: "entity", name: "InvoiceLine" } }) // "list<InvoiceLine>"
 */
export function formatType(type: ExprType): string {
  switch (type.kind) {
    case "list":
      return `list<${formatType(type.of)}>`;
    case "enum":
      return `enum(${type.values.join(", ")})`;
    case "entity":
      return type.name;
    case "object":
      return type.name;
    default:
      return type.kind;
  }
}

const NUMERIC_RANK: Partial<Record<ExprType["kind"], number>> = { int: 0, decimal: 1, money: 2 };

/** int, decimal or money. */
export const isNumeric = (t: ExprType): boolean => NUMERIC_RANK[t.kind] !== undefined;
/** any (an earlier error) or json (dynamic): accepted wherever a type is needed. */
export const isDynamic = (t: ExprType): boolean => t.kind === "any" || t.kind === "json";
/** string or enum: both are text at run time. */
export const isText = (t: ExprType): boolean => t.kind === "string" || t.kind === "enum";

/** The wider of two numeric types on the tower int < decimal < money. */
export function widerNumeric(a: ExprType, b: ExprType): ExprType {
  return NUMERIC_RANK[a.kind]! >= NUMERIC_RANK[b.kind]! ? a : b;
}

/** Structural type equality. */
export function sameType(a: ExprType, b: ExprType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "list") return sameType(a.of, (b as typeof a).of);
  if (a.kind === "enum") return a.values.join("\0") === (b as typeof a).values.join("\0");
  if (a.kind === "entity" || a.kind === "object") return a.name === (b as typeof a).name;
  return true;
}

/**
 * The common type of two values that may stand in the same place (ternary branches, list items, coalesce
 * arguments), or undefined when they do not fit together. null joins anything; numbers widen; enums and
 * strings join as string.
 */
export function unify(a: ExprType, b: ExprType): ExprType | undefined {
  if (a.kind === "any" || b.kind === "any") return T.any;
  if (a.kind === "null") return b;
  if (b.kind === "null" || sameType(a, b)) return a;
  if (a.kind === "json" || b.kind === "json") return T.json;
  if (isNumeric(a) && isNumeric(b)) return widerNumeric(a, b);
  if (a.kind === "enum" && b.kind === "enum") return T.enum([...new Set([...a.values, ...b.values])]);
  if (isText(a) && isText(b)) return T.string;
  if (a.kind === "list" && b.kind === "list") {
    const of = unify(a.of, b.of);
    return of && T.list(of);
  }
  return undefined;
}

/**
 * Whether a value of type `found` may be used where `expected` is wanted (the result of a computed field, a
 * guard...): numbers widen up the tower, null fits anything, an enum fits a string.
 *
 * @example assignable(T.int, T.money) // true
 * @example assignable(T.money, T.int) // false
 */
export function assignable(found: ExprType, expected: ExprType): boolean {
  if (isDynamic(found) || isDynamic(expected) || found.kind === "null") return true;
  if (isNumeric(found) && isNumeric(expected)) return NUMERIC_RANK[found.kind]! <= NUMERIC_RANK[expected.kind]!;
  if (found.kind === "enum" && expected.kind === "string") return true;
  if (found.kind === "enum" && expected.kind === "enum") return found.values.every((v) => expected.values.includes(v));
  if (found.kind === "list" && expected.kind === "list") return assignable(found.of, expected.of);
  return sameType(found, expected);
}

/** Whether `==`/`!=` may compare the two types (null compares with anything; a ref compares with its id). */
export function equatable(a: ExprType, b: ExprType): boolean {
  if (isDynamic(a) || isDynamic(b) || a.kind === "null" || b.kind === "null") return true;
  if (unify(a, b) !== undefined) return true;
  const idLike = (t: ExprType) => t.kind === "uuid" || t.kind === "string" || t.kind === "entity";
  return idLike(a) && idLike(b);
}

const ORDERED = new Set<ExprType["kind"]>(["string", "date", "datetime"]);

/** Whether `<`, `<=`, `>`, `>=` may compare the two types: numbers, strings, dates, datetimes, each with its own kind. */
export function orderable(a: ExprType, b: ExprType): boolean {
  if (isDynamic(a) || isDynamic(b)) return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  return a.kind === b.kind && ORDERED.has(a.kind);
}
