/**
 * Operands: literals, names, `$rules`, parenthesised expressions, lists, calls, and the postfix chain of
 * member accesses, method calls and macros that may follow them.
 */
import type { Expr, LiteralExpr, MacroExpr, Span } from "../ir/index.ts";
import { plural } from "./diagnostics.ts";
import type { Token, TokenKind } from "./lexer.ts";
import type { ParseState } from "./parse-state.ts";

/** Methods whose first argument binds a variable: they become `macro` nodes. */
export const MACROS = ["exists", "all", "filter", "map"] as const;
type MacroName = MacroExpr["macro"];

type MakeNode = (token: Token, span: Span) => Expr | undefined;

const literal =
  (value: LiteralExpr["value"]): MakeNode =>
  (_, span) => ({ kind: "literal", value, span });

// Operands made of one token, by token kind, then by keyword.
const SINGLE_TOKEN: Partial<Record<TokenKind, MakeNode>> = {
  int: numberLiteral,
  decimal: numberLiteral,
  string: (token, span) => ({ kind: "literal", value: token.text, span }),
  ruleRef: (token, span) => ({ kind: "ruleRef", name: token.text, span }),
  ident: (token, span) => ({ kind: "ident", name: token.text, span }),
  error: () => undefined, // already reported by the lexer
};
const KEYWORD_LITERALS: Record<string, MakeNode> = { true: literal(true), false: literal(false), null: literal(null) };

/** A primary operand followed by any `.member`, `.method(args)` and `.macro(v, body)`. */
export function parsePostfix(state: ParseState): Expr | undefined {
  let node = parsePrimary(state);
  while (node) {
    if (state.at(".")) node = parseDot(state, node);
    else if (state.at("["))
      return state.fail(
        state.peek(),
        "indexing with `[...]` is not supported",
        "use a macro such as `list.exists(x, ...)` or a function such as `min(list)`",
      );
    else if (state.at("("))
      return state.fail(
        state.peek(),
        "only functions and methods can be called",
        "call a function by name, like `size(lines)`",
      );
    else return node;
  }
  return undefined;
}

function parsePrimary(state: ParseState): Expr | undefined {
  if (state.at("(")) return parseGroup(state);
  if (state.at("[")) return parseList(state);
  const token = state.peek();
  const make = token.kind === "keyword" ? KEYWORD_LITERALS[token.text] : SINGLE_TOKEN[token.kind];
  if (!make) return missingOperand(state, token);
  state.next();
  if (token.kind === "ident" && state.at("(")) return parseCall(state, token);
  return make(token, { start: token.start, end: token.end });
}

function numberLiteral(token: Token, span: Span): LiteralExpr {
  const value = Number(token.text);
  return token.kind === "decimal" ? { kind: "literal", value, decimal: true, span } : { kind: "literal", value, span };
}

function missingOperand(state: ParseState, token: Token): undefined {
  const previous = state.previous();
  const after = previous && previous.kind === "punct" ? ` after \`${previous.text}\`` : "";
  return state.fail(token, `expected an expression${after}, found ${state.describe(token)}`);
}

function parseGroup(state: ParseState): Expr | undefined {
  const open = state.next();
  const inner = state.expr();
  if (inner && state.eat(")")) return inner;
  if (inner)
    state.fail(state.peek(), `expected \`)\` to close \`(\` at ${state.where(open.start)}, found ${state.describe()}`);
  state.skipPast(")");
  return undefined;
}

function parseList(state: ParseState): Expr | undefined {
  const open = state.next();
  const items = parseItems(state, open, "]");
  return items && { kind: "list", items, span: { start: open.start, end: state.prevEnd } };
}

function parseCall(state: ParseState, name: Token): Expr | undefined {
  const args = parseItems(state, state.next(), ")");
  return args && { kind: "call", callee: name.text, args, span: { start: name.start, end: state.prevEnd } };
}

/**
 * Parses `item, item, ...` up to `close` (a trailing comma is allowed). An item that fails is skipped up to
 * the next `,` so the following items are still checked. Undefined when any item failed.
 */
function parseItems(state: ParseState, open: Token, close: string): Expr[] | undefined {
  const items: Expr[] = [];
  let ok = true;
  while (!state.eat(close)) {
    const item = state.expr();
    if (item) items.push(item);
    else state.skipTo([",", close]);
    if (state.eat(",") || state.at(close)) {
      ok &&= item !== undefined;
      continue;
    }
    ok = false;
    if (item) unclosed(state, open, close);
    state.skipTo([",", close]);
    if (!state.eat(",") && !state.at(close)) return undefined;
  }
  return ok ? items : undefined;
}

function unclosed(state: ParseState, open: Token, close: string): void {
  const message = `expected \`${close}\` to close \`${open.text}\` at ${state.where(open.start)}, found ${state.describe()}`;
  state.fail(state.peek(), message, `separate items with \`,\``);
}

function parseDot(state: ParseState, object: Expr): Expr | undefined {
  state.next();
  const name = state.peek();
  if (name.kind !== "ident" && name.kind !== "keyword")
    return state.fail(name, `expected a member name after \`.\`, found ${state.describe(name)}`);
  state.next();
  const start = object.span.start;
  if (!state.at("(")) return { kind: "member", object, property: name.text, span: { start, end: name.end } };
  const open = state.next();
  const args = parseItems(state, open, ")");
  if (!args) return undefined;
  const span = { start, end: state.prevEnd };
  if ((MACROS as readonly string[]).includes(name.text))
    return toMacro(state, name.text as MacroName, object, args, span);
  return { kind: "call", callee: name.text, target: object, args, span };
}

function toMacro(
  state: ParseState,
  macro: MacroName,
  target: Expr,
  args: Expr[],
  span: Expr["span"],
): Expr | undefined {
  const example = `like \`lines.${macro}(l, l.total > 0)\``;
  const [variable, body] = args;
  if (args.length !== 2 || !body)
    return state.report(
      `\`${macro}\` takes a variable name and an expression, found ${plural(args.length, "argument")}`,
      span,
      example,
    );
  if (variable?.kind !== "ident")
    return state.report(`the first argument of \`${macro}\` must be a variable name`, variable!.span, example);
  return { kind: "macro", macro, target, variable: variable.name, body, span };
}
