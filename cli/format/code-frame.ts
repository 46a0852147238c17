/**
 * The source line of a diagnostic with the span underlined, rustc style:
 *
 *   12 |     to: Custmer
 *      |         ^^^^^^^
 */
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";

/** The line to show and where to underline it, in display columns (0-based). */
export interface Frame {
  readonly lineNumber: number;
  readonly text: string;
  readonly start: number;
  readonly width: number;
}

/**
 * Locates the diagnostic in its file's text; undefined when the line is not in the file.
 * `endColumn` is exclusive, as in LSP and SARIF; a span over several lines is underlined to the end
 * of its first line; no end means a single caret.
 *
 * @example
 * codeFrame("a: 1\nto: Custmer\n", { line: 2, column: 5, endLine: 2, endColumn: 12, ... });
 * // { lineNumber: 2, text: "to: Custmer", start: 4, width: 7 }
 */
export function codeFrame(source: string, d: Diagnostic): Frame | undefined {
  const raw = source.split("\n")[d.line - 1];
  if (raw === undefined || d.line < 1) return undefined;
  const line = raw.replace(/\r$/, "");
  const column = Math.min(Math.max(d.column, 1), line.length + 1);
  const prefix = expandTabs(line.slice(0, column - 1));
  const rest = expandTabs(line.slice(column - 1, spanEnd(d, line) - 1));
  return { lineNumber: d.line, text: expandTabs(line), start: prefix.length, width: Math.max(1, rest.length) };
}

/** Exclusive end column of the underline on the diagnostic's first line. */
function spanEnd(d: Diagnostic, line: string): number {
  const endLine = d.endLine ?? d.line;
  if (endLine > d.line) return line.length + 1;
  if (d.endColumn !== undefined && endLine === d.line) return Math.min(d.endColumn, line.length + 1);
  return d.column + 1;
}

// Tabs would make the caret line drift from the source line on most terminals.
function expandTabs(text: string): string {
  return text.replaceAll("\t", "  ");
}
