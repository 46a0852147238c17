/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Diagnostic, Severity } from "../../compiler/diagnostics/diagnostic.ts";
import type { Formatter } from "./report.ts";

const commandBySeverity: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * One `::error file=...,line=..::message` line per diagnostic; the hint follows the message.
 *
 * @example
 * github(report);
 * // ::error file=domain/a.entity.yaml,line=3,col=5,endLine=3,endColumn=9,title=WV301::Unknown entity%0A%0Ahelp: ...
 */
export const github: Formatter = (report) => report.diagnostics.map((d) => `${annotation(d)}\n`).join("");

function annotation(d: Diagnostic): string {
  const properties: [string, string | number | undefined][] = [
    ["file", d.file],
    ["line", d.line],
    ["col", d.column],
    ["endLine", d.endLine],
    ["endColumn", d.endColumn],
    ["title", d.code],
  ];
  const props = properties
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  const message = d.hint ? `${d.message}\n\nhelp: ${d.hint}` : d.message;
  return `::${commandBySeverity[d.severity]} ${props}::${escapeData(message)}`;
}

/**
 * Escapes a workflow command's message as the runner expects.
 *
 * @example
 * escapeData("100%\ndone"); // "100%25%0Adone"
 */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/**
 * Escapes a workflow command property value: like data, plus `:` and `,` which delimit properties.
 *
 * @example
 * escapeProperty("a,b:c"); // "a%2Cb%3Ac"
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
