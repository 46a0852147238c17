/**
 * Diagnostics of the expression language. Offsets are into the expression source; the caller maps them
 * to file:line:col (an expression is one YAML string, so only the caller knows where it sits in the file).
 */
import type { Span } from "../ir/index.ts";

/** The expression codes of compiler/diagnostics/codes.ts (WV4xx). */
export type ExprCode = "WV400" | "WV401" | "WV402" | "WV403" | "WV404" | "WV405" | "WV406" | "WV407" | "WV408" | "WV409" | "WV410" | "WV411";

export interface ExprDiagnostic {
  readonly code: ExprCode;
  readonly severity: "error";
  readonly message: string;
  /** How to fix it, e.g. "did you mean `total`?". */
  readonly hint?: string;
  /** Offset of the first offending character in the expression source. */
  readonly start: number;
  /** Offset just past the last offending character (exclusive). */
  readonly end: number;
}

/** Builds an error diagnostic; `hint` is left out when there is none, so results compare cleanly. */
export function exprError(code: ExprCode, message: string, span: Span, hint?: string): ExprDiagnostic {
  const base = { code, severity: "error" as const, message, start: span.start, end: span.end };
  return hint === undefined ? base : { ...base, hint };
}

/** "1 argument", "3 arguments". */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
