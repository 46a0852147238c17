/** Hand-built diagnostics and sources shared by the formatter tests. */
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.ts";
import type { Report } from "../../../cli/format/report.ts";

export const invoiceSource = [
  "# yaml-language-server: $schema=../../../schema/entity.schema.json",
  "entity: Invoice",
  "fields:",
  "  customer: { type: ref, to: Custmer }",
  "  status: { type: state, machine: lifecycle }",
  "",
].join("\n");

export const unknownEntity: Diagnostic = {
  code: "WV301",
  severity: "error",
  message: "Unknown entity `Custmer`",
  file: "app/domain/invoice.entity.yaml",
  line: 4,
  column: 30,
  endLine: 4,
  endColumn: 37,
  hint: "did you mean `Customer`?",
};

export const unreachable: Diagnostic = {
  code: "WV308",
  severity: "warning",
  message: "State `void` cannot be reached from `draft`",
  file: "app/domain/invoice.entity.yaml",
  line: 5,
  column: 3,
};

export const noSchemaLine: Diagnostic = {
  code: "WV107",
  severity: "info",
  message: "no modeline",
  file: "app/weave.yaml",
  line: 1,
  column: 1,
};

/** A report over the given diagnostics with sources in memory and no colour. */
export function reportOf(diagnostics: readonly Diagnostic[], overrides: Partial<Report> = {}): Report {
  const sources: Record<string, string> = { "app/domain/invoice.entity.yaml": invoiceSource };
  return {
    diagnostics,
    cwd: "/work/repo",
    warningsFail: false,
    color: false,
    readSource: (file) => sources[file],
    ...overrides,
  };
}
