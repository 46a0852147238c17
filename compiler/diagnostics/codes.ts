/**
 * Every diagnostic code the compiler can report, with its default severity and a one-line title.
 * Codes are stable: never reuse or renumber one. spec/diagnostics.md documents each with a failing
 * and a fixed example, and tests/compiler/diagnostics/codes.test.ts has one table test per code.
 *
 * Ranges: WV1xx files and YAML, WV2xx schema validation, WV3xx names and references,
 * WV4xx expressions, WV5xx app configuration.
 */
import type { Severity } from "./diagnostic.ts";

export interface CodeInfo {
  readonly severity: Severity;
  readonly title: string;
}

export const codes = {
  // Files and YAML
  WV100: { severity: "error", title: "YAML syntax error" },
  WV101: { severity: "error", title: "Duplicate key in a YAML mapping" },
  WV102: { severity: "error", title: "A spec file must hold one YAML mapping" },
  WV103: { severity: "warning", title: "File is not a known spec file kind and is ignored" },
  WV104: { severity: "error", title: "App folder has no weave.yaml" },
  WV105: { severity: "error", title: "File cannot be read" },
  WV106: { severity: "warning", title: "Entity file name does not match the entity name" },
  WV107: { severity: "warning", title: "Spec file has no yaml-language-server $schema modeline" },
  // Schema validation
  WV200: { severity: "error", title: "Unknown key" },
  WV201: { severity: "error", title: "Missing required key" },
  WV202: { severity: "error", title: "Value has the wrong type" },
  WV203: { severity: "error", title: "Value is not one of the allowed values" },
  WV204: { severity: "error", title: "Value does not match the required pattern" },
  WV205: { severity: "error", title: "Value is out of range" },
  // Names and references
  WV300: { severity: "error", title: "Duplicate name" },
  WV301: { severity: "error", title: "Unknown entity" },
  WV302: { severity: "error", title: "Unknown field" },
  WV303: { severity: "error", title: "Relation inverse is missing or does not point back" },
  WV304: { severity: "error", title: "Reserved name" },
  WV305: { severity: "error", title: "Option does not apply to this field type" },
  WV306: { severity: "error", title: "Unknown state machine" },
  WV307: { severity: "error", title: "Unknown state" },
  WV308: { severity: "warning", title: "State cannot be reached from the initial state" },
  WV309: { severity: "error", title: "State machine has no state field" },
  WV310: { severity: "error", title: "Required references form a cycle" },
  WV311: { severity: "error", title: "Unknown role" },
  WV312: { severity: "error", title: "Unknown transition or action" },
  WV313: { severity: "error", title: "Tenant-scoped entity in an app without tenancy" },
  WV314: { severity: "error", title: "Invalid key" },
  WV315: { severity: "error", title: "Computed fields depend on each other in a cycle" },
  WV316: { severity: "error", title: "Unknown saved query" },
  WV317: { severity: "warning", title: "Locale is not in the app's supported locales" },
  WV318: { severity: "error", title: "Seed data refers to an unknown record" },
  WV319: { severity: "error", title: "Conflicting field options" },
  WV320: { severity: "error", title: "Role inheritance forms a cycle" },
  WV321: { severity: "warning", title: "Entity has no read policy and is denied to everyone" },
  WV330: { severity: "error", title: "Aggregate or bucket does not fit the field's type" },
  WV331: { severity: "error", title: "Query column is neither grouped nor aggregated" },
  WV332: { severity: "error", title: "Unknown query column" },
  WV333: { severity: "error", title: "Unknown query parameter" },
  // Expressions
  WV400: { severity: "error", title: "Expression syntax error" },
  WV401: { severity: "error", title: "Unknown name in expression" },
  WV402: { severity: "error", title: "Unknown member in expression" },
  WV403: { severity: "error", title: "Operand types do not fit the operator" },
  WV404: { severity: "error", title: "Expression has the wrong result type" },
  WV405: { severity: "error", title: "Unknown function or wrong number of arguments" },
  WV406: { severity: "error", title: "Argument has the wrong type" },
  WV407: { severity: "error", title: "Name is not available in this context" },
  WV408: { severity: "error", title: "Unknown shared rule" },
  WV409: { severity: "error", title: "Unknown permission" },
  WV410: { severity: "error", title: "Policies delegate to each other in a cycle" },
  WV411: { severity: "error", title: "Encrypted field read by the database" },
  WV412: { severity: "warning", title: "Materialized computed field aggregates rows its readers may not read" },
  // App configuration
  WV500: { severity: "warning", title: "Secret written literally in the spec" },
  WV501: { severity: "warning", title: "Supported locale has no messages file" },
  WV502: { severity: "error", title: "Referenced file does not exist" },
  WV503: { severity: "warning", title: "Per-tenant quota in an app without tenancy" },
} as const satisfies Record<string, CodeInfo>;

export type KnownCode = keyof typeof codes;
