/**
 * Machine-readable output with a fixed key order, so it diffs and snapshots cleanly.
 */
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import { countSeverities, type Formatter } from "./report.ts";

/** Version of this JSON shape; bump it when a key changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

/**
 * Renders `{ version, diagnostics, summary: { errors, warnings } }`, 2-space indented.
 * Optional diagnostic keys (`endLine`, `endColumn`, `hint`) are left out when absent.
 *
 * @example
 * JSON.parse(json(report)).summary; // { errors: 1, warnings: 0 }
 */
export const json: Formatter = (report) => {
  const { errors, warnings } = countSeverities(report.diagnostics);
  const body = { version: JSON_REPORT_VERSION, diagnostics: report.diagnostics.map(ordered), summary: { errors, warnings } };
  return `${JSON.stringify(body, null, 2)}\n`;
};

// Rebuilt key by key: the compiler's objects may carry keys in any order.
function ordered(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    hint: d.hint,
  };
}
