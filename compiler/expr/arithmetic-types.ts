/**
 * Result types of `+ - * / %` on numbers. The tower is int < decimal; money mixes with both (a price times a
 * quantity is money) but never multiplies money, and a number cannot be divided by money.
 */
import type { BinaryExpr, ExprType } from "../ir/index.ts";
import { isDynamic, isNumeric, T, widerNumeric } from "./types.ts";

type ArithmeticOp = Exclude<BinaryExpr["op"], "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" | "in">;

/**
 * The result type, or a hint string explaining why the operands do not fit, or undefined when they do not
 * fit for an obvious reason (e.g. a date and a string).
 *
 * @example arithmeticType("*", T.money, T.int) // money
 */
export function arithmeticType(op: BinaryExpr["op"], a: ExprType, b: ExprType): ExprType | string | undefined {
  if (a.kind === "any" || b.kind === "any") return T.any;
  if (isDynamic(a) || isDynamic(b)) return T.json;
  if (a.kind === "null" && (isNumeric(b) || b.kind === "null")) return b;
  if (b.kind === "null" && isNumeric(a)) return a;
  if (!isNumeric(a) || !isNumeric(b)) return nonNumericHint(op, a, b);
  return RULES[op as ArithmeticOp](a, b);
}

const money = (t: ExprType) => t.kind === "money";

const RULES: Record<ArithmeticOp, (a: ExprType, b: ExprType) => ExprType | string> = {
  "+": widerNumeric,
  "-": widerNumeric,
  "*": (a, b) =>
    money(a) && money(b) ? "money cannot be multiplied by money: multiply by a number" : widerNumeric(a, b),
  "/": (a, b) =>
    money(b) ? (money(a) ? T.decimal : "a number cannot be divided by money") : money(a) ? T.money : T.decimal,
  "%": (a, b) =>
    money(b) && !money(a)
      ? "a number cannot be divided by money"
      : a.kind === "int" && b.kind === "int"
        ? T.int
        : widerNumeric(a, b),
};

function nonNumericHint(op: BinaryExpr["op"], a: ExprType, b: ExprType): string | undefined {
  const dates = ["date", "datetime"];
  if (dates.includes(a.kind) || dates.includes(b.kind))
    return "date arithmetic is not supported; compare dates with `<` or `>`";
  if (op === "+" && (a.kind === "string" || b.kind === "string")) return "`+` joins two strings, or adds two numbers";
  return undefined;
}
