/**
 * Parses an expression into the AST of compiler/ir (`Expr`). Precedence, low to high: `?:`, `||`, `&&`,
 * `== != in`, `< <= > >=`, `+ -`, `* / %`, unary `! -`, postfix member access and calls.
 * Never throws: syntax errors are WV400 diagnostics with a span, and the parser recovers at `,`, `)` and `]`
 * so several errors can be reported at once.
 */
import type { BinaryExpr, Expr } from "../ir/index.ts";
import type { ExprDiagnostic } from "./diagnostics.ts";
import { tokenize } from "./lexer.ts";
import { parsePostfix } from "./parse-primary.ts";
import { ParseState } from "./parse-state.ts";

type BinaryOp = BinaryExpr["op"];

// Binary levels from lowest to highest precedence; all left-associative.
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ["||"],
  ["&&"],
  ["==", "!=", "in"],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "/", "%"],
];

/**
 * Parses `source`. `ast` is present only when there are no diagnostics.
 *
 * @example
 * parseExpression("size(lines) > 0").ast
 * // { kind: "binary", op: ">", left: { kind: "call", callee: "size", ... }, right: { kind: "literal", value: 0, ... }, ... }
 * parseExpression("(a").diagnostics[0].message // "expected `)` to close `(` at column 1 of the expression, found the end of the expression"
 */
export function parseExpression(source: string): { ast?: Expr; diagnostics: ExprDiagnostic[] } {
  const { tokens, diagnostics } = tokenize(source);
  const state = new ParseState(source, tokens, diagnostics);
  state.expr = () => nested(state, () => parseConditional(state));
  const ast = parseAll(state);
  if (diagnostics.length === 0 && ast) return { ast, diagnostics };
  return { diagnostics: diagnostics.sort((a, b) => a.start - b.start) };
}

function parseAll(state: ParseState): Expr | undefined {
  const first = state.peek();
  if (first.kind === "eof") return state.report("the expression is empty", first);
  const ast = state.expr();
  const rest = state.peek();
  if (ast && rest.kind !== "eof") {
    return state.fail(
      rest,
      `unexpected ${state.describe(rest)} after the end of the expression`,
      "is an operator missing?",
    );
  }
  return ast;
}

function parseConditional(state: ParseState): Expr | undefined {
  const start = state.peek().start;
  const test = parseBinary(state, 0);
  if (!test || !state.at("?")) return test;
  const question = state.next();
  const then = parseConditional(state);
  if (!then) return undefined;
  if (!state.eat(":")) {
    const found = state.describe();
    return state.fail(state.peek(), `expected \`:\` for the \`?\` at ${state.where(question.start)}, found ${found}`);
  }
  const otherwise = parseConditional(state);
  return otherwise && { kind: "conditional", test, then, else: otherwise, span: { start, end: state.prevEnd } };
}

function parseBinary(state: ParseState, level: number): Expr | undefined {
  const ops = LEVELS[level];
  if (ops === undefined) return parseUnary(state);
  const start = state.peek().start;
  let left = parseBinary(state, level + 1);
  for (let op = matchOp(state, ops); left && op; op = matchOp(state, ops)) {
    state.next();
    const right = parseBinary(state, level + 1);
    left = right && { kind: "binary", op, left, right, span: { start, end: state.prevEnd } };
  }
  return left;
}

function matchOp(state: ParseState, ops: readonly BinaryOp[]): BinaryOp | undefined {
  return ops.find((op) => state.at(op));
}

/** Runs a recursive step one nesting level deeper, refusing past the limit. */
function nested(state: ParseState, parse: () => Expr | undefined): Expr | undefined {
  const at = state.peek();
  try {
    return state.enter(at) ? parse() : undefined;
  } finally {
    state.depth--;
  }
}

function parseUnary(state: ParseState): Expr | undefined {
  const token = state.peek();
  if (!state.at("!") && !state.at("-")) return parsePostfix(state);
  state.next();
  const operand = nested(state, () => parseUnary(state));
  const op = token.text as "!" | "-";
  return operand && { kind: "unary", op, operand, span: { start: token.start, end: state.prevEnd } };
}
