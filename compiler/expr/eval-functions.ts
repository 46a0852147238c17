/**
 * Run-time implementations of the built-in functions (except `has`, which needs its argument unevaluated:
 * see evaluate.ts) and methods. Aggregates skip nulls, as SQL's do.
 */
import { arithmetic } from "./arithmetic.ts";
import { Decimal, toDecimal } from "./decimal.ts";
import { ExpressionError } from "./errors.ts";
import { compareValues, isNull, listOf, stringOf, valuesEqual } from "./values.ts";

type Impl = (args: readonly unknown[], now: () => Date) => unknown;

const present = (list: unknown, fn: string) => listOf(list, `\`${fn}\``).filter((v) => !isNull(v));

/** min or max of the non-null items; null for none. */
const extreme =
  (fn: string, sign: number): Impl =>
  ([list]) =>
    present(list, fn).reduce<unknown>(
      (best, v) => (best === null || compareValues(v, best) * sign > 0 ? v : best),
      null,
    );

/** `lower`/`upper`: null stays null. */
const text =
  (fn: string, map: (s: string) => string): Impl =>
  ([s]) =>
    isNull(s) ? null : map(stringOf(s, `\`${fn}\``));

function sum(list: unknown): unknown {
  return present(list, "sum").reduce<unknown>((total, v) => arithmetic("+", total, v), 0);
}

function avg(list: unknown): unknown {
  const items = present(list, "avg");
  return items.length === 0 ? null : toDecimal(sum(items)).div(items.length);
}

function size(value: unknown): number {
  if (isNull(value)) return 0;
  // Code points, as SQL length() counts characters.
  return typeof value === "string" ? [...value].length : listOf(value, "`size`").length;
}

function abs(value: unknown): unknown {
  if (isNull(value)) return null;
  return typeof value === "number" && Number.isSafeInteger(value) ? Math.abs(value) : toDecimal(value).abs();
}

/** Rounds half away from zero to `digits` places (negative digits round to tens, hundreds...). */
function round(value: unknown, digits: unknown = 0): unknown {
  if (isNull(value) || isNull(digits)) return null;
  const places = Number(digits);
  if (!Number.isInteger(places)) throw new ExpressionError("`round` needs a whole number of digits");
  if (typeof value === "number" && Number.isSafeInteger(value) && places >= 0) return value;
  const scale = new Decimal(10).pow(places);
  const rounded = toDecimal(value).times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).div(scale);
  return typeof value === "number" && Number.isSafeInteger(value) ? rounded.toNumber() : rounded;
}

function concat(args: readonly unknown[]): string | null {
  return args.some(isNull) ? null : args.map((a) => stringOf(a, "`concat`")).join("");
}

export const FUNCTION_IMPLS: Readonly<Record<string, Impl>> = {
  size: ([x]) => size(x),
  sum: ([list]) => sum(list),
  count: ([list]) => present(list, "count").length,
  min: extreme("min", -1),
  max: extreme("max", 1),
  avg: ([list]) => avg(list),
  now: (_, now) => now(),
  today: (_, now) => now().toISOString().slice(0, 10),
  lower: text("lower", (s) => s.toLowerCase()),
  upper: text("upper", (s) => s.toUpperCase()),
  abs: ([x]) => abs(x),
  round: ([x, digits]) => round(x, digits),
  coalesce: (args) => args.find((a) => !isNull(a)) ?? null,
  concat,
};

type Method = (target: unknown, arg: unknown) => boolean;

/** A string method: false when either side is null. */
const textMethod =
  (fn: string, test: (s: string, x: string) => boolean): Method =>
  (target, arg) =>
    !isNull(target) && !isNull(arg) && test(stringOf(target, `\`${fn}\``), stringOf(arg, `\`${fn}\``));

export const METHOD_IMPLS: Readonly<Record<string, Method>> = {
  contains: (target, arg) =>
    Array.isArray(target)
      ? target.some((item) => valuesEqual(item, arg))
      : textMethod("contains", (s, x) => s.includes(x))(target, arg),
  startsWith: textMethod("startsWith", (s, x) => s.startsWith(x)),
  endsWith: textMethod("endsWith", (s, x) => s.endsWith(x)),
};
