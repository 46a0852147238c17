/**
 * inspectGenerated on the invoicing example: each kind of generated element leads back to the
 * model element that made it, with where that is written.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { inspectGenerated } from "../../../../compiler/generators/inspect/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { invoicingIr } from "../../../runtime/write/fixture.ts";

let ir: IR;
beforeAll(async () => {
  ir = await invoicingIr();
});

const INVOICE = "domain/invoice.entity.yaml";

/** `kind name <- kind name file:line:col (why)` per match, to compare at a glance. */
const lines = (thing: string) => {
  const result = inspectGenerated(ir, thing);
  if ("error" in result) throw new Error(result.error);
  return result.matches.map((m) => `${m.generated.kind} ${m.generated.name} <- ${m.element.kind} ${m.element.name} ${m.element.origin.file}:${m.element.origin.line}:${m.element.origin.column} (${m.why})`);
};

describe("inspectGenerated", () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ["a column: the field it stores", { given: "invoices.customer_id", want: [`column invoices.customer_id <- field Invoice.customer ${INVOICE}:20:3 (stores it)`] }],
    ["a system column: its entity", { given: "invoices.tenant_id", want: [`column invoices.tenant_id <- entity Invoice ${INVOICE}:2:1 (a column every Invoice row has (Invoice.tenant))`] }],
    ["a table: its entity", { given: "invoices", want: [`table invoices <- entity Invoice ${INVOICE}:2:1 (the table of Invoice)`] }],
    ["a route in OpenAPI style", { given: "GET /api/invoices/{id}", want: [`route GET /api/invoices/{id} <- entity Invoice ${INVOICE}:2:1 (reads one record: a route every entity has)`] }],
    ["a concrete path: the route it hits, the most specific template", { given: "GET /api/invoices/by-key/INV-2026-0001", want: [`route GET /api/invoices/by-key/{number} <- entity Invoice ${INVOICE}:2:1 (reads one record by its key: a route every entity has)`] }],
    ["a transition's route, Elysia style, without a method", { given: "/api/invoices/:id/transitions/send", want: [`route POST /api/invoices/{id}/transitions/send <- transition Invoice.lifecycle.send ${INVOICE}:113:7 (runs the transition send of lifecycle)`] }],
    ["an operation id", { given: "sendInvoice", want: [`operation sendInvoice <- transition Invoice.lifecycle.send ${INVOICE}:113:7 (runs the transition send of lifecycle)`] }],
    ["a related list's operation id: the relation field", { given: "listLinesOfInvoice", want: [`operation listLinesOfInvoice <- field Invoice.lines ${INVOICE}:54:3 (lists the lines of a record)`] }],
    ["a foreign key: the ref field, not the tenant column it shares", { given: "invoices_customer_id_fkey", want: [`constraint invoices_customer_id_fkey <- field Invoice.customer ${INVOICE}:20:3 (a constraint on tenant_id, customer_id)`] }],
    ["a trigger: the computed fields it keeps", { given: "weave_invoices_compute", want: [`trigger weave_invoices_compute <- field Invoice.subtotal ${INVOICE}:67:3 (a trigger on subtotal)`] }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(lines(given)).toEqual(want);
  });

  test("a widget tag: every field it edits", () => {
    const found = lines("weave-input-money");
    expect(found).toContain(`widget weave-input-money <- field Invoice.total ${INVOICE}:81:3 (the widget for money fields)`);
    expect(found.every((l) => l.startsWith("widget weave-input-money <- field "))).toBe(true);
  });

  test("a saved query's route and an action's operation", () => {
    const action = inspectGenerated(ir, "duplicateInvoice");
    expect(action).toMatchObject({ matches: [{ element: { kind: "action", name: "Invoice.duplicate", origin: { file: INVOICE } } }] });
    const route = ir.queries[0]!;
    const found = inspectGenerated(ir, `/api/queries/${route.name}`);
    expect("error" in found ? found.error : found.matches[0]!.element).toMatchObject({ kind: "query", name: route.name });
  });

  test("nothing by that name: an error with examples to ask", () => {
    expect(inspectGenerated(ir, "nope")).toEqual({ error: "nothing generated is named nope", choices: ["customers", "customers.code", "GET /api/customers/{id}", "getCustomer", "weave-input-date"] });
    expect(inspectGenerated(ir, "invoices.nope")).toMatchObject({ error: "nothing generated is named invoices.nope" });
  });
});
