/**
 * A compiler diagnostic: what is wrong, where, and how to fix it.
 * The compiler reports these and never throws on bad input.
 */
export type Severity = "error" | "warning" | "info";

/** A stable diagnostic code: `WV` and three digits. Listed in compiler/diagnostics/codes.ts and spec/diagnostics.md. */
export type DiagnosticCode = `WV${number}`;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path relative to the app folder, with forward slashes. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like editors count. */
  readonly column: number;
  readonly endLine?: number;
  /** Exclusive, as in LSP and SARIF: the column just past the problem. */
  readonly endColumn?: number;
  /** How to fix it, e.g. "did you mean `Customer`?". */
  readonly hint?: string;
}

/** Orders diagnostics by file, line, column, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
