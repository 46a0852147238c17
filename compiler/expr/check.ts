/**
 * Type-checks an expression against a scope and normalises it: bare field names become `record.<field>`,
 * `$rules` are inlined, string `+` becomes `concat(...)`. Never throws; keeps going after errors, giving a
 * failed node the type `any` so one mistake is reported once.
 */
import type { ConditionalExpr, Expr, ExprType, ListExpr, LiteralExpr } from "../ir/index.ts";
import { checkCall } from "./check-calls.ts";
import { report, visit, type CheckContext, type Checked } from "./check-context.ts";
import { checkMacro } from "./check-macros.ts";
import { checkRecursion } from "./check-recursion.ts";
import { checkIdent, checkMember, checkRuleRef } from "./check-names.ts";
import { checkBinary, checkUnary, expectBool } from "./check-operators.ts";
import type { ExprDiagnostic } from "./diagnostics.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import type { ExprScope } from "./scope.ts";
import { assignable, formatType, T, unify } from "./types.ts";

type Handlers = { [K in Expr["kind"]]: (node: Extract<Expr, { kind: K }>, ctx: CheckContext) => Checked };

const handlers: Handlers = {
  literal: checkLiteral,
  list: checkList,
  ident: checkIdent,
  ruleRef: checkRuleRef,
  member: checkMember,
  call: checkCall,
  macro: checkMacro,
  unary: checkUnary,
  binary: checkBinary,
  conditional: checkConditional,
};

const dispatch = (node: Expr, ctx: CheckContext): Checked =>
  (handlers[node.kind] as (n: Expr, c: CheckContext) => Checked)(node, ctx);

/**
 * Checks `ast` in `scope`. With `expected`, a result that does not fit it is WV404.
 * Returns the normalised AST (use it, not the parsed one, for lowering and evaluation).
 *
 * @example
 * const scope = { variables: { record: T.entity("Invoice") }, implicit: T.entity("Invoice"), members: modelMembers };
 * const { ast, type, diagnostics } = checkExpression(parseExpression("total > 0").ast!, scope, T.bool);
 * // ast is `record.total > 0`, type is bool, diagnostics is []
 */
export function checkExpression(
  ast: Expr,
  scope: ExprScope,
  expected?: ExprType,
): { ast: Expr; type: ExprType; diagnostics: ExprDiagnostic[] } {
  const ctx: CheckContext = { scope, diagnostics: [], locals: new Map(), visit: dispatch };
  const result = visit(ctx, ast);
  if (expected) checkExpected(ctx, result, expected);
  checkRecursion(ctx, result.ast);
  const diagnostics = ctx.diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ast: result.ast, type: result.type, diagnostics };
}

function checkExpected(ctx: CheckContext, result: Checked, expected: ExprType): void {
  if (assignable(result.type, expected)) return;
  const literals = expected.kind === "enum" ? stringLeaves(result.ast) : undefined;
  if (literals && expected.kind === "enum")
    return literals.forEach((literal) => enumResult(ctx, literal, expected.values));
  const message = `expected ${formatType(expected)}, found ${formatType(result.type)}`;
  report(ctx, "WV404", message, result.ast.span, expectedHint(expected));
}

/**
 * The string literals an expression can result in, when it is made only of them (`paid ? 'paid' : 'open'`),
 * so a computed enum can be written with plain strings; undefined when any result is not a literal.
 */
function stringLeaves(node: Expr): LiteralExpr[] | undefined {
  if (node.kind === "literal") return typeof node.value === "string" ? [node] : node.value === null ? [] : undefined;
  if (node.kind !== "conditional") return undefined;
  const [then, otherwise] = [stringLeaves(node.then), stringLeaves(node.else)];
  return then && otherwise && [...then, ...otherwise];
}

function enumResult(ctx: CheckContext, literal: LiteralExpr, values: readonly string[]): void {
  const value = String(literal.value);
  if (values.includes(value)) return;
  const allowed = values.map((v) => `'${v}'`).join(", ");
  report(
    ctx,
    "WV404",
    `expected one of ${allowed}, found '${value}'`,
    literal.span,
    didYouMean(value, values, (v) => `'${v}'`),
  );
}

function expectedHint(expected: ExprType): string | undefined {
  return expected.kind === "bool" ? "compare the value, e.g. `total > 0`, or test it with `has(...)`" : undefined;
}

function checkLiteral(node: LiteralExpr): Checked {
  const { value } = node;
  if (typeof value === "number") return { ast: node, type: node.decimal ? T.decimal : T.int };
  if (typeof value === "string") return { ast: node, type: T.string };
  return { ast: node, type: value === null ? T.null : T.bool };
}

function checkList(node: ListExpr, ctx: CheckContext): Checked {
  const items = node.items.map((item) => visit(ctx, item));
  let of: ExprType = items.length === 0 ? T.any : T.null;
  for (const item of items) {
    const joined = unify(of, item.type);
    if (joined === undefined) {
      report(
        ctx,
        "WV403",
        `list items must have one type: found ${formatType(of)} and ${formatType(item.type)}`,
        item.ast.span,
      );
    }
    of = joined ?? T.any;
  }
  return { ast: { ...node, items: items.map((i) => i.ast) }, type: T.list(of) };
}

function checkConditional(node: ConditionalExpr, ctx: CheckContext): Checked {
  const test = expectBool(ctx, visit(ctx, node.test), "the condition of `? :`");
  const then = visit(ctx, node.then);
  const otherwise = visit(ctx, node.else);
  let type = unify(then.type, otherwise.type);
  if (type === undefined) {
    const message = `the branches of \`? :\` must have one type: found ${formatType(then.type)} and ${formatType(otherwise.type)}`;
    report(ctx, "WV403", message, node.span);
    type = T.any;
  }
  return { ast: { ...node, test: test.ast, then: then.ast, else: otherwise.ast }, type };
}
