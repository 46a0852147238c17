/**
 * Splits an expression into tokens. Never throws: a bad character, string or number becomes an `error` token
 * plus a WV400 diagnostic, and lexing goes on, so the parser can report further errors.
 */
import { exprError, type ExprDiagnostic } from "./diagnostics.ts";

export type TokenKind = "int" | "decimal" | "string" | "ident" | "keyword" | "ruleRef" | "punct" | "error" | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of punctuation and names; the decoded value of strings; the digits of numbers. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export const KEYWORDS = new Set(["true", "false", "null", "in"]);

// Longest first, so `==` wins over `=`.
const PUNCTUATION = [
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "<",
  ">",
  "!",
  "+",
  "-",
  "*",
  "/",
  "%",
  "?",
  ":",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
];
// Characters that look like an operator but are not one, with the operator meant.
const NEAR_MISSES: Record<string, string> = { "=": "==", "&": "&&", "|": "||" };
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };
// Beyond this many significant digits a JS number no longer holds a decimal literal exactly.
const MAX_DIGITS = 15;

// A literal is stored as a JS number: it must convert exactly (decimals go through their shortest form).
const tooManyDigits = (text: string) =>
  text.replace(".", "").replace(/^0+/, "").length > MAX_DIGITS
    ? `number \`${text}\` has more than ${MAX_DIGITS} significant digits`
    : undefined;
const tooLarge = (text: string) =>
  Number(text) > Number.MAX_SAFE_INTEGER
    ? `number \`${text}\` is too large (at most ${Number.MAX_SAFE_INTEGER})`
    : undefined;

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isIdentStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isIdentPart = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/**
 * Tokenises `source`. The last token is always `eof`.
 *
 * @example tokenize("a == 'x'").tokens.map((t) => t.kind) // ["ident", "punct", "string", "eof"]
 */
export function tokenize(source: string): { tokens: Token[]; diagnostics: ExprDiagnostic[] } {
  const lexer = new Lexer(source);
  while (lexer.step());
  return { tokens: lexer.tokens, diagnostics: lexer.diagnostics };
}

class Lexer {
  readonly tokens: Token[] = [];
  readonly diagnostics: ExprDiagnostic[] = [];
  private pos = 0;

  constructor(private readonly source: string) {}

  /** Reads one token; false after `eof`. */
  step(): boolean {
    this.skipSpace();
    const c = this.source[this.pos];
    if (c === undefined) {
      this.push("eof", "", this.pos);
      return false;
    }
    if (isDigit(c)) this.number();
    else if (c === "'" || c === '"') this.string(c);
    else if (isIdentStart(c)) this.word();
    else if (c === "$") this.ruleRef();
    else this.punct();
    return true;
  }

  private skipSpace(): void {
    while (/\s/.test(this.source[this.pos] ?? "")) this.pos++;
  }

  private push(kind: TokenKind, text: string, start: number, end = this.pos): void {
    this.tokens.push({ kind, text, start, end });
  }

  private fail(message: string, start: number, end: number, hint?: string): void {
    this.diagnostics.push(exprError("WV400", message, { start, end }, hint));
  }

  private readWhile(test: (c: string | undefined) => boolean): string {
    const start = this.pos;
    while (test(this.source[this.pos])) this.pos++;
    return this.source.slice(start, this.pos);
  }

  private number(): void {
    const start = this.pos;
    let text = this.readWhile(isDigit);
    const isDecimal = this.source[this.pos] === "." && isDigit(this.source[this.pos + 1]);
    if (isDecimal) (this.pos++, (text += "." + this.readWhile(isDigit)));
    if (isIdentPart(this.source[this.pos])) return this.badNumber(start);
    const problem = isDecimal ? tooManyDigits(text) : tooLarge(text);
    if (problem) this.fail(problem, start, this.pos);
    this.push(problem ? "error" : isDecimal ? "decimal" : "int", text, start);
  }

  private badNumber(start: number): void {
    this.readWhile(isIdentPart);
    const text = this.source.slice(start, this.pos);
    this.fail(`invalid number \`${text}\``, start, this.pos, "names cannot start with a digit");
    this.push("error", text, start);
  }

  private string(quote: string): void {
    const start = this.pos++;
    let value = "";
    let ok = true;
    for (;;) {
      const c = this.source[this.pos];
      if (c === undefined || c === "\n") return this.unterminated(start);
      this.pos++;
      if (c === quote) break;
      if (c !== "\\") value += c;
      else {
        const decoded = this.escape();
        if (decoded === undefined) ok = false;
        else value += decoded;
      }
    }
    this.push(ok ? "string" : "error", value, start);
  }

  private unterminated(start: number): void {
    this.fail("unterminated string", start, this.pos, `close it with \`${this.source[start]}\``);
    this.push("error", this.source.slice(start, this.pos), start);
  }

  /** Decodes the escape after a backslash; reports and returns undefined when it is unknown. */
  private escape(): string | undefined {
    const start = this.pos - 1;
    const c = this.source[this.pos];
    if (c === undefined || c === "\n") return undefined; // reported as unterminated by the caller
    this.pos++;
    if (ESCAPES[c] !== undefined) return ESCAPES[c];
    if (c === "u") return this.unicodeEscape(start);
    this.fail(
      `unknown escape \`\\${c}\` in string`,
      start,
      this.pos,
      "known escapes: \\n \\t \\r \\\\ \\' \\\" \\0 \\uXXXX",
    );
    return undefined;
  }

  private unicodeEscape(start: number): string | undefined {
    const hex = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.pos))?.[0];
    if (hex !== undefined) {
      this.pos += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    this.fail("`\\u` must be followed by four hex digits", start, this.pos, "e.g. \\u00e9 for é");
    return undefined;
  }

  private word(): void {
    const start = this.pos;
    const text = this.readWhile(isIdentPart);
    this.push(KEYWORDS.has(text) ? "keyword" : "ident", text, start);
  }

  private ruleRef(): void {
    const start = this.pos++;
    if (!isIdentStart(this.source[this.pos])) {
      this.fail("expected a rule name after `$`", start, this.pos, "shared rules are written `$name`");
      return this.push("error", "$", start);
    }
    this.push("ruleRef", this.readWhile(isIdentPart), start);
  }

  private punct(): void {
    const start = this.pos;
    const op = PUNCTUATION.find((p) => this.source.startsWith(p, start));
    if (op !== undefined) {
      this.pos += op.length;
      return this.push("punct", op, start);
    }
    const c = String.fromCodePoint(this.source.codePointAt(start)!);
    this.pos += c.length;
    const meant = NEAR_MISSES[c];
    const hint = meant === undefined ? undefined : `use \`${meant}\``;
    this.fail(`unexpected character \`${c}\``, start, this.pos, hint);
    this.push("error", c, start);
  }
}
