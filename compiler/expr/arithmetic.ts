/**
 * `+ - * / %` and unary minus at run time. Whole JS numbers stay JS numbers while the result is a safe
 * integer; anything else is computed exactly as a Decimal, so money never touches binary floats.
 * null in, null out; division by zero is null (SQL lowering: `x / NULLIF(y, 0)`).
 */
import type { BinaryExpr } from "../ir/index.ts";
import { toDecimal, type Decimal } from "./decimal.ts";
import { isNull } from "./values.ts";

export type ArithmeticOp = "+" | "-" | "*" | "/" | "%";

const DECIMAL_OPS: Record<ArithmeticOp, (a: Decimal, b: Decimal) => Decimal> = {
  "+": (a, b) => a.plus(b),
  "-": (a, b) => a.minus(b),
  "*": (a, b) => a.times(b),
  "/": (a, b) => a.div(b),
  // Sign of the dividend, as Postgres `%` and decimal.js's default (truncated) modulo.
  "%": (a, b) => a.mod(b),
};

const INT_OPS: Partial<Record<ArithmeticOp, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "%": (a, b) => a % b,
};

/**
 * Applies an arithmetic operator.
 *
 * @example arithmetic("+", "0.1", 0.2) // Decimal 0.3
 */
export function arithmetic(op: BinaryExpr["op"], a: unknown, b: unknown): number | Decimal | null {
  if (isNull(a) || isNull(b)) return null;
  const operator = op as ArithmeticOp;
  const intOp = INT_OPS[operator];
  if (intOp && Number.isSafeInteger(a) && Number.isSafeInteger(b) && !(operator === "%" && b === 0)) {
    const result = intOp(a as number, b as number);
    if (Number.isSafeInteger(result)) return result === 0 ? 0 : result; // no -0
  }
  const [x, y] = [toDecimal(a), toDecimal(b)];
  if ((operator === "/" || operator === "%") && y.isZero()) return null;
  return DECIMAL_OPS[operator](x, y);
}

/** Unary minus: a JS number stays one; others become Decimal. */
export function negate(value: unknown): number | Decimal | null {
  if (isNull(value)) return null;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value === 0 ? 0 : -value;
  return toDecimal(value).neg();
}
