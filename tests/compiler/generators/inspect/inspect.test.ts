/**
 * inspectModel on the invoicing example: the overview, an entity (columns with constraints,
 * routes with operation ids, policies with origins, widgets) and fields of each storage kind.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { inspectModel } from "../../../../compiler/generators/inspect/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { invoicingIr } from "../../../runtime/write/fixture.ts";

let ir: IR;
beforeAll(async () => {
  ir = await invoicingIr();
});

const found = (element?: string) => {
  const result = inspectModel(ir, element);
  if ("error" in result) throw new Error(result.error);
  return result as any;
};

describe("inspectModel", () => {
  test("without an element: every entity with its table, counts and origin", () => {
    const app = found();
    expect(app.kind).toBe("app");
    expect(app.entities.map((e: any) => e.name)).toEqual(["Customer", "Invoice", "InvoiceLine", "Payment", "Product"]);
    expect(app.entities[1]).toMatchObject({ table: "invoices", origin: { file: "domain/invoice.entity.yaml", line: 2, column: 1 } });
  });

  test("an entity: columns with their constraints, every route, policies with where they were written", () => {
    const invoice = found("Invoice");
    expect(invoice.entity).toMatchObject({ name: "Invoice", table: "invoices", tenant: true, key: ["number"] });
    const number = invoice.columns.find((c: any) => c.name === "number");
    expect(number).toEqual({ name: "number", type: "text", source: "Invoice.number", constraints: ["not null", "unique invoices_key (tenant_id, number)", `check invoices_number_pattern: "number" ~ '^INV-[0-9]{4}-[0-9]{4,}$'`] });
    const customer = invoice.columns.find((c: any) => c.name === "customer_id");
    expect(customer.constraints).toContain("foreign key invoices_customer_id_fkey references customers (tenant_id, id) on delete restrict");
    expect(invoice.routes.map((r: any) => `${r.method} ${r.path} ${r.operationId}`)).toContain("POST /api/invoices/{id}/transitions/send sendInvoice");
    expect(invoice.routes).toContainEqual({ method: "GET", path: "/api/invoices/{id}/lines", operationId: "listLinesOfInvoice", why: "lists the lines of a record" });
    expect(invoice.policies.delete).toEqual({ expression: "$isAdmin && record.status == 'draft'", origin: { file: "domain/invoice.entity.yaml", line: 189, column: 11 } });
    expect(invoice.policies.transitions.void.expression).toBe("$isAdmin");
    expect(invoice.policies.actions.duplicate.expression).toBe("$isBilling");
    expect(invoice.fields.find((f: any) => f.name === "due")).toMatchObject({ type: "date", widget: "weave-input-date" });
    expect(invoice.fields.find((f: any) => f.name === "lines").widget).toBeNull();
  });

  const fields: [string, { element: string; columns: string[]; routes: string[]; widget: string | null; check?: (r: any) => void }][] = [
    ["a state field: moved by transitions, not written by create", { element: "Invoice.status", columns: ["status"], routes: ["listInvoices", "getInvoice", "getInvoiceByKey", "sendInvoice", "payInvoice", "voidInvoice"], widget: "weave-input-select" }],
    ["a ref: its foreign key column, written by create and update", { element: "Invoice.customer", columns: ["customer_id"], routes: ["listInvoices", "createInvoice", "getInvoice", "getInvoiceByKey", "updateInvoice"], widget: "weave-input-reference" }],
    ["a many relation: no column, its related list", { element: "Invoice.lines", columns: [], routes: ["getInvoice", "getInvoiceByKey", "listLinesOfInvoice"], widget: null }],
    ["a materialized computed field: kept by a trigger, never written", { element: "Invoice.subtotal", columns: ["subtotal"], routes: ["listInvoices", "getInvoice", "getInvoiceByKey"], widget: "weave-input-money", check: (r) => expect(r.columns[0].constraints).toContain("kept by trigger weave_invoices_compute") }],
    ["a field with its own read policy", { element: "Customer.email", columns: ["email"], routes: ["listCustomers", "createCustomer", "getCustomer", "getCustomerByKey", "updateCustomer"], widget: "weave-input-text", check: (r) => expect(r.policies.fieldRead.expression).toBe("$isBilling") }],
  ];
  test.each(fields)("%s", (_name, { element, columns, routes, widget, check }) => {
    const result = found(element);
    expect(result.kind).toBe("field");
    expect(result.columns.map((c: any) => c.name)).toEqual(columns);
    expect(result.routes.map((r: any) => r.operationId)).toEqual(routes);
    expect(result.widget.tag).toBe(widget);
    check?.(result);
  });

  test("an unknown entity or field is an error with the valid choices", () => {
    expect(inspectModel(ir, "Invoce")).toEqual({ error: "no entity Invoce in invoicing", choices: ["Customer", "Invoice", "InvoiceLine", "Payment", "Product"] });
    expect(inspectModel(ir, "Invoice.nope")).toMatchObject({ error: "no field nope on Invoice", choices: expect.arrayContaining(["Invoice.status"]) });
    expect(inspectModel(ir, "Invoice.status.x")).toMatchObject({ error: "no entity Invoice in invoicing" });
  });
});
