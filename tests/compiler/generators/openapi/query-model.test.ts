/**
 * The list query model: which paths filter and sort, with which operators; include, fields,
 * search and page sizes.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { listQueryModel } from "../../../../compiler/generators/openapi/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { compileApp } from "../../../../compiler/index.ts";
import { loadSpec, repoRoot } from "../../../helpers/spec-app.ts";
import { KITCHEN_SINK } from "./kitchen-sink.ts";

let invoicing: IR;
let sink: IR;

beforeAll(async () => {
  invoicing = (await compileApp(join(repoRoot, "examples/invoicing"))).ir!;
  sink = (await loadSpec(KITCHEN_SINK)).ir;
});

describe("listQueryModel", () => {
  test.each([
    ["a string", "number", { type: "string", ops: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "contains", "startsWith", "isNull"] }],
    ["a date", "due", { type: "date", ops: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull"] }],
    ["money", "total", { type: "decimal" }],
    ["a virtual computed field", "balance", { type: "decimal" }],
    ["a state", "status", { type: "enum", values: ["draft", "sent", "paid", "void"], ops: ["eq", "ne", "in", "nin", "isNull"] }],
    ["a ref, by id", "customer", { type: "uuid", ops: ["eq", "ne", "in", "nin", "isNull"] }],
    ["across a ref", "customer.name", { type: "string" }],
    ["across a ref, into an embedded object", "customer.address.city", { type: "string" }],
    ["a system field", "createdAt", { type: "datetime" }],
    ["the version", "version", { type: "integer" }],
  ] as const)("Invoice: %s (%s)", (_name, path, want) => {
    const filter = listQueryModel(invoicing, "Invoice").filters.find((f) => f.path === path);
    expect(filter).toMatchObject({ path, ...want });
  });

  test("what is not a filter path", () => {
    const paths = listQueryModel(invoicing, "Invoice").filters.map((f) => f.path);
    for (const path of ["lines", "payments", "customer.id", "customer.invoices", "customer.customer", "lines.total", "tenantId"]) expect(paths).not.toContain(path);
    expect(paths).toContain("customer.email"); // field policies (the auth issue) narrow this per user
  });

  test("every field type (Ticket)", () => {
    const model = listQueryModel(sink, "Ticket");
    const byPath = Object.fromEntries(model.filters.map((f) => [f.path, f.type]));
    expect(byPath).toMatchObject({
      id: "serial", code: "string", body: "string", priority: "enum", points: "integer", budget: "decimal", due: "date", closedAt: "datetime",
      ref: "uuid", site: "string", contact: "string", done: "boolean", owner: "uuid", "subject.type": "enum", "subject.id": "uuid",
      "place.city": "string", doubled: "decimal", "owner.name": "string",
    });
    for (const path of ["secret", "contacts.name", "labels", "owner.tickets"]) expect(byPath[path]).toBeUndefined();
    for (const path of ["extra", "attachment", "contacts", "place", "subject"]) expect(byPath[path]).toBe("presence");
    expect(model.filters.find((f) => f.path === "extra")!.ops).toEqual(["isNull"]);
    expect(model.filters.find((f) => f.path === "subject.type")!.values).toEqual(["Agent", "Team"]);
    expect(model.filters.find((f) => f.path === "done")!.ops).toEqual(["eq", "ne", "isNull"]);
  });

  test("a ref to a serial entity filters by a serial id; the reading side of a relation keeps its target's id", async () => {
    const agent = listQueryModel(sink, "Agent").filters.map((f) => f.path);
    expect(agent).not.toContain("tickets");
    const link = listQueryModel(sink, "TicketLabelsLink").filters;
    expect(link.find((f) => f.path === "ticket")!.type).toBe("serial");
    expect(link.map((f) => f.path)).not.toContain("id");
  });

  test("sort takes the filter paths that hold a value; the default order is the list view's", () => {
    const model = listQueryModel(invoicing, "Invoice");
    expect(model.sorts).toEqual(model.filters.filter((f) => f.type !== "presence").map((f) => f.path));
    expect(model.sorts).toContain("customer.name");
    expect(model.sorts).not.toContain("customer.address");
    expect(model.defaultSort).toEqual(["-issued", "-number"]);
  });

  test("include, fields, search and page sizes", () => {
    const invoice = listQueryModel(invoicing, "Invoice");
    expect(invoice.includes).toEqual(["customer", "lines", "payments"]);
    expect(invoice.fields).toEqual([
      "id", "number", "customer", "status", "issued", "due", "taxRate", "notes", "subtotal", "tax", "total", "paidAmount", "balance", "sentAt", "paidAt",
      "createdAt", "updatedAt", "createdBy", "updatedBy", "version",
    ]);
    expect(invoice.search).toBe(true);
    expect([invoice.defaultPageSize, invoice.maxPageSize]).toEqual([25, 100]);
    expect(listQueryModel(invoicing, "InvoiceLine", { maxPageSize: 50 }).defaultPageSize).toBe(50);
    expect(listQueryModel(sink, "Team").search).toBe(false);
    expect(listQueryModel(sink, "Team").includes).toEqual([]);
  });
});
