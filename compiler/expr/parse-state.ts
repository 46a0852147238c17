/**
 * The parser's cursor over the tokens, its diagnostics, and error recovery. Shared by parser.ts (operators)
 * and parse-primary.ts (operands).
 */
import type { Expr, Span } from "../ir/index.ts";
import { exprError, type ExprDiagnostic } from "./diagnostics.ts";
import type { Token } from "./lexer.ts";

const OPENERS: Record<string, string> = { "(": ")", "[": "]" };
const CLOSERS = new Set([")", "]"]);

/** How deeply expressions may nest: far beyond any written by hand. */
export const MAX_DEPTH = 128;

export class ParseState {
  private pos = 0;
  /** Parses a whole expression (the lowest precedence level); set by the parser. */
  expr!: () => Expr | undefined;

  constructor(
    readonly source: string,
    private readonly tokens: readonly Token[],
    readonly diagnostics: ExprDiagnostic[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.pos++;
    return token;
  }

  /** End offset of the last consumed token: where a node that ends here ends. */
  get prevEnd(): number {
    return this.pos === 0 ? 0 : this.tokens[this.pos - 1]!.end;
  }

  /** The token before the current one, if any. */
  previous(): Token | undefined {
    return this.pos === 0 ? undefined : this.tokens[this.pos - 1];
  }

  /** Whether the current token is the punctuation or keyword `text`. */
  at(text: string): boolean {
    const token = this.peek();
    return (token.kind === "punct" || token.kind === "keyword") && token.text === text;
  }

  /** Consumes the current token when it is `text`. */
  eat(text: string): boolean {
    return this.at(text) && (this.next(), true);
  }

  /**
   * Reports a syntax error at `token`, unless the token is itself a lexing error, which the lexer has
   * already reported: one mistake, one message.
   */
  fail(token: Token, message: string, hint?: string): undefined {
    if (token.kind !== "error") this.report(message, token, hint);
    return undefined;
  }

  report(message: string, span: Span, hint?: string): undefined {
    this.diagnostics.push(exprError("WV400", message, span, hint));
    return undefined;
  }

  /**
   * Skips to the next token in `stops` at the current nesting depth (not consuming it), or to a closer that
   * belongs to an enclosing bracket, or to the end. Brackets opened on the way are skipped whole.
   */
  skipTo(stops: readonly string[]): void {
    const open: string[] = [];
    for (let token = this.peek(); token.kind !== "eof"; token = this.peek()) {
      const text = token.kind === "punct" ? token.text : "";
      if (open.length === 0 && (stops.includes(text) || CLOSERS.has(text))) return;
      if (OPENERS[text] !== undefined) open.push(OPENERS[text]);
      else if (text === open.at(-1)) open.pop();
      this.next();
    }
  }

  /** Skips to `close` (as skipTo) and consumes it when it is there. */
  skipPast(close: string): void {
    this.skipTo([close]);
    this.eat(close);
  }

  /** Describes the current token for messages: "`)`", "`foo`", "the end of the expression". */
  describe(token = this.peek()): string {
    if (token.kind === "eof") return "the end of the expression";
    return `\`${this.source.slice(token.start, token.end)}\``;
  }

  /** "column 5" or, in a multi-line expression, "line 2, column 5" (1-based) for an offset. */
  where(offset: number): string {
    const before = this.source.slice(0, offset).split("\n");
    const column = `column ${before.at(-1)!.length + 1}`;
    return `${before.length === 1 ? column : `line ${before.length}, ${column}`} of the expression`;
  }

  /** Nesting depth of the node being parsed; bounded so that a hostile expression cannot overflow the stack. */
  depth = 0;

  /** Enters one level of nesting; false (and a WV400) when the expression nests too deeply. */
  enter(at: Token): boolean {
    if (++this.depth <= MAX_DEPTH) return true;
    if (this.depth === MAX_DEPTH + 1) this.fail(at, `the expression nests more than ${MAX_DEPTH} levels deep`, "split it, or use a shared rule");
    return false;
  }
}
