/**
 * State threaded through the checker: the scope, the diagnostics, the macro variables in scope and, while a
 * shared rule is being inlined, which rule (for its span, message prefix and cycle detection).
 */
import type { Expr, ExprType, Span } from "../ir/index.ts";
import { exprError, type ExprCode, type ExprDiagnostic } from "./diagnostics.ts";
import type { ExprScope } from "./scope.ts";

/** A checked node: its normalised AST and static type. */
export interface Checked {
  readonly ast: Expr;
  readonly type: ExprType;
}

/** The shared rule, or delegated policy (`check(x, 'read')`), being inlined. */
export interface RuleFrame {
  /** The outermost `$name` or `check(...)` written in the expression: every span inside maps to it. */
  readonly span: Span;
  /** What the outermost one brings in, for messages: "shared rule `$member`", "policy `Customer.read`". */
  readonly outer: string;
  /** What is being inlined, outermost first (`$member`, `Customer.read`), to detect cycles. */
  readonly stack: readonly string[];
  /** For each policy of `stack` (by index; rules have none): whether its `check` moved to another record. */
  readonly moves?: readonly (boolean | undefined)[];
}

export interface CheckContext {
  readonly scope: ExprScope;
  readonly diagnostics: ExprDiagnostic[];
  /** Macro variables in scope: they shadow variables and record fields. */
  readonly locals: ReadonlyMap<string, ExprType>;
  readonly rule?: RuleFrame;
  /** Inside `has(...)`: only whether a value is null is read, which an encrypted field's ciphertext tells too. */
  readonly nullTest?: boolean;
  /** The checker's dispatch, so handlers in other files can recurse without importing check.ts. */
  readonly visit: (node: Expr, ctx: CheckContext) => Checked;
}

/** Checks a child node in the same context. */
export const visit = (ctx: CheckContext, node: Expr): Checked => ctx.visit(node, ctx);

/**
 * Reports an expression error at `span`. Inside an inlined rule, the rule's source is not the expression's,
 * so the error points at the `$name` that brought it in and says which rule.
 */
export function report(ctx: CheckContext, code: ExprCode, message: string, span: Span, hint?: string): void {
  const where = ctx.rule ? ctx.rule.span : span;
  const text = ctx.rule ? `in ${ctx.rule.outer}: ${message}` : message;
  ctx.diagnostics.push(exprError(code, text, where, hint));
}
