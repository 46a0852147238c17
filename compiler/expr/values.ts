/**
 * Run-time values: equality, ordering and truth. Numbers may be JS numbers, bigints, Decimals or numeric
 * strings; dates 'YYYY-MM-DD' strings or Date objects; datetimes ISO strings or Date objects; a record an
 * object, and a ref either its id or the loaded record (an object with `id`).
 */
import { describeValue, isNumberValue, isNumericString, toDecimal } from "./decimal.ts";
import { ExpressionError } from "./errors.ts";

export const isNull = (value: unknown): value is null | undefined => value === null || value === undefined;

/**
 * `==`: null equals only null; numbers compare by value whatever their form when either side is a number;
 * Dates by instant; a loaded record equals its id; lists item by item.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (isNumberValue(a) || isNumberValue(b)) return numericPair(a, b) && toDecimal(a).eq(toDecimal(b));
  if (a instanceof Date || b instanceof Date) return timeOf(a) === timeOf(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (isRecord(a) || isRecord(b)) return idOf(a) === idOf(b);
  return a === b;
}

const numericPair = (a: unknown, b: unknown) =>
  (isNumberValue(a) || isNumericString(a)) && (isNumberValue(b) || isNumericString(b));
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const idOf = (v: unknown): unknown => (isRecord(v) ? v.id : v);

/** Milliseconds since the epoch of a Date or a date/datetime string (a date is midnight UTC). */
export function timeOf(value: unknown): number {
  const time = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new ExpressionError(`expected a date or datetime, found ${describeValue(value)}`);
  return time;
}

/**
 * Orders two non-null values: -1, 0 or 1. Numbers by value when either side is a number, dates by instant
 * when either is a Date, strings by code point (as SQL's "C" collation).
 */
export function compareValues(a: unknown, b: unknown): number {
  if (isNumberValue(a) || isNumberValue(b)) return toDecimal(a).cmp(toDecimal(b));
  if (a instanceof Date || b instanceof Date) return Math.sign(timeOf(a) - timeOf(b));
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  throw new ExpressionError(`cannot order ${describeValue(a)} and ${describeValue(b)}`);
}

function compareCodePoints(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (diff !== 0) return Math.sign(diff);
  }
  return Math.sign(x.length - y.length);
}

/** Truth in `&&`, `||`, `!`, `?:` and macro conditions: null counts as false (as `COALESCE(x, false)` in SQL). */
export function truthy(value: unknown): boolean {
  if (isNull(value)) return false;
  if (typeof value === "boolean") return value;
  throw new ExpressionError(`expected bool, found ${describeValue(value)}`);
}

/** A list value; null reads as the empty list (a relation with no rows). */
export function listOf(value: unknown, what: string): readonly unknown[] {
  if (isNull(value)) return [];
  if (Array.isArray(value)) return value;
  throw new ExpressionError(`${what} needs a list, found ${describeValue(value)}`);
}

/** A string value (for string functions); throws for anything else. */
export function stringOf(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  throw new ExpressionError(`${what} needs a string, found ${describeValue(value)}`);
}
