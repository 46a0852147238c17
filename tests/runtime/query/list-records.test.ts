/**
 * listRecords on the invoicing example, on PGlite and on Postgres: every query parameter (table
 * tests, bad values included), keyset paging in every direction, batched includes, sparse fields,
 * counts, search, virtual computed fields, and tenant isolation.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { sql } from "kysely";
import { listQueryModel } from "../../../compiler/generators/openapi/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { listRecords, type ListResponse } from "../../../runtime/query/index.ts";
import type { RequestContext } from "../../../runtime/server/context.ts";
import { APP_ROLE, forEachDatabase } from "../../helpers/db.ts";
import { applyInvoicing, contextFor, expectProblem, invoicingIr, modelQueries, params, statementCounter, TENANT_A, TENANT_B, TENANT_C } from "./fixtures.ts";
import { seedInvoicing, type Seeded } from "./invoicing-seed.ts";

const numbers = (response: ListResponse) => response.data.map((r) => String(r.number).slice(-4));

forEachDatabase("listRecords", (target) => {
  let ir: IR;
  let seeded: Seeded;
  let ctx: RequestContext;
  const list = (query: string, entity = "Invoice", context = ctx) => listRecords(context, entity, params(query));

  beforeAll(async () => {
    ir = await applyInvoicing(target);
    seeded = await seedInvoicing(target);
    // Billing may read Customer.email, which some filters and sorts below use (a viewer may not:
    // tests/runtime/policy covers that).
    ctx = contextFor(target, ir, { tenantRoles: ["billing"] });
  });

  describe("everything the list query model (and so the OpenAPI document) offers runs", () => {
    for (const entity of ["Customer", "Invoice", "InvoiceLine", "Payment", "Product"]) {
      test(entity, async () => {
        const model = listQueryModel(await invoicingIr(), entity);
        for (const query of modelQueries(model)) {
          const response = await list(query, entity).catch((error: Error) => {
            throw new Error(`${entity} ?${query}: ${error.message}`);
          });
          expect(response.data).toBeArray();
        }
      });
    }
  });

  describe("filters", () => {
    const cases: [string, { given: string | (() => string); want: string[] }][] = [
      ["eq", { given: "filter[number][eq]=INV-2026-0003", want: ["0003"] }],
      ["ne", { given: "filter[status][ne]=sent", want: ["0002", "0003", "0005", "0006"] }],
      ["ne matches no null", { given: "filter[notes][ne]=Reverse charge", want: ["0001", "0003", "0004", "0007"] }],
      ["nin matches no null", { given: "filter[notes][nin]=Reverse charge,hosting renewal", want: ["0001", "0003", "0007"] }],
      ["strings compare by code point", { given: "filter[notes][lt]=a", want: ["0001", "0003", "0005", "0007"] }],
      ["contains matches % literally", { given: "filter[notes][contains]=%", want: [] }],
      ["in", { given: "filter[status][in]=draft,void", want: ["0003", "0005", "0006"] }],
      ["nin", { given: "filter[status][nin]=draft,void", want: ["0001", "0002", "0004", "0007"] }],
      ["lt on a date", { given: "filter[due][lt]=2026-02-10", want: ["0001", "0004"] }],
      ["lte", { given: "filter[due][lte]=2026-02-10", want: ["0001", "0002", "0004"] }],
      ["gt", { given: "filter[due][gt]=2026-02-10", want: ["0006", "0007"] }],
      ["gte", { given: "filter[due][gte]=2026-03-01", want: ["0006", "0007"] }],
      ["isNull true", { given: "filter[due][isNull]=true", want: ["0003", "0005"] }],
      ["isNull false", { given: "filter[due][isNull]=false", want: ["0001", "0002", "0004", "0006", "0007"] }],
      ["contains ignores case", { given: "filter[notes][contains]=HOSTING", want: ["0004", "0007"] }],
      ["startsWith ignores case", { given: "filter[notes][startsWith]=reduced", want: ["0003"] }],
      ["a decimal", { given: "filter[taxRate][lt]=10", want: ["0003", "0005"] }],
      ["a materialized computed field", { given: "filter[total][gt]=400", want: ["0001", "0004", "0007"] }],
      ["a virtual computed field", { given: "filter[balance][gt]=0", want: ["0001", "0003", "0004", "0006"] }],
      ["a virtual sum over payments", { given: "filter[paidAmount][gte]=100", want: ["0001", "0002", "0007"] }],
      ["a virtual rounded tax", { given: "filter[tax][gte]=70", want: ["0001", "0007"] }],
      ["across a ref", { given: "filter[customer.name][contains]=acme", want: ["0001", "0002", "0007"] }],
      ["in across a ref", { given: "filter[customer.code][in]=globex,initech", want: ["0003", "0004", "0005", "0006"] }],
      ["into an embedded field across a ref", { given: "filter[customer.address.city][eq]=Paris", want: ["0003", "0004"] }],
      ["isNull across a ref", { given: "filter[customer.email][isNull]=true", want: ["0003", "0004", "0005", "0006"] }],
      ["a system field across a ref", { given: "filter[customer.createdAt][lte]=2100-01-01", want: ["0001", "0002", "0003", "0004", "0005", "0006", "0007"] }],
      ["a ref by id", { given: () => `filter[customer][eq]=${seeded.customers.acme}`, want: ["0001", "0002", "0007"] }],
      ["ids in a list", { given: () => `filter[id][in]=${seeded.invoices["0001"]},${seeded.invoices["0003"]!.toUpperCase()}`, want: ["0001", "0003"] }],
      ["filters combine with and", { given: "filter[issued][gte]=2026-02-01&filter[due][isNull]=false", want: ["0006", "0007"] }],
      ["two operators on one field", { given: "filter[due][gte]=2026-02-01&filter[due][lt]=2026-03-01", want: ["0001", "0002", "0004"] }],
      ["a system datetime", { given: "filter[createdAt][lte]=2100-01-01T00:00:00Z", want: ["0001", "0002", "0003", "0004", "0005", "0006", "0007"] }],
      ["a datetime given as a day", { given: "filter[createdAt][gt]=2100-01-01", want: [] }],
      ["a never-set datetime", { given: "filter[sentAt][isNull]=false", want: [] }],
    ];
    for (const [name, { given, want }] of cases) {
      test(name, async () => {
        const query = typeof given === "function" ? given() : given;
        expect(numbers(await list(`${query}&sort=number&page[size]=100`))).toEqual(want);
      });
    }

    test("a customer filtered by its embedded address", async () => {
      const response = await list("filter[address.country][eq]=DE", "Customer");
      expect(response.data.map((c) => c.code)).toEqual(["acme"]);
    });

    test("a path across a ref reads like a left join: no related record is null", async () => {
      const lines = await list("filter[product.sku][isNull]=true&sort=description", "InvoiceLine");
      expect(lines.data.map((l) => l.description)).toEqual(["Books", "Misc"]);
      const consulting = await list("filter[invoice.status][in]=sent,paid&filter[product.active][eq]=true&sort=description", "InvoiceLine");
      expect(consulting.data.map((l) => l.description)).toEqual(["Consulting", "Consulting", "Consulting", "Hosting", "Hosting"]);
    });

    test("a json field only takes isNull", async () => {
      expect((await list("filter[address][isNull]=true", "Customer")).data.map((c) => c.code)).toEqual(["initech"]);
    });
  });

  describe("bad parameters are a 400 naming the parameter and what is allowed", () => {
    const cases: [string, { given: string; path: string; message?: RegExp }][] = [
      ["an unknown field", { given: "filter[totl][eq]=1", path: "/filter[totl]", message: /allowed: .*total/ }],
      ["an unknown operator", { given: "filter[due][like]=x", path: "/filter[due][like]", message: /allowed: eq, ne, lt/ }],
      ["an operator the type does not take", { given: "filter[status][contains]=se", path: "/filter[status][contains]", message: /allowed: eq, ne, in, nin and isNull/ }],
      ["no operator", { given: "filter[due]=2026-01-01", path: "/filter[due]", message: /filter\[due\]\[eq\]/ }],
      ["a bad date", { given: "filter[due][lt]=2026-13-01", path: "/filter[due][lt]", message: /not a date/ }],
      ["a day that does not exist", { given: "filter[due][lt]=2026-02-30", path: "/filter[due][lt]" }],
      ["a bad datetime", { given: "filter[createdAt][gt]=yesterday", path: "/filter[createdAt][gt]", message: /ISO 8601/ }],
      ["a bad number", { given: "filter[taxRate][gt]=abc", path: "/filter[taxRate][gt]", message: /decimal/ }],
      ["a bad int", { given: "filter[version][eq]=1.5", path: "/filter[version][eq]", message: /whole number/ }],
      ["an int out of range", { given: "filter[version][eq]=9999999999", path: "/filter[version][eq]", message: /out of range/ }],
      ["a bad uuid", { given: "filter[customer][eq]=acme", path: "/filter[customer][eq]", message: /uuid/ }],
      ["a bad uuid in a list", { given: "filter[id][in]=1,2", path: "/filter[id][in]", message: /uuid/ }],
      ["an unknown state", { given: "filter[status][eq]=lost", path: "/filter[status][eq]", message: /draft, sent, paid, void/ }],
      ["an empty list", { given: "filter[status][in]=", path: "/filter[status][in]" }],
      ["a list of more than 100", { given: `filter[number][in]=${Array.from({ length: 101 }, (_, i) => i).join(",")}`, path: "/filter[number][in]", message: /1 to 100/ }],
      ["one filter twice", { given: "filter[due][lt]=2026-01-01&filter[due][lt]=2026-02-01", path: "/filter[due][lt]", message: /more than once/ }],
      ["isNull without a boolean", { given: "filter[due][isNull]=maybe", path: "/filter[due][isNull]" }],
      ["a relation to many", { given: "filter[lines][isNull]=true", path: "/filter[lines]", message: /allowed: .*customer\.name/ }],
      ["a path across a relation to many", { given: "filter[lines.description][eq]=x", path: "/filter[lines.description]" }],
      ["two hops", { given: "filter[customer.invoices.number][eq]=x", path: "/filter[customer.invoices.number]" }],
      ["a ref's id across it (it is the ref)", { given: "filter[customer.id][eq]=x", path: "/filter[customer.id]" }],
      ["an unknown field across a ref", { given: "filter[customer.nme][eq]=x", path: "/filter[customer.nme]", message: /allowed: .*customer\.name/ }],
      ["an unknown embedded member", { given: "filter[customer.address.town][eq]=x", path: "/filter[customer.address.town]", message: /city/ }],
      ["a path through a scalar", { given: "filter[number.x][eq]=1", path: "/filter[number.x]" }],
      ["an unknown sort field", { given: "sort=nope", path: "/sort", message: /allowed: .*due/ }],
      ["sorting by a relation", { given: "sort=lines", path: "/sort" }],
      ["a sort field twice", { given: "sort=number,-number", path: "/sort", message: /twice/ }],
      ["sort given twice", { given: "sort=number&sort=due", path: "/sort", message: /more than once/ }],
      ["a page size of 0", { given: "page[size]=0", path: "/page[size]", message: /1 to 100/ }],
      ["a page size above the maximum", { given: "page[size]=101", path: "/page[size]" }],
      ["a page size that is no number", { given: "page[size]=ten", path: "/page[size]" }],
      ["a negative offset", { given: "page[offset]=-1", path: "/page[offset]" }],
      ["a garbled cursor", { given: "page[after]=not*a*cursor", path: "/page[after]", message: /cursor/ }],
      ["a cursor of base64 garbage", { given: "page[after]=bm90IGpzb24", path: "/page[after]" }],
      ["a cursor with a value of the wrong type", { given: `page[after]=${Buffer.from(JSON.stringify({ s: "-issued,-number,id", v: ["soon", "x", "y"] })).toString("base64url")}`, path: "/page[after]" }],
      ["a cursor and an offset", { given: "page[after]=abc&page[offset]=2", path: "/page[after]", message: /not both/ }],
      ["an unknown include", { given: "include=nope", path: "/include", message: /allowed: customer, lines and payments/ }],
      ["a nested include", { given: "include=lines.product", path: "/include", message: /nested/ }],
      ["an unknown sparse field", { given: "fields=number,nope", path: "/fields", message: /allowed: id, number/ }],
      ["a relation as a sparse field", { given: "fields=lines", path: "/fields", message: /include=lines/ }],
      ["count without a boolean", { given: "count=yes", path: "/count" }],
      ["an empty search", { given: "q=", path: "/q", message: /1 to 200/ }],
      ["a search too long", { given: `q=${"x".repeat(201)}`, path: "/q" }],
      ["an unknown parameter", { given: "filters[due][lt]=x", path: "/filters[due][lt]", message: /allowed: filter\[<field>\]\[<op>\], sort/ }],
    ];
    for (const [name, { given, path, message }] of cases) {
      test(name, () => expectProblem(list(given), 400, path, message).then(() => {}));
    }

    test("every problem of a request is reported at once", async () => {
      const error = await expectProblem(list("filter[totl][eq]=1&filter[due][lt]=x&sort=nope&page[size]=0"), 400);
      expect(error.errors?.map((e) => e.path)).toEqual(["/filter[totl]", "/filter[due][lt]", "/sort", "/page[size]"]);
    });

    test("a cursor from another sort order is refused", async () => {
      const first = await list("sort=number&page[size]=2");
      await expectProblem(list(`sort=-number&page[size]=2&page[after]=${first.page.after}`), 400, "/page[after]", /another sort order/);
    });

    test("the maximum page size comes from the server options", async () => {
      const big = contextFor(target, ir, {}, { maxPageSize: 5 });
      await expectProblem(list("page[size]=6", "Invoice", big), 400, "/page[size]", /1 to 5/);
      expect((await list("", "Invoice", big)).page.size).toBe(5);
    });
  });

  describe("sort", () => {
    test("by default the list view's sort (-issued, -number)", async () => {
      expect(numbers(await list(""))).toEqual(["0007", "0006", "0005", "0004", "0003", "0002", "0001"]);
    });

    test("mixed directions, nulls last ascending and first descending", async () => {
      expect(numbers(await list("sort=-due,number"))).toEqual(["0003", "0005", "0007", "0006", "0002", "0001", "0004"]);
      expect(numbers(await list("sort=due,-number"))).toEqual(["0004", "0001", "0002", "0006", "0007", "0005", "0003"]);
    });

    test("by a virtual computed field", async () => {
      expect(numbers(await list("sort=-balance,number"))).toEqual(["0004", "0001", "0006", "0003", "0002", "0005", "0007"]);
    });

    test("across a ref, then by a text field by code point", async () => {
      expect(numbers(await list("sort=customer.name,-number"))).toEqual(["0007", "0002", "0001", "0004", "0003", "0006", "0005"]);
      expect(numbers(await list("sort=notes,number"))).toEqual(["0007", "0001", "0003", "0005", "0004", "0002", "0006"]);
    });

    test("ties are broken by id, so the order is total", async () => {
      const byStatus = await list("sort=status&fields=status");
      const sent = byStatus.data.filter((r) => r.status === "sent").map((r) => String(r.id));
      expect(sent).toEqual([...sent].sort());
    });
  });

  describe("paging", () => {
    const sorts = ["", "number", "-number", "due", "-due", "-due,number", "status,-due", "-balance", "balance,-number", "customer,-total", "-taxRate,notes", "-notes", "customer.name,-due", "-customer.email,issued", "createdAt"];
    for (const sort of sorts) {
      for (const size of [1, 3]) {
        test(`page[after] walks sort=${sort || "(default)"} in pages of ${size} without gaps or duplicates`, async () => {
          const everything = (await list(`sort=${sort}&page[size]=100`)).data.map((r) => r.id);
          expect(everything).toHaveLength(7);
          const seen: unknown[] = [];
          let after: string | undefined;
          for (let i = 0; i < 10; i++) {
            const page = await list(`sort=${sort}&page[size]=${size}${after ? `&page[after]=${after}` : ""}`);
            seen.push(...page.data.map((r) => r.id));
            expect(page.page.size).toBe(size);
            after = page.page.after;
            if (!after) break;
          }
          expect(seen).toEqual(everything);
        });
      }
    }

    test("a search pages in the list's order", async () => {
      const first = await list("q=hosting&page[size]=1");
      const second = await list(`q=hosting&page[size]=1&page[after]=${first.page.after}`);
      expect([...numbers(first), ...numbers(second)]).toEqual(["0007", "0004"]);
      expect(second.page.after).toBeUndefined();
    });

    test("page[offset] skips rows and still gives the next cursor", async () => {
      const everything = numbers(await list("sort=number&page[size]=100"));
      const page = await list("sort=number&page[size]=2&page[offset]=2");
      expect(numbers(page)).toEqual(everything.slice(2, 4));
      expect(page.page.offset).toBe(2);
      const next = await list(`sort=number&page[size]=2&page[after]=${page.page.after}`);
      expect(numbers(next)).toEqual(everything.slice(4, 6));
    });

    test("the last page has no cursor; the page size defaults to the list view's", async () => {
      const page = await list("");
      expect(page.page).toEqual({ size: 25 });
      expect(await list("page[size]=7")).toMatchObject({ page: { size: 7 } });
      expect((await list("page[size]=6")).page.after).toEqual(expect.any(String));
    });
  });

  describe("include", () => {
    test("refs, relations to many, and none when nothing relates", async () => {
      const response = await list("sort=number&include=customer,lines,payments&filter[number][in]=INV-2026-0001,INV-2026-0005");
      const [first, fifth] = response.data as Record<string, any>[];
      expect(first!._included.customer).toMatchObject({ id: seeded.customers.acme, code: "acme", name: "Acme Corp" });
      expect(first!._included.lines.map((l: any) => l.description).sort()).toEqual(["Consulting", "Hosting"]);
      expect(first!._included.payments).toEqual([expect.objectContaining({ amount: "100.00", method: "bank", paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
      expect(fifth!._included).toEqual({ customer: expect.objectContaining({ code: "initech" }), lines: [], payments: [] });
    });

    test("children come in their list view's order", async () => {
      const response = await list("include=invoices&filter[code][eq]=acme", "Customer");
      expect((response.data[0]!._included as any).invoices.map((i: any) => i.number)).toEqual(["INV-2026-0007", "INV-2026-0002", "INV-2026-0001"]);
    });

    test("one statement per included relation, whether 10 or 1000 parents", async () => {
      await target.asApp({ tenantId: TENANT_C }, async (trx) => {
        await sql`insert into customers (code, name) values ('bulk', 'Bulk'), ('other', 'Other')`.execute(trx);
        await sql`insert into invoices (number, customer_id) select 'INV-2026-' || lpad(g::text, 4, '0'), (select id from customers where code = case when g % 2 = 0 then 'bulk' else 'other' end) from generate_series(1, 1000) g`.execute(trx);
        await sql`insert into invoice_lines (invoice_id, description, quantity, unit_price) select id, 'Line', 1, 10 from invoices`.execute(trx);
        await sql`insert into payments (invoice_id, amount) select id, 1 from invoices where number like '%0'`.execute(trx);
      });
      const counter = statementCounter(target.db);
      const bulk = contextFor(target, ir, { tenantId: TENANT_C }, { maxPageSize: 1000, kysely: counter.kysely });
      const statements = async (size: number) => {
        counter.reset();
        const response = await list(`sort=number&page[size]=${size}&include=customer,lines,payments`, "Invoice", bulk);
        expect(response.data).toHaveLength(size);
        expect(response.data.every((r: any) => r._included.customer && r._included.lines.length === 1)).toBe(true);
        return counter.count;
      };
      const ten = await statements(10);
      const thousand = await statements(1000);
      expect(thousand).toBe(ten);
      // The request settings, the page, and one per relation.
      expect(ten).toBe(1 + 1 + 3);
    });
  });

  describe("fields, count, search", () => {
    test("a sparse fieldset keeps the id", async () => {
      const response = await list("sort=number&fields=number,total&page[size]=1");
      expect(Object.keys(response.data[0]!).sort()).toEqual(["_can", "id", "number", "total"]);
    });

    test("an include still works when its ref is not among the fields", async () => {
      const response = await list("sort=number&fields=number&include=customer&page[size]=1");
      expect(Object.keys(response.data[0]!).sort()).toEqual(["_can", "_included", "id", "number"]);
      expect((response.data[0]!._included as any).customer.code).toBe("acme");
    });

    test("count=true counts every matching record, over all pages", async () => {
      const response = await list("filter[status][eq]=sent&page[size]=1&count=true");
      expect(response.count).toBe(3);
      expect(response.data).toHaveLength(1);
      expect((await list("page[size]=1")).count).toBeUndefined();
    });

    test("q= searches the entity's search fields", async () => {
      expect((await list("q=acme", "Customer")).data.map((c) => c.code)).toEqual(["acme"]);
      expect(numbers(await list("q=hosting&sort=number"))).toEqual(["0004", "0007"]);
      expect(numbers(await list("q=consulting -hosting"))).toEqual([]);
      expect(numbers(await list('q="hosting renewal"'))).toEqual(["0004"]);
      const ranked = await list("q=hosting", "InvoiceLine");
      expect(ranked.data.map((l) => l.description)).toEqual(["Hosting", "Hosting"]);
    });

    test("q= combines with filters", async () => {
      expect(numbers(await list("q=hosting&filter[customer.code][eq]=acme"))).toEqual(["0007"]);
    });
  });

  describe("records", () => {
    test("the record JSON: strings for money, days for dates, ids for refs, ISO datetimes, no tenant", async () => {
      const [invoice] = (await list("filter[number][eq]=INV-2026-0001")).data;
      expect(invoice).toEqual({
        _can: expect.any(Object),
        id: seeded.invoices["0001"],
        number: "INV-2026-0001",
        customer: seeded.customers.acme,
        status: "sent",
        issued: "2026-01-05",
        due: "2026-02-01",
        taxRate: "19.00",
        notes: "Quarterly retainer",
        subtotal: "389.00",
        tax: "73.91",
        total: "462.91",
        paidAmount: "100.00",
        balance: "362.91",
        sentAt: null,
        paidAt: null,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/Z$/),
        createdBy: null,
        updatedBy: null,
        version: 1,
      });
      const [customer] = (await list("filter[code][eq]=acme", "Customer")).data;
      expect(customer).toMatchObject({ address: { city: "Berlin", country: "DE" }, email: "billing@acme.test" });
      const [line] = (await list("filter[description][eq]=Books", "InvoiceLine")).data;
      expect(line).toMatchObject({ quantity: 2, unitPrice: "10.00", total: "20.00", product: null, position: null });
    });
  });

  describe("tenants", () => {
    test("another tenant's rows never appear, in lists, filters, searches or includes", async () => {
      expect(numbers(await list("sort=number&page[size]=100"))).toHaveLength(7);
      expect(numbers(await list(`filter[customer][eq]=${seeded.otherTenant.customer}`))).toEqual([]);
      expect(numbers(await list("q=elsewhere"))).toEqual([]);
      expect((await list("filter[code][eq]=acme&include=invoices", "Customer")).data.map((c: any) => [c.name, c._included.invoices.length])).toEqual([["Acme Corp", 3]]);
      const b = contextFor(target, ir, { tenantId: TENANT_B });
      expect((await list("include=lines", "Invoice", b)).data.map((i: any) => [i.id, i._included.lines.length])).toEqual([[seeded.otherTenant.invoice, 1]]);
    });

    test("a tenant entity without a tenant is a 400 naming the header", async () => {
      const anonymous = contextFor(target, ir, { tenantId: null });
      await expectProblem(list("", "Invoice", anonymous), 400, "/headers/X-Weave-Tenant", /send the X-Weave-Tenant header/);
    });

    test("queries run in the request transaction, so row-level security lets the tenant's rows through", async () => {
      // As the non-superuser app role, RLS applies: without app.tenant_id set, it would hide every row.
      const rows = await target.db.connection().execute(async (connection) => {
        await sql`set role ${sql.id(APP_ROLE)}`.execute(connection);
        try {
          return await list("sort=number&include=customer", "Invoice", contextFor(target, ir, {}, { kysely: connection }));
        } finally {
          await sql`reset role`.execute(connection);
        }
      });
      expect(numbers(rows)).toHaveLength(7);
      expect(rows.data.every((r: any) => r._included.customer !== null)).toBe(true);
    });

    test("a member of another tenant sees nothing of tenant A", async () => {
      const stranger = contextFor(target, ir, { tenantId: TENANT_C });
      expect((await list("filter[code][eq]=acme", "Customer", stranger)).data).toEqual([]);
      expect(TENANT_A).not.toBe(TENANT_C);
    });
  });
});
