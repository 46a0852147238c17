/**
 * SARIF 2.1.0, the format of GitHub code scanning and most static-analysis dashboards.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { pathToFileURL } from "node:url";
import { codes, type CodeInfo } from "../../compiler/diagnostics/codes.ts";
import type { Diagnostic, Severity } from "../../compiler/diagnostics/diagnostic.ts";
import { weaveVersion } from "../version.ts";
import { diagnosticDocUrl } from "./doc-url.ts";
import type { Formatter } from "./report.ts";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const levelBySeverity: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/**
 * One run of the `weave` tool: every known code as a rule, every diagnostic as a result.
 * Artifact URIs are relative to the working directory, under the `%SRCROOT%` base.
 *
 * @example
 * JSON.parse(sarif(report)).runs[0].results[0].ruleId; // "WV301"
 */
export const sarif: Formatter = (report) => {
  const rules = Object.entries(codes as Record<string, CodeInfo>).map(([id, info]) => rule(id, info));
  const ruleIndex = new Map(rules.map((r, index) => [r.id, index]));
  const run = {
    tool: { driver: { name: "weave", version: weaveVersion(), rules } },
    originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(`${report.cwd}/`).href } },
    columnKind: "utf16CodeUnits",
    results: report.diagnostics.map((d) => result(d, ruleIndex.get(d.code))),
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] }, null, 2)}\n`;
};

function rule(id: string, info: CodeInfo) {
  return {
    id,
    shortDescription: { text: info.title },
    defaultConfiguration: { level: levelBySeverity[info.severity] },
    helpUri: diagnosticDocUrl(id),
  };
}

function result(d: Diagnostic, ruleIndex: number | undefined) {
  return {
    ruleId: d.code,
    ruleIndex,
    level: levelBySeverity[d.severity],
    message: { text: d.hint ? `${d.message}\nhelp: ${d.hint}` : d.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(d.file), region: region(d) } }],
  };
}

function artifact(file: string) {
  return { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

function region(d: Diagnostic) {
  return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}
