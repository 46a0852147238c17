/**
 * The query layer on the invoicing example, on PGlite and on Postgres: saved queries checked
 * against hand-written SQL on seeded rows, their params and `allow`; queries sent as JSON through
 * `app.handle` (model checks, field policies, tenants through joins and aggregates); the exact SQL
 * and parameters of compiled queries; and the dashboards `/api/_meta` gives each role.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { compileQuery, runSavedQuery, type QueryJson } from "../../../runtime/queries/index.ts";
import { entityNamed } from "../../../runtime/records/record-fields.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { applyInvoicing, contextFor, expectProblem, invoicingDir, TENANT_A, TENANT_B, USER_1 } from "../query/fixtures.ts";
import { seedInvoicing } from "../query/invoicing-seed.ts";

forEachDatabase("queries", (target) => {
  let ir: IR;
  let server: WeaveServer;
  const billing = () => contextFor(target, ir, { tenantRoles: ["billing"] });
  const viewer = () => contextFor(target, ir, { tenantRoles: ["viewer"] });
  const call = async (method: string, path: string, roles: string, body?: unknown, tenant = TENANT_A) => {
    const headers: Record<string, string> = { [ir.app.tenancy.header]: tenant, "x-weave-user": USER_1, "x-weave-tenant-roles": roles };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await server.app.handle(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    return { status: response.status, body: (await response.json()) as any };
  };
  const hand = async (text: string, tenant = TENANT_A) => (await target.asApp({ tenantId: tenant }, (trx) => sql.raw(text).execute(trx))).rows as Record<string, unknown>[];

  beforeAll(async () => {
    ir = await applyInvoicing(target);
    await seedInvoicing(target);
    server = createServer(ir, { database: target.database, devIdentity: true, log: false, appDir: invoicingDir });
  });

  describe("saved queries give what hand-written SQL gives", () => {
    test("revenueByMonth", async () => {
      const want = await hand(`select to_char(date_trunc('month', issued), 'YYYY-MM-DD') as month, sum(total)::text as revenue, count(*)::int as invoices from invoices where status = 'paid' group by 1 order by 1`);
      expect((await runSavedQuery(billing(), "revenueByMonth", new URLSearchParams())).data).toEqual(want);
    });
    test("invoicesByStatus", async () => {
      const want = await hand(`select status, count(*)::int as invoices from invoices group by 1 order by 1`);
      expect((await runSavedQuery(viewer(), "invoicesByStatus", new URLSearchParams())).data).toEqual(want);
    });
    test("openByCustomer, with its having param", async () => {
      const balance = `i.total - coalesce((select sum(p.amount) from payments p where p.invoice_id = i.id), 0)`;
      const want = await hand(`select c.name as customer, sum(${balance})::text as open, count(*)::int as invoices from invoices i left join customers c on c.id = i.customer_id where i.status = 'sent' group by 1 having sum(${balance}) >= 400 order by 2 desc`);
      const got = await runSavedQuery(billing(), "openByCustomer", new URLSearchParams("minBalance=400"));
      expect(got.data).toEqual(want);
      expect(got.data.length).toBe(1);
    });
    test("overdueInvoices as of a date", async () => {
      const want = await hand(`select i.number from invoices i where i.status = 'sent' and i.due < '2026-02-15' order by i.due, i.id`);
      const got = await runSavedQuery(billing(), "overdueInvoices", new URLSearchParams("asOf=2026-02-15"));
      expect(got.data.map((r) => r.number)).toEqual(want.map((r) => r.number));
      expect(Object.keys(got.data[0]!)).toEqual(["id", "number", "customer.name", "total", "due"]);
    });
  });

  describe("params and allow", () => {
    test("a bad value is a 400 naming the param", async () => {
      const { status, body } = await call("GET", "/api/queries/overdueInvoices?asOf=2026-02-30", "billing");
      expect(status).toBe(400);
      expect(body.errors).toEqual([{ path: "/asOf", message: '"2026-02-30" is not a date (YYYY-MM-DD)', code: "invalidValue" }]);
    });
    test("an unknown param is a 400 naming it", async () => {
      const { status, body } = await call("GET", "/api/queries/overdueInvoices?since=2026-01-01", "billing");
      expect(status).toBe(400);
      expect(body.errors[0].path).toBe("/since");
    });
    test("viewers may not run overdueInvoices (its allow): 403", async () => {
      expect((await call("GET", "/api/queries/overdueInvoices", "viewer")).status).toBe(403);
      expect((await call("GET", "/api/queries/overdueInvoices", "billing")).status).toBe(200);
    });
    test("a saved query runs in the caller's tenant only", async () => {
      const { body } = await call("GET", "/api/queries/invoicesByStatus", "viewer", undefined, TENANT_B);
      expect(body.data).toEqual([{ status: "draft", invoices: 1 }]);
    });
    test("columns say how their values read: money with its currency, states with their labels", async () => {
      const { body } = await call("GET", "/api/queries/invoicesByStatus", "billing");
      const status = body.columns.find((c: { name: string }) => c.name === "status");
      expect(status.values).toContainEqual({ value: "draft", label: "Draft" });
      const ran = await call("POST", "/api/query", "billing", { from: "Invoice", groupBy: [{ field: "status" }], select: [{ field: "status" }, { agg: "sum", field: "total", as: "amount" }] });
      expect(ran.status).toBe(200);
      expect(ran.body.columns.find((c: { name: string }) => c.name === "amount")).toMatchObject({ type: "money", currency: "EUR" });
    });
    test("an unknown query is a 404", async () => {
      expect((await call("GET", "/api/queries/nope", "billing")).status).toBe(404);
    });
  });

  describe("POST /api/query", () => {
    const run = (body: unknown, roles = "billing", tenant = TENANT_A) => call("POST", "/api/query", roles, body, tenant);
    const cases: [string, { given: unknown; path: string; message: RegExp }][] = [
      ["unknown entity", { given: { from: "Invoise" }, path: "/from", message: /unknown entity Invoise/ }],
      ["unknown path", { given: { from: "Invoice", select: [{ field: "customer.nam" }] }, path: "/select/0", message: /Customer has no field nam/ }],
      ["unknown operator", { given: { from: "Invoice", where: { left: { field: "total" }, op: "like", value: "1" } }, path: "/where/op", message: /unknown operator "like"/ }],
      ["operator that does not fit", { given: { from: "Invoice", where: { left: { field: "total" }, op: "contains", value: "1" } }, path: "/where/op", message: /contains needs text/ }],
      ["bad value", { given: { from: "Invoice", where: { left: { field: "due" }, op: "lt", value: "soon" } }, path: "/where/value", message: /not a date/ }],
      ["sum of text", { given: { from: "Invoice", select: [{ agg: "sum", field: "number" }] }, path: "/select/0/field", message: /sum needs a number/ }],
      ["to-many path without a join", { given: { from: "Customer", select: [{ agg: "sum", field: "invoices.total" }] }, path: "/select/0/field", message: /join it first/ }],
      ["plain column in a grouped query", { given: { from: "Invoice", select: [{ field: "number" }, { agg: "count" }] }, path: "/select/0", message: /neither grouped nor aggregated/ }],
      ["aggregate in where", { given: { from: "Invoice", where: { left: { agg: "count" }, op: "gt", value: 1 } }, path: "/where/left", message: /use having/ }],
      ["injection in a name", { given: { from: "Invoice", select: [{ field: 'total"; drop table invoices; --' }] }, path: "/select/0/field", message: /must be a name/ }],
    ];
    test.each(cases)("400: %s", async (_, { given, path, message }) => {
      const { status, body } = await run(given);
      expect(status).toBe(400);
      expect(body.errors.some((e: { path: string; message: string }) => e.path === path && message.test(e.message))).toBe(true);
    });

    test("results match hand-written SQL: revenue per customer through a join, ranked", async () => {
      const query: QueryJson = {
        from: "Customer",
        join: [{ relation: "invoices" }],
        where: { left: { field: "invoices.status" }, op: "in", value: ["sent", "paid"] },
        select: [{ field: "name" }, { agg: "sum", field: "invoices.total", as: "revenue" }, { window: "rank", orderBy: [{ by: { agg: "sum", field: "invoices.total" }, desc: true }], as: "place" }],
        groupBy: [{ field: "name" }],
        orderBy: [{ by: { column: "revenue" }, desc: true }],
      };
      const want = await hand(`select c.name, sum(i.total)::text as revenue, (rank() over (order by sum(i.total) desc))::int as place from customers c join invoices i on i.customer_id = c.id where i.status in ('sent', 'paid') group by c.name order by sum(i.total) desc`);
      expect((await run(query)).body.data).toEqual(want);
    });

    test("a running sum over an order", async () => {
      const query = { from: "Invoice", select: [{ field: "number" }, { window: "sum", of: { field: "total" }, orderBy: [{ by: { field: "number" } }], as: "running" }], orderBy: [{ by: { field: "number" } }] };
      const want = await hand(`select number, (sum(total) over (order by number rows between unbounded preceding and current row))::text as running from invoices order by number`);
      expect((await run(query)).body.data).toEqual(want);
    });

    test("joins and aggregates stay in the tenant", async () => {
      const query = { from: "Customer", join: [{ relation: "invoices" }], select: [{ agg: "count" }, { agg: "sum", field: "invoices.subtotal", as: "subtotal" }] };
      expect((await run(query, "viewer", TENANT_B)).body.data).toEqual([{ count: 1, subtotal: "99.00" }]);
      const [a] = await hand(`select count(*)::int as count, sum(i.subtotal)::text as subtotal from customers c join invoices i on i.customer_id = c.id`);
      expect((await run(query, "viewer", TENANT_A)).body.data).toEqual([a]);
    });

    test("a field the caller may not read: absent when selected, refused elsewhere", async () => {
      const selected = await run({ from: "Invoice", select: [{ field: "number" }, { field: "customer.email" }], limit: 1 }, "viewer");
      expect(selected.body.columns.map((c: { name: string }) => c.name)).toEqual(["number"]);
      expect(Object.keys(selected.body.data[0])).toEqual(["number"]);
      const billingSees = await run({ from: "Invoice", select: [{ field: "number" }, { field: "customer.email" }], limit: 1 }, "billing");
      expect(billingSees.body.columns.map((c: { name: string }) => c.name)).toEqual(["number", "customer.email"]);
      const filtered = await run({ from: "Customer", where: { left: { field: "email" }, op: "startsWith", value: "billing" } }, "viewer");
      expect(filtered.status).toBe(400);
      expect(filtered.body.errors[0]).toMatchObject({ path: "/where/left", code: "fieldRead" });
      const grouped = await run({ from: "Customer", select: [{ agg: "count", field: "email" }] }, "viewer");
      expect(grouped.status).toBe(400);
    });

    test("explain gives the SQL, its parameters and the plan (development only)", async () => {
      const { body } = await call("POST", "/api/query?explain=true", "billing", { from: "Invoice", select: [{ agg: "count" }] });
      expect(body.sql).toStartWith('select count(*) as "count" from "invoices" "q0"');
      expect(body.plan).toBeArray();
    });
  });

  describe("compiled SQL", () => {
    const cases: [string, { given: Omit<QueryJson, "from"> & { from?: string }; sql: string; parameters: unknown[] }][] = [
      ["count by status", {
        given: { select: [{ field: "status" }, { agg: "count" }], groupBy: [{ field: "status" }] },
        sql: 'select "q0"."status" as "status", count(*) as "count" from "invoices" "q0" where "q0"."tenant_id" = $1::uuid group by 1 order by 1 limit $2::integer',
        parameters: [TENANT_A, 100],
      }],
      ["sum by month, having, ordered by alias", {
        given: { where: { left: { field: "status" }, op: "eq", value: "paid" }, select: [{ bucket: "month", field: "issued", as: "month" }, { agg: "sum", field: "total", as: "revenue" }], groupBy: [{ bucket: "month", field: "issued" }], having: { left: { agg: "sum", field: "total" }, op: "gt", value: 100 }, orderBy: [{ by: { column: "revenue" }, desc: true }] },
        sql: `select (date_trunc('month', ("q0"."issued")::timestamp))::date as "month", sum("q0"."total") as "revenue" from "invoices" "q0" where ("q0"."tenant_id" = $1::uuid) and ("q0"."status" = $2::text) group by 1 having sum("q0"."total") > $3::numeric order by "revenue" desc nulls first limit $4::integer`,
        parameters: [TENANT_A, "paid", "100", 100],
      }],
      ["a to-one path joins with the target's tenant and read policy", {
        given: { select: [{ field: "number" }, { field: "customer.name" }], where: { left: { field: "customer.name" }, op: "contains", value: "acme" }, limit: 5 },
        sql: 'select "q0"."number" as "number", "j1"."name" as "customer.name" from "invoices" "q0" left join "customers" "j1" on ("j1"."id" = "q0"."customer_id") and ("j1"."tenant_id" = $2::uuid) where ("q0"."tenant_id" = $1::uuid) and (strpos(lower("j1"."name"), lower($3::text)) > 0) order by "q0"."id" limit $4::integer',
        parameters: [TENANT_A, TENANT_A, "acme", 5],
      }],
    ];
    test.each(cases)("%s", (_, { given, sql: want, parameters }) => {
      const { statement } = compileQuery(billing(), { ...given, entity: entityNamed(ir, "Invoice"), limit: given.limit ?? 100 } as never);
      expect(statement.sql).toBe(want);
      expect(statement.parameters).toEqual(parameters);
    });
  });

  describe("dashboards in /api/_meta", () => {
    test("billing sees every widget; a viewer only those whose query they may run", async () => {
      const widgets = async (roles: string) => (await call("GET", "/api/_meta", roles)).body.dashboards.flatMap((d: { widgets: { name: string }[] }) => d.widgets.map((w) => w.name));
      expect(await widgets("billing")).toEqual(["revenue", "byStatus", "openBalances", "overdue"]);
      expect(await widgets("viewer")).toEqual(["byStatus"]);
    });
    test("a widget carries the URL of its rows, which answers", async () => {
      const [dashboard] = (await call("GET", "/api/_meta", "billing")).body.dashboards;
      const revenue = dashboard.widgets[0];
      expect(revenue).toMatchObject({ type: "line", query: "revenueByMonth", x: "month", y: ["revenue"], span: 4, path: "/api/queries/revenueByMonth" });
      expect((await call("GET", revenue.path, "billing")).status).toBe(200);
    });
  });

  test("expectProblem helper stays usable here", async () => {
    await expectProblem(runSavedQuery(viewer(), "revenueByMonth", new URLSearchParams()), 403);
  });
});
