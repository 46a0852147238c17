/**
 * getRecord and getRecordByKey on the invoicing example, on PGlite and on Postgres.
 */
import { beforeAll, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { getRecord, getRecordByKey } from "../../../runtime/query/index.ts";
import type { RequestContext } from "../../../runtime/server/context.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { applyInvoicing, contextFor, expectProblem, params, TENANT_B } from "./fixtures.ts";
import { seedInvoicing, type Seeded } from "./invoicing-seed.ts";

forEachDatabase("getRecord", (target) => {
  let ir: IR;
  let seeded: Seeded;
  let ctx: RequestContext;

  beforeAll(async () => {
    ir = await applyInvoicing(target);
    seeded = await seedInvoicing(target);
    ctx = contextFor(target, ir);
  });

  test("by id, with includes and a sparse fieldset", async () => {
    const invoice = await getRecord(ctx, "Invoice", seeded.invoices["0001"]!, params("include=customer,lines,payments&fields=number,balance"));
    expect(invoice).toEqual({
      id: seeded.invoices["0001"],
      number: "INV-2026-0001",
      balance: "362.91",
      _can: expect.any(Object),
      _included: {
        customer: expect.objectContaining({ code: "acme" }),
        // Lines sort by position, which these leave empty: their order is the id's.
        lines: expect.arrayContaining([expect.objectContaining({ description: "Consulting" }), expect.objectContaining({ description: "Hosting" })]),
        payments: [expect.objectContaining({ amount: "100.00" })],
      },
    });
  });

  test("an id in upper case finds the record", async () => {
    expect((await getRecord(ctx, "Customer", seeded.customers.acme!.toUpperCase(), params(""))).code).toBe("acme");
  });

  test("by key, within the tenant (tenant B has an INV-2026-0001 too)", async () => {
    expect((await getRecordByKey(ctx, "Invoice", ["INV-2026-0001"], params(""))).id).toBe(seeded.invoices["0001"]);
    const b = contextFor(target, ir, { tenantId: TENANT_B });
    expect((await getRecordByKey(b, "Invoice", ["INV-2026-0001"], params("fields=notes"))).notes).toBe("hosting elsewhere");
    expect((await getRecordByKey(ctx, "Product", ["HOST-M"], params(""))).unitPrice).toBe("29.00");
  });

  test("another tenant's record is a 404", async () => {
    await expectProblem(getRecord(ctx, "Invoice", seeded.otherTenant.invoice, params("")), 404, undefined, /no Invoice with id/);
    await expectProblem(getRecordByKey(ctx, "Customer", ["nobody"], params("")), 404, undefined, /no Customer with code nobody/);
  });

  const bad: [string, { run: () => Promise<unknown>; status: number; path?: string }][] = [
    ["a malformed id", { run: () => getRecord(ctx, "Invoice", "42", params("")), status: 404 }],
    ["a list parameter", { run: () => getRecord(ctx, "Invoice", seeded.invoices["0001"]!, params("sort=number")), status: 400, path: "/sort" }],
    ["an unknown include", { run: () => getRecord(ctx, "Invoice", seeded.invoices["0001"]!, params("include=customers")), status: 400, path: "/include" }],
    ["an unknown field", { run: () => getRecordByKey(ctx, "Invoice", ["INV-2026-0001"], params("fields=totl")), status: 400, path: "/fields" }],
    ["too many key values", { run: () => getRecordByKey(ctx, "Invoice", ["INV-2026-0001", "x"], params("")), status: 404 }],
    ["a parameter twice", { run: () => getRecord(ctx, "Invoice", seeded.invoices["0001"]!, params("fields=number&fields=due")), status: 400, path: "/fields" }],
    ["no tenant", { run: () => getRecord(contextFor(target, ir, { tenantId: null }), "Invoice", seeded.invoices["0001"]!, params("")), status: 400, path: "/headers/X-Weave-Tenant" }],
  ];
  for (const [name, { run, status, path }] of bad) test(`${name} is a ${status}`, () => expectProblem(run(), status, path).then(() => {}));
});
