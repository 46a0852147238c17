/**
 * Unary and binary operators: logic, comparison, membership and arithmetic, with the enum literal check
 * (`status == 'sent'` must name one of the enum's values).
 */
import type { BinaryExpr, Expr, ExprType, UnaryExpr } from "../ir/index.ts";
import { report, visit, type CheckContext, type Checked } from "./check-context.ts";
import { arithmeticType } from "./arithmetic-types.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { equatable, formatType, isDynamic, isNumeric, isText, orderable, T } from "./types.ts";

type BinaryOp = BinaryExpr["op"];

/** Reports WV403 unless `operand` is bool (or dynamic, or null: null counts as false). */
export function expectBool(ctx: CheckContext, operand: Checked, what: string): Checked {
  const { type } = operand;
  if (type.kind !== "bool" && type.kind !== "null" && !isDynamic(type)) {
    report(ctx, "WV403", `${what} must be bool, found ${formatType(type)}`, operand.ast.span);
  }
  return operand;
}

export function checkUnary(node: UnaryExpr, ctx: CheckContext): Checked {
  const operand = visit(ctx, node.operand);
  const ast = { ...node, operand: operand.ast };
  if (node.op === "!") {
    expectBool(ctx, operand, "the operand of `!`");
    return { ast, type: T.bool };
  }
  if (isNumeric(operand.type) || isDynamic(operand.type)) return { ast, type: operand.type };
  report(ctx, "WV403", `the operand of \`-\` must be a number, found ${formatType(operand.type)}`, operand.ast.span);
  return { ast, type: T.any };
}

export function checkBinary(node: BinaryExpr, ctx: CheckContext): Checked {
  const left = visit(ctx, node.left);
  const right = visit(ctx, node.right);
  const ast: BinaryExpr = { ...node, left: left.ast, right: right.ast };
  switch (node.op) {
    case "&&":
    case "||":
      expectBool(ctx, left, `the left side of \`${node.op}\``);
      expectBool(ctx, right, `the right side of \`${node.op}\``);
      return { ast, type: T.bool };
    case "==":
    case "!=":
      return checkEquality(ctx, ast, left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return checkOrder(ctx, ast, left, right);
    case "in":
      return checkIn(ctx, ast, left, right);
    default:
      return checkArithmetic(ctx, ast, left, right);
  }
}

function mismatch(ctx: CheckContext, node: BinaryExpr, left: Checked, right: Checked, hint?: string): void {
  const message = `cannot apply \`${node.op}\` to ${formatType(left.type)} and ${formatType(right.type)}`;
  report(ctx, "WV403", message, node.span, hint);
}

function checkEquality(ctx: CheckContext, ast: BinaryExpr, left: Checked, right: Checked): Checked {
  if (dateLiteral(ctx, left, right) || dateLiteral(ctx, right, left)) return { ast, type: T.bool };
  if (!equatable(left.type, right.type)) mismatch(ctx, ast, left, right);
  else {
    enumLiterals(ctx, left, right.ast);
    enumLiterals(ctx, right, left.ast);
  }
  return { ast, type: T.bool };
}

function checkOrder(ctx: CheckContext, ast: BinaryExpr, left: Checked, right: Checked): Checked {
  if (dateLiteral(ctx, left, right) || dateLiteral(ctx, right, left)) return { ast, type: T.bool };
  if (!orderable(left.type, right.type)) mismatch(ctx, ast, left, right, orderHint(left.type, right.type));
  return { ast, type: T.bool };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The language has no date literals: a date or datetime compares with a string literal in ISO form
 * (`due < '2024-12-31'`). True when `side` is a date and `other` such a literal (reporting a malformed one).
 */
function dateLiteral(ctx: CheckContext, side: Checked, other: Checked): boolean {
  const { kind } = side.type;
  const literal = other.ast;
  if ((kind !== "date" && kind !== "datetime") || literal.kind !== "literal" || typeof literal.value !== "string")
    return false;
  const form = kind === "date" ? ISO_DATE : ISO_DATETIME;
  if (!form.test(literal.value) || Number.isNaN(Date.parse(literal.value))) {
    const example = kind === "date" ? "'2024-12-31'" : "'2024-12-31T09:30:00Z'";
    report(
      ctx,
      "WV403",
      `'${literal.value}' is not a ${kind}`,
      literal.span,
      `write a ${kind} in ISO form, like ${example}`,
    );
  }
  return true;
}

function orderHint(a: ExprType, b: ExprType): string | undefined {
  if (a.kind === "null" || b.kind === "null") return "compare with null using `==` or `!=`, or test with `has(...)`";
  if (a.kind === "enum" || b.kind === "enum") return "enum values have no order: use `==`, `!=` or `in`";
  return undefined;
}

function checkIn(ctx: CheckContext, ast: BinaryExpr, left: Checked, right: Checked): Checked {
  const list = right.type;
  if (list.kind !== "list" && !isDynamic(list) && list.kind !== "null") {
    const hint = isText(list) ? "to search in a string use `s.contains(x)`" : undefined;
    report(ctx, "WV403", `\`in\` needs a list on its right, found ${formatType(list)}`, right.ast.span, hint);
  } else if (list.kind === "list" && !equatable(left.type, list.of)) {
    mismatch(ctx, ast, left, right);
  } else if (list.kind === "list") {
    inListLiterals(ctx, left, right, list.of);
  }
  return { ast, type: T.bool };
}

/** `status in ['draft', 'sent']` checks each literal; `'x' in statuses` checks 'x'. */
function inListLiterals(ctx: CheckContext, left: Checked, right: Checked, of: ExprType): void {
  if (right.ast.kind === "list") right.ast.items.forEach((item) => enumLiterals(ctx, left, item));
  enumLiterals(ctx, { ast: right.ast, type: of }, left.ast);
}

/**
 * When `side` is an enum and `other` a string literal, the literal must be one of the enum's values
 * (WV403 listing them, with a did-you-mean).
 */
export function enumLiterals(ctx: CheckContext, side: Checked, other: Expr): void {
  if (side.type.kind !== "enum" || other.kind !== "literal" || typeof other.value !== "string") return;
  const { values } = side.type;
  if (values.includes(other.value)) return;
  const name = side.ast.kind === "member" ? `\`${side.ast.property}\`` : "the enum";
  const allowed = values.map((v) => `'${v}'`).join(", ");
  const hint = didYouMean(other.value, values, (v) => `'${v}'`);
  report(ctx, "WV403", `'${other.value}' is not a value of ${name}; allowed: ${allowed}`, other.span, hint);
}

function checkArithmetic(ctx: CheckContext, ast: BinaryExpr, left: Checked, right: Checked): Checked {
  if (ast.op === "+" && isText(left.type) && (isText(right.type) || right.type.kind === "null"))
    return concat(ast, left, right);
  if (ast.op === "+" && left.type.kind === "null" && isText(right.type)) return concat(ast, left, right);
  const result = arithmeticType(ast.op, left.type, right.type);
  if (typeof result === "string" || result === undefined) {
    mismatch(ctx, ast, left, right, result);
    return { ast, type: T.any };
  }
  return { ast, type: result };
}

/** String `+` is written `concat(a, b)` in the normalised AST, so `+` there is always numeric. */
function concat(ast: BinaryExpr, left: Checked, right: Checked): Checked {
  return { ast: { kind: "call", callee: "concat", args: [left.ast, right.ast], span: ast.span }, type: T.string };
}
