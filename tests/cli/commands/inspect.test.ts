/**
 * `weave inspect` in process on the invoicing example: text with file:line, --json equal to
 * inspectModel, the one-argument forms, and usage errors with suggestions.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { inspectGenerated, inspectModel } from "../../../compiler/generators/inspect/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { invoicingIr } from "../../runtime/write/fixture.ts";
import { repoRoot, weave } from "../temp-app.ts";

let ir: IR;
beforeAll(async () => {
  ir = await invoicingIr();
});

describe("weave inspect", () => {
  test("an entity: columns, routes, policies and fields, with where each was written", async () => {
    const { code, out } = await weave(repoRoot, ["inspect", "examples/invoicing", "Customer"]);
    expect(code).toBe(0);
    expect(out).toStartWith("entity Customer (Customer)  examples/invoicing/domain/customer.entity.yaml:2:1\n  table customers, one tenant per row (row-level security), key code\n");
    expect(out).toContain("\ncolumns:\n  id uuid  (from Customer.id)\n      primary key customers_pkey\n");
    expect(out).toMatch(/\n  GET +\/api\/customers\/by-key\/\{code\} +getCustomerByKey +reads one record by its key\n/);
    expect(out).toContain("\n  delete: $isAdmin  (examples/invoicing/domain/customer.entity.yaml:83:11)\n");
    expect(out).toContain("\n  email read: $isBilling  (examples/invoicing/domain/customer.entity.yaml:85:20)\n");
    expect(out).toMatch(/\n  address +embedded +weave-input-embedded +examples\/invoicing\/domain\/customer\.entity\.yaml:\d+:3\n/);
  });

  test("a field: its column, the routes that carry it, its policies and its widget", async () => {
    const { code, out } = await weave(repoRoot, ["inspect", "examples/invoicing", "Invoice.status"]);
    expect(code).toBe(0);
    expect(out).toStartWith("field Invoice.status: state (Status)  examples/invoicing/domain/invoice.entity.yaml:27:3\n");
    expect(out).toContain("  status text  (from Invoice.status)\n      not null\n      default 'draft'\n");
    expect(out).toMatch(/\n  POST +\/api\/invoices\/\{id\}\/transitions\/pay +payInvoice +moves it: transition pay\n/);
    expect(out).toContain("  transition void: $isAdmin  (examples/invoicing/domain/invoice.entity.yaml:139:16)\n");
    expect(out).toEndWith("\nwidget: weave-input-select (the widget for state fields)\n");
  });

  test("--json prints what inspectModel returns", async () => {
    const { code, out } = await weave(repoRoot, ["inspect", "examples/invoicing", "Invoice.lines", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(inspectModel(ir, "Invoice.lines"))));
  });

  test("one argument is the app folder when it is a folder, else the element in the current folder", async () => {
    const overview = await weave(repoRoot, ["inspect", "examples/invoicing"]);
    expect(overview.out).toStartWith("app invoicing  (examples/invoicing/weave.yaml:");
    expect(overview.out).toMatch(/\n  InvoiceLine +table invoice_lines, \d+ fields, \d+ routes/);
    const inApp = await weave(`${repoRoot}/examples/invoicing`, ["inspect", "Product.sku"]);
    expect(inApp.code).toBe(0);
    expect(inApp.out).toStartWith("field Product.sku: string (SKU)  domain/product.entity.yaml:");
  });

  test("an unknown element is a usage error with a suggestion (exit 2)", async () => {
    const { code, err } = await weave(repoRoot, ["inspect", "examples/invoicing", "Invoce"]);
    expect(code).toBe(2);
    expect(err).toBe("weave inspect: no entity Invoce in invoicing (did you mean Invoice?); valid: Customer, Invoice, InvoiceLine, Payment, Product\n");
    expect((await weave(repoRoot, ["inspect", "examples/invoicing", "Invoice.stat"])).err).toContain("(did you mean Invoice.status?)");
  });

  test("--help explains the arguments and the development route", async () => {
    const { code, out } = await weave(repoRoot, ["inspect", "--help"]);
    expect(code).toBe(0);
    for (const text of ["Entity[.field]", "--json", "/api/_inspect", "--generated", "?generated="]) expect(out).toContain(text);
  });

  test("--generated: the model element that made a column, route or operation, with file:line:col", async () => {
    const column = await weave(repoRoot, ["inspect", "examples/invoicing", "--generated", "invoices.customer_id"]);
    expect(column.code).toBe(0);
    expect(column.out).toBe("column invoices.customer_id\n  <- field Invoice.customer  examples/invoicing/domain/invoice.entity.yaml:20:3\n     stores it\n");
    const route = await weave(`${repoRoot}/examples/invoicing`, ["inspect", "--generated", "POST /api/invoices/{id}/transitions/send"]);
    expect(route.out).toBe("route POST /api/invoices/{id}/transitions/send\n  <- transition Invoice.lifecycle.send  domain/invoice.entity.yaml:113:7\n     runs the transition send of lifecycle\n");
  });

  test("--generated --json prints what inspectGenerated returns; nothing by that name is a usage error", async () => {
    const { code, out } = await weave(repoRoot, ["inspect", "examples/invoicing", "--generated", "sendInvoice", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(inspectGenerated(ir, "sendInvoice"))));
    const missing = await weave(repoRoot, ["inspect", "examples/invoicing", "--generated", "nope"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("weave inspect: nothing generated is named nope; try for example: customers, customers.code, GET /api/customers/{id}, getCustomer, weave-input-date\n");
    expect((await weave(repoRoot, ["inspect", "examples/invoicing", "Invoice", "--generated", "x"])).code).toBe(2);
  });
});
