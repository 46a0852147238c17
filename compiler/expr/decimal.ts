/**
 * Exact decimal numbers for decimal and money. A private decimal.js constructor, so our settings never
 * leak into (or are changed by) other users of the library.
 */
import DecimalJs from "decimal.js";
import { ExpressionError } from "./errors.ts";

/**
 * Decimal with 34 significant digits (like IEEE decimal128) and halves rounded away from zero (like
 * Postgres `round(numeric)`). Plain notation up to 1e40 so `toString()` never gives an exponent.
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether the value is a decimal.js Decimal (made by any decimal.js constructor).
 *
 * @example isDecimal(evaluate(parseExpression("0.1 + 0.2").ast!, { variables: {} })) // true
 */
export function isDecimal(value: unknown): value is Decimal {
  return DecimalJs.isDecimal(value);
}

/** Whether a string holds a number, like "12.50". */
export const isNumericString = (value: unknown): value is string =>
  typeof value === "string" && NUMERIC.test(value.trim());

/** A JS number, bigint or Decimal: values that are numbers whatever the static type. */
export const isNumberValue = (value: unknown): boolean =>
  typeof value === "number" || typeof value === "bigint" || isDecimal(value);

/**
 * Converts a number, bigint, Decimal or numeric string to a Decimal. A JS number converts through its
 * shortest decimal form, so `0.1` is exactly one tenth.
 *
 * @example toDecimal("0.10").plus(toDecimal(0.2)).toString() // "0.3"
 */
export function toDecimal(value: unknown): Decimal {
  // A Decimal from another decimal.js constructor is re-made so our precision and rounding apply.
  if (isDecimal(value))
    return value instanceof Decimal ? value : new Decimal((value as { toString(): string }).toString());
  if (typeof value === "number" && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (isNumericString(value)) return new Decimal(value.trim());
  throw new ExpressionError(`expected a number, found ${describeValue(value)}`);
}

/** A short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  if (typeof value === "object") return isDecimal(value) ? `the number ${value.toString()}` : "an object";
  return `${typeof value} ${String(value)}`;
}
