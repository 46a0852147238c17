/**
 * The OpenAPI document of the invoicing example: valid OpenAPI 3.1 (by @readme/openapi-parser),
 * deterministic, describing exactly the routes of `routeTable`, and equal to the reviewed fixture.
 *
 * Regenerate the fixture after an intended change with
 * `UPDATE_FIXTURES=1 bun test tests/compiler/generators/openapi`, and review its diff.
 */
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateOpenApi, type OpenApiDocument, routeTable } from "../../../../compiler/generators/openapi/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { compileApp } from "../../../../compiler/index.ts";
import { loadSpec, repoRoot } from "../../../helpers/spec-app.ts";
import { KITCHEN_SINK } from "./kitchen-sink.ts";

const FIXTURE = join(import.meta.dir, "fixtures/invoicing.openapi.json");
const METHODS = ["get", "post", "patch", "delete", "put", "head", "options", "trace"];

let ir: IR;
let doc: OpenApiDocument;

beforeAll(async () => {
  const result = await compileApp(join(repoRoot, "examples/invoicing"));
  if (!result.ir) throw new Error("the invoicing example does not compile");
  ir = result.ir;
  doc = generateOpenApi(ir);
});

/** Validates a copy: the parser dereferences the object it is given. */
async function expectValid(document: OpenApiDocument): Promise<void> {
  const result = await validate(structuredClone(document) as never);
  if (!result.valid) throw new Error(compileErrors(result));
  expect(result.warnings).toEqual([]);
}

function operations(document: OpenApiDocument): { method: string; path: string; operation: Record<string, unknown> }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation: operation as Record<string, unknown> })),
  );
}

describe("the invoicing document", () => {
  test("is valid OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    await expectValid(doc);
  });

  test("the validator does catch a broken document", async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { operationId: string }>> };
    broken.paths["/api/invoices"]!.get!.operationId = "getInvoice";
    const result = await validate(broken as never);
    expect(result.valid).toBe(false);
  });

  test("is deterministic: two compilations give the same bytes", async () => {
    const again = await compileApp(join(repoRoot, "examples/invoicing"));
    expect(JSON.stringify(generateOpenApi(again.ir!))).toBe(JSON.stringify(doc));
  });

  test("lists exactly the routes of routeTable, with their operation ids", () => {
    const fromDoc = operations(doc).map((o) => `${o.method} ${o.path} ${o.operation.operationId}`).sort();
    const fromTable = routeTable(ir).map((r) => `${r.method} ${r.openApiPath} ${r.operationId}`).sort();
    expect(fromDoc).toEqual(fromTable);
  });

  test("has the paths the API contract names, and no others", () => {
    const paths = Object.keys(doc.paths).sort();
    expect(paths).toEqual(
      [
        "/api/openapi.json", "/api/docs", "/api/_events", "/api/_audit", "/api/_meta", "/health", "/ready", "/metrics",
        "/api/auth/register", "/api/auth/login", "/api/auth/logout", "/api/auth/me", "/api/auth/magic-link",
        "/api/auth/magic-link/redeem", "/api/auth/tokens", "/api/auth/tokens/{id}", "/api/auth/tenant",
        "/api/_tenants", "/api/_tenants/{tenant}/members", "/api/_tenants/{tenant}/members/{user}", "/api/_users", "/api/_users/{id}",
        "/api/customers", "/api/customers/{id}", "/api/customers/by-key/{code}", "/api/customers/{id}/invoices",
        "/api/invoices", "/api/invoices/{id}", "/api/invoices/by-key/{number}", "/api/invoices/{id}/lines", "/api/invoices/{id}/payments",
        "/api/invoices/{id}/transitions/send", "/api/invoices/{id}/transitions/pay", "/api/invoices/{id}/transitions/void",
        "/api/invoices/{id}/actions/duplicate", "/api/invoices/actions/remind-overdue",
        "/api/invoice-lines", "/api/invoice-lines/{id}",
        "/api/payments", "/api/payments/{id}",
        "/api/products", "/api/products/{id}", "/api/products/by-key/{sku}",
        "/api/query", "/api/queries/invoicesByStatus", "/api/queries/openByCustomer", "/api/queries/overdueInvoices", "/api/queries/revenueByMonth",
      ].sort(),
    );
  });

  test("info comes from the app", () => {
    expect(doc.info).toEqual({ title: "Invoicing", version: "0.1.0", description: ir.app.description! });
    expect(doc.servers).toBeUndefined();
    expect(generateOpenApi(ir, { serverUrl: "http://localhost:3000" }).servers).toEqual([{ url: "http://localhost:3000" }]);
  });

  test("every error response is problem+json", () => {
    for (const response of Object.values(doc.components.responses)) {
      expect(Object.keys(response.content as object)).toEqual(["application/problem+json"]);
    }
    for (const { operation } of operations(doc)) {
      for (const [status, response] of Object.entries(operation.responses as Record<string, Record<string, unknown>>)) {
        if (Number(status) >= 400) expect(String(response.$ref)).toStartWith("#/components/responses/");
      }
    }
  });

  test("tenant entities' operations carry the tenancy header; writes If-Match or Idempotency-Key", () => {
    const params = (path: string, method: string) => (doc.paths[path]![method]!.parameters as { $ref?: string; name?: string }[]).map((p) => p.$ref ?? p.name);
    expect(params("/api/invoices", "get")).toContain("#/components/parameters/weave.tenant");
    expect(doc.components.parameters["weave.tenant"]).toMatchObject({ name: "X-Weave-Tenant", in: "header", required: true });
    expect(params("/api/invoices/{id}", "patch")).toContain("#/components/parameters/weave.ifMatch");
    expect(params("/api/invoices/{id}", "delete")).toContain("#/components/parameters/weave.ifMatch");
    expect(params("/api/invoices", "post")).toContain("#/components/parameters/weave.idempotencyKey");
    expect(params("/api/invoices/{id}/transitions/send", "post")).toContain("#/components/parameters/weave.idempotencyKey");
  });

  test("list parameters: filter as deepObject, sort and include as comma lists, page size bounded, q only with search", () => {
    const p = doc.components.parameters;
    expect(p["Invoice.filter"]).toMatchObject({ name: "filter", in: "query", style: "deepObject", explode: true });
    expect(Object.keys((p["Invoice.filter"]!.schema as { properties: object }).properties)).toContain("customer.name");
    expect(p["Invoice.sort"]).toMatchObject({ name: "sort", style: "form", explode: false });
    expect(p["Invoice.include"]).toMatchObject({ schema: { items: { enum: ["customer", "lines", "payments"] } } });
    expect(p["Invoice.pageSize"]).toMatchObject({ name: "page[size]", schema: { maximum: 100, default: 25 } });
    expect(generateOpenApi(ir, { maxPageSize: 20 }).components.parameters["Invoice.pageSize"]).toMatchObject({ schema: { maximum: 20, default: 20 } });
    expect(p["Invoice.q"]).toMatchObject({ name: "q" });
  });

  test("matches the reviewed fixture", () => {
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_FIXTURES) writeFileSync(FIXTURE, text);
    expect(text).toBe(readFileSync(FIXTURE, "utf8"));
  });
});

describe("a model with every field type", () => {
  test("gives a valid document that lists exactly its routes", async () => {
    const { ir: sink } = await loadSpec(KITCHEN_SINK);
    const document = generateOpenApi(sink);
    await expectValid(document);
    const fromDoc = operations(document).map((o) => `${o.method} ${o.path} ${o.operation.operationId}`).sort();
    expect(fromDoc).toEqual(routeTable(sink).map((r) => `${r.method} ${r.openApiPath} ${r.operationId}`).sort());
  });

  test("an app without tenancy has no tenancy header", async () => {
    const { ir: plain } = await loadSpec({
      "weave.yaml": "weave: 0\napp: plain\n",
      "domain/note.entity.yaml": "entity: Note\nfields:\n  text: { type: text }\npolicies:\n  read: \"true\"\n",
    });
    const document = generateOpenApi(plain);
    await expectValid(document);
    expect(document.components.parameters["weave.tenant"]).toBeUndefined();
    expect(JSON.stringify(document)).not.toContain("X-Weave-Tenant");
  });
});
