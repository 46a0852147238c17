/**
 * `weave inspect` as text for a person: one section per kind of output, each element with the
 * file:line it came from (relative to the working directory, so a terminal can open it).
 */
import { join } from "node:path";
import type { GeneratedResult, InspectColumn, InspectPolicy, InspectResult, InspectRoute } from "../../compiler/generators/inspect/index.ts";
import type { Origin } from "../../compiler/ir/index.ts";
import { displayPath } from "../app-dir.ts";

type Where = (origin: Origin) => string;

/**
 * The text of an inspect result.
 *
 * @example inspectText(inspectModel(ir, "Invoice"), "/repo/examples/invoicing", "/repo");
 */
export function inspectText(result: InspectResult, dir: string, cwd: string): string {
  const where: Where = (o) => `${displayPath(join(dir, o.file), cwd)}:${o.line}:${o.column}`;
  if (result.kind === "app") return appText(result, where);
  if (result.kind === "entity") return entityText(result, where);
  return fieldText(result, where);
}

/**
 * The text of a reverse lookup: each generated element, the model element it came from and where.
 *
 * @example generatedText(inspectGenerated(ir, "sendInvoice"), dir, cwd)
 *   // "operation sendInvoice\n  <- transition Invoice.lifecycle.send  domain/invoice.entity.yaml:113:7\n     runs the transition send\n"
 */
export function generatedText(result: GeneratedResult, dir: string, cwd: string): string {
  return result.matches
    .map((m) => `${m.generated.kind} ${m.generated.name}\n  <- ${m.element.kind} ${m.element.name}  ${displayPath(join(dir, m.element.origin.file), cwd)}:${m.element.origin.line}:${m.element.origin.column}\n     ${m.why}\n`)
    .join("");
}

function appText(result: Extract<InspectResult, { kind: "app" }>, where: Where): string {
  const width = Math.max(...result.entities.map((e) => e.name.length));
  const lines = result.entities.map((e) => `  ${e.name.padEnd(width)}  table ${e.table}, ${e.fields} fields, ${e.routes} routes  (${where(e.origin)})`);
  return [`app ${result.app}  (${where(result.origin)})`, "", "entities:", ...lines, "", "Inspect one with 'weave inspect <Entity>' or 'weave inspect <Entity.field>'.", ""].join("\n");
}

function entityText(r: Extract<InspectResult, { kind: "entity" }>, where: Where): string {
  const e = r.entity;
  const p = r.policies;
  return [
    `entity ${e.name} (${e.label})  ${where(e.origin)}`,
    `  table ${e.table}${e.tenant ? ", one tenant per row (row-level security)" : ""}${e.key.length ? `, key ${e.key.join(", ")}` : ""}`,
    "",
    "columns:",
    ...columnLines(r.columns),
    "",
    "routes:",
    ...routeLines(r.routes),
    "",
    "policies:",
    ...(["read", "create", "update", "delete"] as const).map((op) => policyLine(op, p[op], where)),
    ...Object.entries(p.fields).flatMap(([field, fp]) => [policyLine(`${field} read`, fp.read, where, true), policyLine(`${field} write`, fp.write, where, true)].filter(Boolean)),
    ...Object.entries(p.transitions).map(([name, tp]) => policyLine(`transition ${name}`, tp, where)),
    ...Object.entries(p.actions).map(([name, ap]) => policyLine(`action ${name}`, ap, where)),
    "",
    "fields:",
    ...table(r.fields.map((f) => [f.name, f.type, f.widget ?? "(listed, not edited)", where(f.origin)])),
    "",
  ].join("\n");
}

function fieldText(r: Extract<InspectResult, { kind: "field" }>, where: Where): string {
  const f = r.field;
  const p = r.policies;
  return [
    `field ${r.entity.name}.${f.name}: ${f.type} (${f.label})  ${where(f.origin)}`,
    `  stored as ${f.storage}${f.required ? ", required" : ""}${f.computed ? `, computed: ${f.computed}` : ""}`,
    "",
    "columns:",
    ...(r.columns.length ? columnLines(r.columns) : ["  none: it is not stored in the entity's table"]),
    "",
    "routes:",
    ...(r.routes.length ? routeLines(r.routes) : ["  none"]),
    "",
    "policies:",
    policyLine("read (the entity's)", p.read, where),
    policyLine("create (the entity's)", p.create, where),
    policyLine("update (the entity's)", p.update, where),
    policyLine("field read", p.fieldRead, where, true),
    policyLine("field write", p.fieldWrite, where, true),
    ...Object.entries(p.transitions ?? {}).map(([name, tp]) => policyLine(`transition ${name}`, tp, where)),
    "",
    `widget: ${r.widget.tag ?? "none"} (${r.widget.why})`,
    "",
  ].filter((line) => line !== "").join("\n").replace(/\n(columns|routes|policies|widget):/g, "\n\n$1:") + "\n";
}

function columnLines(columns: readonly InspectColumn[]): string[] {
  return columns.flatMap((c) => [`  ${c.name} ${c.type}${c.source.includes(".") ? `  (from ${c.source})` : ""}`, ...c.constraints.map((k) => `      ${k}`)]);
}

function routeLines(routes: readonly InspectRoute[]): string[] {
  return table(routes.map((r) => [r.method, r.path, r.operationId, r.why]));
}

/** A policy line; with `optional`, an empty string for a policy that is not written (nothing narrows). */
function policyLine(what: string, policy: InspectPolicy, where: Where, optional = false): string {
  if (!policy) return optional ? "" : `  ${what}: denied (no policy: deny by default)`;
  return `  ${what}: ${policy.expression}  (${where(policy.origin)})`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]!.length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ")}`);
}
