/**
 * Typing rules of the built-in functions and methods. Each rule checks its (already checked) arguments,
 * reports WV406 for a wrong type and returns the result type. Arity is checked by the caller from min/max.
 */
import type { ExprType } from "../ir/index.ts";
import { report, type CheckContext, type Checked } from "./check-context.ts";
import { equatable, formatType, isDynamic, isNumeric, isText, T, unify } from "./types.ts";

export interface FunctionSpec {
  /** How it is called, for hints: `round(n, digits?)`. */
  readonly signature: string;
  readonly min: number;
  readonly max: number;
  readonly result: (args: readonly Checked[], ctx: CheckContext) => ExprType;
}

/**
 * Checks that `arg` fits `test`; otherwise reports WV406 "`fn` needs <what>, found <type>".
 * Dynamic types (an earlier error, json) always fit.
 */
export function need(
  ctx: CheckContext,
  fn: string,
  arg: Checked,
  test: (t: ExprType) => boolean,
  what: string,
): boolean {
  if (isDynamic(arg.type) || test(arg.type)) return true;
  report(ctx, "WV406", `\`${fn}\` needs ${what}, found ${formatType(arg.type)}`, arg.ast.span);
  return false;
}

/** The element type of a list type; `any` for a dynamic or wrong type (already reported). */
export const elementOf = (type: ExprType): ExprType =>
  type.kind === "list" ? type.of : type.kind === "json" ? T.json : T.any;

const listOf = (test: (t: ExprType) => boolean) => (t: ExprType) =>
  t.kind === "list" && (isDynamic(t.of) || t.of.kind === "null" || test(t.of));
const orderedScalar = (t: ExprType) => isNumeric(t) || ["string", "date", "datetime"].includes(t.kind);
const numericOrDynamic = (t: ExprType) => isNumeric(t) || isDynamic(t);

/** A list aggregate: the list's element type, `transform`ed (avg of int is decimal). */
function aggregate(
  name: string,
  test: (t: ExprType) => boolean,
  what: string,
  transform = (t: ExprType) => t,
): FunctionSpec {
  return {
    signature: `${name}(list)`,
    min: 1,
    max: 1,
    result: ([list], ctx) => (need(ctx, name, list!, listOf(test), what) ? transform(elementOf(list!.type)) : T.any),
  };
}

function unary(
  name: string,
  test: (t: ExprType) => boolean,
  what: string,
  result: (t: ExprType) => ExprType,
): FunctionSpec {
  return {
    signature: `${name}(x)`,
    min: 1,
    max: 1,
    result: ([x], ctx) => (need(ctx, name, x!, test, what) ? result(x!.type) : T.any),
  };
}

const sameNumber = (t: ExprType) => (numericOrDynamic(t) ? t : T.any);

/** Joins the types of all arguments (coalesce): WV406 at the first one that does not fit the others. */
function joinAll(name: string, args: readonly Checked[], ctx: CheckContext): ExprType {
  let type: ExprType = T.null;
  for (const arg of args) {
    const joined = unify(type, arg.type);
    if (joined === undefined)
      report(
        ctx,
        "WV406",
        `arguments of \`${name}\` must have one type: found ${formatType(type)} and ${formatType(arg.type)}`,
        arg.ast.span,
      );
    type = joined ?? type;
  }
  return type;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  size: unary(
    "size",
    (t) => t.kind === "list" || isText(t),
    "a list or a string",
    () => T.int,
  ),
  sum: aggregate("sum", isNumeric, "a list of numbers"),
  count: aggregate(
    "count",
    () => true,
    "a list",
    () => T.int,
  ),
  min: aggregate("min", orderedScalar, "a list of numbers, strings or dates"),
  max: aggregate("max", orderedScalar, "a list of numbers, strings or dates"),
  avg: aggregate("avg", isNumeric, "a list of numbers", (t) => (t.kind === "int" ? T.decimal : t)),
  has: {
    signature: "has(record.field)",
    min: 1,
    max: 1,
    result: ([x], ctx) => {
      need(ctx, "has", x!, () => x!.ast.kind === "member", "a field, like `has(record.due)`");
      return T.bool;
    },
  },
  now: { signature: "now()", min: 0, max: 0, result: () => T.datetime },
  today: { signature: "today()", min: 0, max: 0, result: () => T.date },
  lower: unary("lower", isText, "a string", () => T.string),
  upper: unary("upper", isText, "a string", () => T.string),
  abs: unary("abs", isNumeric, "a number", sameNumber),
  round: {
    signature: "round(n, digits?)",
    min: 1,
    max: 2,
    result: ([n, digits], ctx) => {
      if (digits) need(ctx, "round", digits, (t) => t.kind === "int", "a whole number of digits (int)");
      return need(ctx, "round", n!, isNumeric, "a number") ? sameNumber(n!.type) : T.any;
    },
  },
  coalesce: {
    signature: "coalesce(a, b, ...)",
    min: 2,
    max: Infinity,
    result: (args, ctx) => joinAll("coalesce", args, ctx),
  },
  concat: {
    signature: "concat(a, b, ...)",
    min: 2,
    max: Infinity,
    result: (args, ctx) => {
      for (const arg of args) need(ctx, "concat", arg, (t) => isText(t) || t.kind === "null", "strings");
      return T.string;
    },
  },
};

/** Methods, called as `target.name(arg)`; each takes one argument and returns bool. */
export interface MethodSpec {
  readonly signature: string;
  /** Whether the method applies to the target's type. */
  readonly on: (target: ExprType) => boolean;
  readonly check: (target: Checked, arg: Checked, ctx: CheckContext) => void;
}

const textMethod = (name: string): MethodSpec => ({
  signature: `s.${name}(x)`,
  on: isText,
  check: (_target, arg, ctx) => void need(ctx, name, arg, isText, "a string"),
});

export const METHODS: Readonly<Record<string, MethodSpec>> = {
  contains: {
    signature: "x.contains(value)",
    on: (t) => isText(t) || t.kind === "list",
    check: (target, arg, ctx) => {
      const of = target.type.kind === "list" ? target.type.of : T.string;
      need(
        ctx,
        "contains",
        arg,
        (t) => (target.type.kind === "list" ? equatable(of, t) : isText(t)),
        `a value of type ${formatType(of)}`,
      );
    },
  },
  startsWith: textMethod("startsWith"),
  endsWith: textMethod("endsWith"),
};
