/**
 * The route table: paths, kinds, lookups and operation ids, and that Elysia routes every one of
 * them to itself (no two routes shadow each other).
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { join } from "node:path";
import { type Route, routeTable } from "../../../../compiler/generators/openapi/index.ts";
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

const line = (r: Route) => `${r.method} ${r.path} ${r.operationId}`;

describe("routeTable", () => {
  test("the invoicing routes", () => {
    expect(routeTable(invoicing).map(line)).toEqual([
      "GET /api/openapi.json getOpenApiDocument",
      "GET /api/docs getApiDocs",
      "GET /api/_events streamEvents",
      "GET /api/_audit listAuditEntries",
      "GET /api/_meta getMeta",
      "POST /api/query runQuery",
      "POST /api/auth/register register",
      "POST /api/auth/login login",
      "POST /api/auth/logout logout",
      "GET /api/auth/me getMe",
      "POST /api/auth/magic-link requestMagicLink",
      "POST /api/auth/magic-link/redeem redeemMagicLink",
      "GET /api/auth/tokens listApiTokens",
      "POST /api/auth/tokens createApiToken",
      "DELETE /api/auth/tokens/:id revokeApiToken",
      "POST /api/auth/tenant switchTenant",
      "GET /api/_tenants listTenants",
      "POST /api/_tenants createTenant",
      "GET /api/_tenants/:tenant/members listMembers",
      "POST /api/_tenants/:tenant/members addMember",
      "PATCH /api/_tenants/:tenant/members/:user updateMember",
      "DELETE /api/_tenants/:tenant/members/:user removeMember",
      "GET /api/_users listUsers",
      "PATCH /api/_users/:id updateUser",
      "GET /health checkHealth",
      "GET /ready checkReady",
      "GET /metrics getMetrics",
      "GET /api/customers listCustomers",
      "POST /api/customers createCustomer",
      "GET /api/customers/:id getCustomer",
      "GET /api/customers/by-key/:code getCustomerByKey",
      "PATCH /api/customers/:id updateCustomer",
      "DELETE /api/customers/:id deleteCustomer",
      "GET /api/customers/:id/invoices listInvoicesOfCustomer",
      "GET /api/invoices listInvoices",
      "POST /api/invoices createInvoice",
      "GET /api/invoices/:id getInvoice",
      "GET /api/invoices/by-key/:number getInvoiceByKey",
      "PATCH /api/invoices/:id updateInvoice",
      "DELETE /api/invoices/:id deleteInvoice",
      "GET /api/invoices/:id/lines listLinesOfInvoice",
      "GET /api/invoices/:id/payments listPaymentsOfInvoice",
      "POST /api/invoices/:id/transitions/send sendInvoice",
      "POST /api/invoices/:id/transitions/pay payInvoice",
      "POST /api/invoices/:id/transitions/void voidInvoice",
      "POST /api/invoices/:id/actions/duplicate duplicateInvoice",
      "POST /api/invoices/actions/remind-overdue remindOverdueInvoices",
      "GET /api/invoice-lines listInvoiceLines",
      "POST /api/invoice-lines createInvoiceLine",
      "GET /api/invoice-lines/:id getInvoiceLine",
      "PATCH /api/invoice-lines/:id updateInvoiceLine",
      "DELETE /api/invoice-lines/:id deleteInvoiceLine",
      "GET /api/payments listPayments",
      "POST /api/payments createPayment",
      "GET /api/payments/:id getPayment",
      "PATCH /api/payments/:id updatePayment",
      "DELETE /api/payments/:id deletePayment",
      "GET /api/products listProducts",
      "POST /api/products createProduct",
      "GET /api/products/:id getProduct",
      "GET /api/products/by-key/:sku getProductByKey",
      "PATCH /api/products/:id updateProduct",
      "DELETE /api/products/:id deleteProduct",
      "GET /api/queries/invoicesByStatus runQueryInvoicesByStatus",
      "GET /api/queries/openByCustomer runQueryOpenByCustomer",
      "GET /api/queries/overdueInvoices runQueryOverdueInvoices",
      "GET /api/queries/revenueByMonth runQueryRevenueByMonth",
    ]);
  });

  test("routes carry what their handler needs", () => {
    const routes = routeTable(invoicing);
    const find = (id: string) => routes.find((r) => r.operationId === id);
    expect(find("sendInvoice")).toEqual({
      method: "POST", path: "/api/invoices/:id/transitions/send", openApiPath: "/api/invoices/{id}/transitions/send",
      operationId: "sendInvoice", kind: "transition", entity: "Invoice", lookup: "id", machine: "lifecycle", transition: "send",
    });
    expect(find("getInvoiceByKey")).toMatchObject({ kind: "get", lookup: "key", entity: "Invoice" });
    expect(find("listLinesOfInvoice")).toMatchObject({ kind: "related", relation: "lines", lookup: "id" });
    expect(find("remindOverdueInvoices")).toMatchObject({ kind: "action", action: "remindOverdue", scope: "collection" });
    expect(find("remindOverdueInvoices")!.lookup).toBeUndefined();
    expect(find("listAuditEntries")).toEqual({ method: "GET", path: "/api/_audit", openApiPath: "/api/_audit", operationId: "listAuditEntries", kind: "audit" });
  });

  test("an entity without id is addressed by its key; many-to-many gets a related list and a join entity", () => {
    const lines = routeTable(sink).map(line);
    expect(lines).toContain("GET /api/shifts/by-key/:agent/:day getShift");
    expect(lines).toContain("PATCH /api/shifts/by-key/:agent/:day updateShift");
    expect(lines).toContain("DELETE /api/shifts/by-key/:agent/:day deleteShift");
    expect(lines.filter((l) => l.includes("/api/shifts/:id"))).toEqual([]);
    expect(lines).toContain("GET /api/tickets/:id/labels listLabelsOfTicket");
    expect(lines).toContain("GET /api/ticket-labels-links/by-key/:ticket/:label getTicketLabelsLink");
  });

  test("tenant and user administration routes exist only with tenancy and with roles", async () => {
    const plain = (await loadSpec({ "weave.yaml": "weave: 0\napp: plain\n", "policies/roles.policy.yaml": null })).ir;
    const paths = (ir: IR) => routeTable(ir).map((r) => r.path).filter((p) => p.startsWith("/api/_tenants") || p.startsWith("/api/_users") || p === "/api/auth/tenant");
    expect(paths(plain)).toEqual([]);
    expect(paths(invoicing)).toHaveLength(9);
  });

  test("an id that would collide gets its kind as a suffix; CRUD keeps the plain names", () => {
    const lines = routeTable(sink).map(line);
    expect(lines).toContain("DELETE /api/tickets/:id deleteTicket");
    expect(lines).toContain("POST /api/tickets/:id/transitions/delete deleteTicketTransition");
    expect(lines).toContain("GET /api/tickets listTickets");
    expect(lines).toContain("POST /api/tickets/actions/list listTicketsAction");
  });

  test("operation ids and method+path pairs are unique", () => {
    for (const ir of [invoicing, sink]) {
      const routes = routeTable(ir);
      expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
      expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
    }
  });

  test("Elysia routes every path of the table to its own route", async () => {
    for (const ir of [invoicing, sink]) {
      const routes = routeTable(ir);
      const app = new Elysia();
      for (const route of routes) app.route(route.method, route.path, () => route.operationId);
      for (const route of routes) {
        const url = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => `sample-${name}`);
        const response = await app.handle(new Request(`http://localhost${url}`, { method: route.method }));
        expect(`${route.method} ${url} -> ${await response.text()}`).toBe(`${route.method} ${url} -> ${route.operationId}`);
      }
    }
  });
});
