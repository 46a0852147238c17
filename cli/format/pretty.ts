/**
 * Human output, modelled on tsc and rustc: a clickable `file:line:col`, the severity and code, the
 * source line with the span underlined, the hint, and a closing summary.
 */
import type { Diagnostic, Severity } from "../../compiler/diagnostics/diagnostic.ts";
import { styles, type Styles } from "./ansi.ts";
import { codeFrame, type Frame } from "./code-frame.ts";
import { countSeverities, type Formatter, type Report } from "./report.ts";

/**
 * Renders the report for a terminal.
 *
 * @example
 * pretty(report);
 * // domain/invoice.entity.yaml:12:9 - error WV301: Unknown entity `Custmer`
 * //
 * //   12 |     to: Custmer
 * //      |         ^^^^^^^
 * //      = help: did you mean `Customer`?
 * //
 * // 1 error in 1 file
 */
export const pretty: Formatter = (report) => {
  const s = styles(report.color);
  const blocks = report.diagnostics.map((d) => diagnosticBlock(d, report, s));
  return [...blocks, summaryLine(report, s)].join("");
};

function diagnosticBlock(d: Diagnostic, report: Report, s: Styles): string {
  const source = report.readSource(d.file);
  const frame = source === undefined ? undefined : codeFrame(source, d);
  const lines = [header(d, s)];
  if (frame) lines.push("", ...frameLines(frame, d.severity, s));
  if (d.hint) lines.push(helpLine(d.hint, frame, s));
  return `${lines.join("\n")}\n\n`;
}

function header(d: Diagnostic, s: Styles): string {
  const where = `${s.cyan(d.file)}:${s.yellow(String(d.line))}:${s.yellow(String(d.column))}`;
  return `${where} - ${severityStyle(d.severity, s)(d.severity)} ${s.dim(`${d.code}:`)} ${d.message}`;
}

function frameLines(frame: Frame, severity: Severity, s: Styles): string[] {
  const number = String(frame.lineNumber);
  const gutter = s.blue(`${" ".repeat(number.length)} |`);
  const marks = severityStyle(severity, s)("^".repeat(frame.width));
  return [`  ${s.blue(`${number} |`)} ${frame.text}`.trimEnd(), `  ${gutter} ${" ".repeat(frame.start)}${marks}`];
}

function helpLine(hint: string, frame: Frame | undefined, s: Styles): string {
  const indent = frame ? `${" ".repeat(String(frame.lineNumber).length)} ` : "";
  return `  ${indent}${s.blue("=")} ${s.bold("help")}: ${hint}`;
}

function severityStyle(severity: Severity, s: Styles): (text: string) => string {
  if (severity === "error") return (t) => s.bold(s.red(t));
  if (severity === "warning") return (t) => s.bold(s.yellow(t));
  return (t) => s.bold(s.cyan(t));
}

function summaryLine(report: Report, s: Styles): string {
  const { errors, warnings, infos } = countSeverities(report.diagnostics);
  if (report.diagnostics.length === 0) {
    const files = report.fileCount === undefined ? "" : ` in ${plural(report.fileCount, "file")}`;
    return `${s.green("✓")} no problems${files}\n`;
  }
  const parts = [
    errors > 0 ? s.bold(s.red(plural(errors, "error"))) : "",
    warnings > 0 ? s.bold(s.yellow(plural(warnings, "warning"))) : "",
    infos > 0 ? s.bold(s.cyan(plural(infos, "info", "infos"))) : "",
  ].filter(Boolean);
  const files = new Set(report.diagnostics.map((d) => d.file)).size;
  return `${parts.join(", ")} in ${plural(files, "file")}\n`;
}

/**
 * "1 file", "2 files".
 *
 * @example
 * plural(3, "error"); // "3 errors"
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
