/**
 * A property test of the read side of the policy engine, on PGlite and on Postgres: fast-check
 * generates list requests of the invoicing example (entity, filters drawn from `listQueryModel`
 * with operators and values of the right and the wrong type, sorts, includes, fields, page sizes,
 * cursors followed for a few pages) for random identities (admin, billing, viewer or no role; the
 * own tenant, the other one, or none). Whatever the request:
 *
 * - the answer is never a 5xx (a 400 or 403 is fine);
 * - every returned record, and every included one, is one the oracle allows: a plain SQL query,
 *   run as the table owner, for the ids of the caller's tenant that the entity's read policy
 *   (`READ`, written by hand from the example's YAML, not taken from the engine) lets through;
 * - a field the caller may not read (Customer.email outside billing) never appears.
 *
 * The runs are reproducible: `SEED` is fixed, and on a failure fast-check prints the seed and the
 * path of the shrunk counterexample (pass them back as `{ seed, path }` to replay it).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { sql } from "kysely";
import { FILTER_OPS, listQueryModel, routeTable, type FilterField, type ListQueryModel } from "../../../compiler/generators/openapi/index.ts";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";

/** fast-check's seed for every run of this file; change it to explore other requests. */
const SEED = 20261124;
/** Requests per database (well under a second each on PGlite and Postgres). */
const NUM_RUNS = 150;
/** Pages followed through `page.after` per request. */
const MAX_PAGES = 3;

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
if (!ir) throw new Error("the invoicing example does not compile");

const OWN = "00000000-0000-4000-8000-0000000000a1";
const OTHER = "00000000-0000-4000-8000-0000000000b2";
const USER = "00000000-0000-4000-8000-000000000011";

const ROLES = ["admin", "billing", "viewer", "none"] as const;
type Role = (typeof ROLES)[number];
interface Who {
  readonly role: Role;
  /** The tenancy header, or null for a request that names no tenant. */
  readonly tenant: string | null;
}

// The example's policies as SQL over the entity's own table (alias `t`), from its YAML: every
// entity is `read: "$member"` (`tenant.member`: the request names a tenant), and Customer.email
// is `read: "$isBilling"` (admin inherits billing).
const member = (who: Who) => (who.tenant !== null ? "true" : "false");
const READ: Record<string, (who: Who) => string> = { Customer: member, Product: member, Invoice: member, InvoiceLine: member, Payment: member };
const HIDDEN: Record<string, Record<string, (who: Who) => boolean>> = {
  Customer: { email: (who) => who.role !== "admin" && who.role !== "billing" },
};

const entities = ir.entities.filter((e) => !e.generated);
const models = new Map<string, ListQueryModel>(entities.map((e) => [e.name, listQueryModel(ir, e.name)]));
const listPath = new Map(routeTable(ir).filter((r) => r.kind === "list" && r.entity).map((r) => [r.entity!, r.path]));

test("the oracle covers every entity of the model", () => {
  for (const entity of entities) {
    expect(READ[entity.name], entity.name).toBeDefined();
    expect(listPath.get(entity.name), entity.name).toBeDefined();
  }
});

// Ids of the seeded records, filled in by the seed; uuid filters draw from them (both tenants).
const seededIds: string[] = [];

/** Values for a filter of `field`: mostly well-typed ones, some of the wrong type. */
function valueOf(field: FilterField): fc.Arbitrary<string> {
  const wrong = fc.oneof(fc.constantFrom("", "x", "abc", "1.5", "-1", "2026-13-45", "null", "true", "%", "_", "'; drop table invoices; --", "ü€", "9".repeat(40)), fc.string({ maxLength: 8 }));
  const right: Record<FilterField["type"], fc.Arbitrary<string>> = {
    string: fc.constantFrom("a", "A", "Acme", "globex", "INV-2026-0001", "INV", "Work", "c", "zz", "%", "_", "Ü"),
    integer: fc.oneof(fc.constantFrom("0", "1", "2", "3", "2147483647", "2147483648"), fc.integer({ min: -5, max: 20 }).map(String)),
    decimal: fc.constantFrom("0", "0.00", "1", "10.00", "12.5", "99.99", "100", "-1", "1000000", "1e3"),
    date: fc.constantFrom("2026-01-01", "2026-02-15", "2026-06-30", "2026-12-31", "1999-01-01"),
    datetime: fc.constantFrom("2026-01-01T00:00:00Z", "2026-02-01T10:00:00+02:00", "2100-01-01T00:00:00Z", "2000-01-01T00:00:00Z"),
    boolean: fc.constantFrom("true", "false"),
    uuid: fc.oneof(fc.constantFrom(OWN, OTHER, USER, "00000000-0000-4000-8000-0000000000ff"), fc.constant(null).map(() => seededIds[0] ?? OWN), fc.nat(1000).map((i) => seededIds[i % Math.max(seededIds.length, 1)] ?? OWN)),
    serial: fc.nat(100).map(String),
    enum: fc.constantFrom(...(field.values?.length ? field.values : ["x"])),
    presence: fc.constantFrom("true", "false"),
  };
  return fc.oneof({ weight: 12, arbitrary: right[field.type] }, { weight: 1, arbitrary: wrong });
}

/** One `filter[path][op]=value`: an operator of the path's type, now and then one that is not. */
function filterOf(field: FilterField): fc.Arbitrary<[string, string]> {
  const op = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...field.ops) }, { weight: 1, arbitrary: fc.constantFrom(...FILTER_OPS) });
  return op.chain((o) => {
    const value =
      o === "isNull"
        ? fc.constantFrom("true", "false", "true", "false", "yes")
        : o === "in" || o === "nin"
          ? fc.array(valueOf(field), { minLength: 1, maxLength: 3 }).map((vs) => vs.join(","))
          : valueOf(field);
    return value.map((v): [string, string] => [`filter[${field.path}][${o}]`, v]);
  });
}

/** A list request of `model` as query parameters (without the cursor). */
function requestOf(model: ListQueryModel): fc.Arbitrary<[string, string][]> {
  const paths = fc.constantFrom(...model.filters);
  const filters = fc.uniqueArray(paths, { maxLength: 2, selector: (f) => f.path }).chain((fs): fc.Arbitrary<[string, string][]> => (fs.length ? fc.tuple(...fs.map(filterOf)) : fc.constant([])));
  const sortKey = fc.tuple(fc.boolean(), fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...model.sorts) }, { weight: 1, arbitrary: fc.constantFrom("nope", "address", "customer.customer.name") }));
  const sort = fc.option(fc.uniqueArray(sortKey, { minLength: 1, maxLength: 3, selector: ([, k]) => k }).map((ks) => ks.map(([desc, k]) => (desc ? "-" : "") + k).join(",")), { nil: undefined });
  const include = model.includes.length ? fc.option(fc.subarray([...model.includes], { minLength: 1 }).map((is) => is.join(",")), { nil: undefined }) : fc.constant(undefined);
  const fields = fc.option(fc.subarray([...model.fields], { minLength: 1, maxLength: 4 }).map((fs) => fs.join(",")), { nil: undefined });
  const size = fc.option(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 6 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("0", "101", "x", "-1") }), { nil: undefined });
  const q = model.search ? fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("acme", "INV", "work", "a b", "\"x", "-") }) : fc.constant(undefined);
  return fc.record({ filters, sort, include, fields, size, q }).map(({ filters, sort, include, fields, size, q }) => {
    const params: [string, string][] = [...filters];
    if (sort !== undefined) params.push(["sort", sort]);
    if (include !== undefined) params.push(["include", include]);
    if (fields !== undefined) params.push(["fields", fields]);
    if (size !== undefined) params.push(["page[size]", size]);
    if (q !== undefined) params.push(["q", q]);
    return params;
  });
}

const who: fc.Arbitrary<Who> = fc.record({ role: fc.constantFrom(...ROLES), tenant: fc.constantFrom(OWN, OWN, OTHER, null) });
const listRequest = fc.constantFrom(...entities.map((e) => e.name)).chain((entity) => fc.record({ entity: fc.constant(entity), params: requestOf(models.get(entity)!), who }));

forEachDatabase("random list requests never leave the read policy", (target) => {
  let server: WeaveServer;
  let dir: string;
  const oracle = new Map<string, Set<string>>();

  /** The ids `who` may read of `entity`, by a plain query as the table owner. */
  async function allowed(entity: string, caller: Who): Promise<Set<string>> {
    const key = `${entity}|${caller.tenant}|${caller.role}`;
    const known = oracle.get(key);
    if (known) return known;
    const table = ir!.entities.find((e) => e.name === entity)!.table;
    const ids = new Set<string>();
    if (caller.tenant !== null) {
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(table)} as t where t.tenant_id = ${caller.tenant}::uuid and (${sql.raw(READ[entity]!(caller))})`.execute(target.db);
      for (const row of rows) ids.add(row.id);
    }
    oracle.set(key, ids);
    return ids;
  }

  async function call(path: string, params: [string, string][], caller: Who) {
    const headers: Record<string, string> = { "x-weave-user": USER };
    if (caller.tenant !== null) headers[ir!.app.tenancy.header] = caller.tenant;
    if (caller.role !== "none") headers["x-weave-tenant-roles"] = caller.role;
    const response = await server.app.handle(new Request(`http://localhost${path}?${new URLSearchParams(params)}`, { headers }));
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Checks one record of `entity` returned to `caller`: allowed, and without hidden fields. */
  async function checkRecord(entity: string, record: Record<string, unknown>, caller: Who, label: string): Promise<void> {
    expect((await allowed(entity, caller)).has(record.id as string), `${label}: ${entity} ${record.id} is outside the oracle`).toBe(true);
    for (const [field, hidden] of Object.entries(HIDDEN[entity] ?? {})) {
      if (hidden(caller)) expect(field in record, `${label}: ${entity}.${field} shown to ${caller.role}`).toBe(false);
    }
    const included = (record._included ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(included)) {
      const to = ir!.entities.find((e) => e.name === entity)!.fields.find((f) => f.name === name)?.relation?.to[0];
      expect(to, `${label}: _included.${name} is not a relation of ${entity}`).toBeDefined();
      for (const related of value === null ? [] : Array.isArray(value) ? value : [value]) await checkRecord(to!, related as Record<string, unknown>, caller, `${label} _included.${name}`);
    }
  }

  beforeAll(async () => {
    const plan = planMigration(undefined, ir);
    expect(plan.problems).toEqual([]);
    dir = mkdtempSync(join(tmpdir(), "weave-property-"));
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    await seed();
    server = createServer(ir, { database: target.database, devIdentity: true, log: false, appDir: example });
  }, 60_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Two tenants with the same shape of data and different values, some of them null. */
  async function seed(): Promise<void> {
    const db = target.db;
    const insert = async (table: string, row: Record<string, unknown>) => {
      const { id } = await db.insertInto(table).values(row).returning("id").executeTakeFirstOrThrow();
      seededIds.push(id as string);
      return id as string;
    };
    for (const [t, tenant] of [OWN, OTHER].entries()) {
      const customers: string[] = [];
      for (let i = 0; i < 4; i++) {
        customers.push(
          await insert("customers", {
            tenant_id: tenant,
            code: `c${t}${i}`,
            name: ["Acme", "Globex", "acme ltd", "Ünïcode"][i],
            email: i % 2 ? null : `c${t}${i}@example.test`,
            vat_id: i === 1 ? "DE123456789" : null,
            address: i === 3 ? null : JSON.stringify({ city: i ? "Berlin" : null, country: ["DE", "FR", "US"][i] }),
          }),
        );
      }
      const products: string[] = [];
      for (let i = 0; i < 3; i++) products.push(await insert("products", { tenant_id: tenant, sku: `SKU-${t}${i}`, name: `Product ${i}`, unit_price: `${i * 7}.50`, active: [true, false, null][i], description: i ? null : "a thing" }));
      const statuses = ["draft", "sent", "paid", "void", "draft", "sent"];
      for (let i = 0; i < statuses.length; i++) {
        const invoice = await insert("invoices", {
          tenant_id: tenant,
          number: `INV-2026-${t}${String(i).padStart(3, "0")}`,
          customer_id: customers[i % 3],
          status: statuses[i],
          issued: `2026-0${1 + i}-01`,
          due: i % 3 ? `2026-0${2 + i}-15` : null,
          tax_rate: [19, 7, 0][i % 3],
          notes: i % 2 ? null : `notes ${i}`,
          subtotal: i === 4 ? null : `${100 * i}.00`,
        });
        for (let l = 0; l < i % 3; l++) await insert("invoice_lines", { tenant_id: tenant, invoice_id: invoice, position: l ? l : null, product_id: l ? products[l] : null, description: `Work ${l}`, quantity: l + 1, unit_price: `${l * 10}.00` });
        if (statuses[i] !== "draft") await insert("payments", { tenant_id: tenant, invoice_id: invoice, amount: `${i * 5}.00`, paid_on: `2026-0${2 + i}-01`, method: ["bank", "card", "cash"][i % 3], reference: i % 2 ? `REF-${i}` : null });
      }
    }
  }

  test(
    `${NUM_RUNS} random list requests: no 5xx, nothing outside the oracle, no hidden field`,
    async () => {
      const statuses = new Map<number, number>();
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(listRequest, async ({ entity, params, who: caller }) => {
          let cursor: string | undefined;
          for (let page = 0; page < MAX_PAGES; page++) {
            const query: [string, string][] = cursor === undefined ? params : [...params, ["page[after]", cursor]];
            const label = `GET ${listPath.get(entity)}?${new URLSearchParams(query)} as ${caller.role} in ${caller.tenant}`;
            const { status, body } = await call(listPath.get(entity)!, query, caller);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            expect(status, `${label}: ${JSON.stringify(body)}`).toBeLessThan(500);
            if (status !== 200) return;
            checked += body.data.length;
            for (const record of body.data) await checkRecord(entity, record, caller, label);
            cursor = body.page?.after;
            if (cursor === undefined) return;
          }
        }),
        { numRuns: NUM_RUNS, seed: SEED },
      );
      // The generator must reach both answers, or the property says little.
      expect(statuses.get(200) ?? 0).toBeGreaterThan(NUM_RUNS / 4);
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect(checked).toBeGreaterThan(NUM_RUNS);
    },
    60_000,
  );
});
