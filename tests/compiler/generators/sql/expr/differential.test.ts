/**
 * The SQL lowering against the evaluator, on real databases: for every expression and every invoice of a
 * small data set full of nulls, the value the SQL computes equals the value `evaluate` computes, in inline
 * and in parameters mode, and a condition selects exactly the rows the evaluator finds true.
 *
 * Runs on PGlite always, and on Postgres when DATABASE_URL is set (in a schema of its own, dropped after).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { evaluate, toDecimal } from "../../../../../compiler/expr/index.ts";
import type { Expr, ExprType, IR } from "../../../../../compiler/ir/index.ts";
import { isRowLocalImmutable, lowerCondition, lowerExpression, type SqlContext } from "../../../../../compiler/generators/sql/expr/index.ts";
import { openPglite, openPostgres, type TestDb } from "./databases.ts";
import { CUSTOMER_1, loadRecords, seed, TENANT, USER_1 } from "./dataset.ts";
import { checked, fixtureIr, scopeFor } from "./fixture.ts";

const USER = { id: USER_1, email: "ann@example.com", name: "Ann", roles: ["billing", "x"] };
const TENANT_VALUES = { id: TENANT, member: true, roles: ["admin"], key: "acme", name: "Acme" };
const PARAMS = { status: "sent", since: "2024-01-01", customer: CUSTOMER_1, limit: "100.5" };

/** Expressions about an Invoice: every operator, function, method and macro, over every kind of member. */
const EXPRESSIONS: string[] = [
  // arithmetic
  "qty + 1", "qty - 2 * 3", "qty * qty", "qty / 2", "qty % 3", "-qty", "-total", "total * rate", "total / 3",
  "total % 7", "total / 0", "qty % 0", "total + null", "0.1 + 0.2 == 0.3", "2147483647 + qty", "qty * 2147483647 * 10",
  "9007199254740991 + 2 > qty", "-7 % 3", "5.5 % 2", "7 / 2", "total - total * rate / 100",
  // strings
  "number + '-' + status", "concat(number, notes)", "notes + 'x'", "lower(number)", "upper(notes)", "size(notes)",
  "size(number)", "notes.contains('a')", "number.startsWith('INV')", "number.endsWith('1')", "notes.contains('')",
  "notes.endsWith(notes)", "number.contains(notes)", "lower(address.city)",
  // comparison
  "total == 150", "total != 150", "total == null", "total != null", "qty > 2", "qty <= 2", "number < 'J'",
  "number >= 'inv'", "notes > ''", "number > 'Zürich'", "status == 'sent'", "status != 'sent'", "status == null",
  "status in ['sent', 'paid']", "status in []", "qty in [3, 2, null]", "null in [1]", "qty in [2.0]",
  "due < '2024-01-01'", "due >= '2024-05-01'", "sentAt > '2024-05-01T00:00:00Z'", "sentAt == '2024-04-30T12:00:00Z'",
  "sentAt < '2023-01-01T07:00:00Z'", "paid == true", "paid != false", "paid == null", "owner == user.id",
  "owner != user.id", "owner == 'not-a-uuid'", "customer == null", "customer != null", "customer.owner == user.id",
  "due < today()", "sentAt < now()", "rate == 0.19", "total >= 99.99",
  // logic and conditional
  "paid && qty > 2", "paid || qty > 2", "!paid", "!(total > 100)", "!(qty in [3])", "paid ? total : 0",
  "paid ? 'yes' : null", "(qty > 2) == paid", "has(due) && due > '2024-01-01'", "qty > 0 ? 'up' : qty < 0 ? 'down' : 'flat'",
  "!(status == 'sent') || !has(notes)", "(paid ? customer : null) == customer",
  // functions
  "abs(qty)", "abs(-total)", "round(total / 3, 2)", "round(rate * 10)", "round(qty, -1)", "round(total, qty)",
  "round(-2.5)", "round(total * rate, 1)", "coalesce(total, 1)", "coalesce(notes, number)", "coalesce(qty, total, 0)",
  "coalesce(customer, null) == customer", "has(customer)", "has(customer.name)", "has(address.city)", "has(lines.qty)",
  "has(lines)", "has(customer.invoices)", "has(notes)",
  // relations and aggregates
  "sum(lines.total)", "sum(lines.qty)", "count(lines.total)", "count(lines)", "size(lines)", "min(lines.total)",
  "max(lines.total)", "avg(lines.total)", "avg(lines.qty)", "min(lines.product.name)", "max(tags.name)",
  "sum(lines.map(l, l.price * l.qty))", "sum(lines.filter(l, l.qty > 1).map(l, l.total))", "size(lines.filter(l, has(l.product)))",
  "lines.exists(l, l.total > 100)", "lines.all(l, l.total > 10)", "lines.all(l, has(l.product))",
  "lines.exists(l, l.product.name == 'Tea')", "customer.name", "customer.name == 'Acme'", "customer.vip",
  "customer.invoices.exists(i, i.number != number)", "size(customer.invoices)", "size(customer.invoices.lines)",
  "customer.invoices.lines.all(l, l.total <= total)", "customer.profile.bio", "has(customer.profile)",
  "tags.exists(t, t.name == 'urgent')", "size(tags)", "'urgent' in tags.name", "subtotal", "net", "subtotal > total",
  "lines.exists(l, l.amount > 100)", "sum(lines.amount)", "big", "subject.name", "subject == customer",
  "lines.map(l, l.qty).exists(q, q > 1)", "size(lines.product)", "count(lines.product)", "lines.product.exists(p, p == null)",
  "count(lines.product.name)", "lines.exists(l, l.invoice == record)", "lines.exists(l, l.invoice.number == number)",
  "customer.invoices.exists(i, i == record)", "record in customer.invoices", "customer.id == customer", "max(customer.invoices.sentAt)",
  "min(customer.invoices.due)", "lines.filter(l, l.qty > 0).all(l, l.price > 1)", "customer.invoices.filter(i, i.paid).exists(i, size(i.lines) > 1)",
  // written lists and arrays
  "'billing' in user.roles", "'nope' in user.roles", "size(user.roles)", "user.roles.exists(r, r == 'billing')",
  "user.roles.contains('x')", "user.roles.all(r, r != status)", "tenant.member", "tenant.id != null", "'admin' in tenant.roles",
  "[1, 2, 3].exists(x, x == qty)", "[1, 2].all(x, x < qty)", "sum([1, 2.5, qty])", "count([qty, total, null])", "size([1, 2])",
  "max([qty, 1])", "min(['b', notes])", "[qty, 2].map(x, x * 2).exists(y, y > 4)", "[status, 'x'].filter(s, s != null).exists(s, s == 'sent')",
  "user.roles == ['billing', 'x']", "[1, 2] == [1, 2]", "status in [notes, 'paid']", "[].exists(x, x == 1)", "size([])",
  // json and embedded
  "meta.kind == 'x'", "meta.n == 2", "meta.flag", "has(meta.kind)", "meta == null", "address.city == 'Berlin'",
  "address.zip > 10000", "contacts.exists(c, c.vip)", "size(contacts)", "contacts.name.exists(n, n == 'Bob')",
  "count(contacts.vip)", "has(address)", "address.city",
  // params
  "status == params.status", "due >= params.since", "customer == params.customer", "total > params.limit", "has(params.status)",
];

/** A result in comparable form: numbers to 16 significant digits (see spec: division keeps more in JS). */
function normal(value: unknown, type: ExprType): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => normal(v, type.kind === "list" ? type.of : { kind: "any" }));
  if (type.kind === "date") return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (type.kind === "datetime") return new Date(value as string).toISOString();
  if (typeof value === "object" && "id" in value) return String((value as { id: unknown }).id);
  if (["int", "decimal", "money"].includes(type.kind) || typeof value === "bigint" || (typeof value === "object" && value !== null && "toSignificantDigits" in value))
    return toDecimal(value).toSignificantDigits(16).toString();
  if (type.kind === "entity" || type.kind === "uuid") return String(value);
  return value;
}

/** Row-local, immutable expressions: each becomes a generated column (and, when bool, an index predicate). */
const GENERATED: string[] = [
  "total * rate / 100", "qty + 1", "round(total * 1.19, 2)", "address.city + '-' + number", "lower(number)",
  "due < '2024-06-01'", "sentAt >= '2024-01-01T00:00:00Z'", "status in ['sent', 'paid']", "has(notes) && notes.contains('a')",
  "meta.kind == 'x'", "coalesce(qty, 0) % 2 == 0", "doubled * 2", "[1, 3].exists(x, x == qty)", "size(number) > 4",
];

const COLUMN_TYPES: Partial<Record<ExprType["kind"], string>> = { bool: "boolean", string: "text", date: "date", int: "numeric", decimal: "numeric", money: "numeric" };

const databases: [string, () => Promise<TestDb>][] = [["pglite", openPglite]];
if (process.env.DATABASE_URL) databases.push(["postgres", () => openPostgres(process.env.DATABASE_URL!)]);
else test.skip("postgres: DATABASE_URL is not set", () => {});

for (const [name, open] of databases) {
  describe(`SQL lowering agrees with the evaluator on ${name}`, () => {
    let db: TestDb;
    let ir: IR;
    let invoices: Record<string, unknown>[];

    beforeAll(async () => {
      ir = await fixtureIr();
      db = await open();
      await seed(db, ir);
      await db.query("select set_config('app.user_id', $1, false), set_config('app.user_roles', $2, false)", [USER.id, USER.roles.join(",")]);
      await db.query("select set_config('app.tenant_id', $1, false), set_config('app.tenant_roles', $2, false)", [TENANT, "admin"]);
      invoices = (await loadRecords(db, ir, (entity) => scopeFor(ir, entity))).get("Invoice")!;
    }, 30_000);

    afterAll(async () => {
      await db?.close();
    });

    const expected = (ast: Expr, type: ExprType) =>
      invoices.map((record) => {
        const variables = { record, user: USER, tenant: TENANT_VALUES, params: PARAMS };
        return normal(evaluate(ast, { variables, types: scopeFor(ir, "Invoice") }), type);
      });

    const contexts = (): [string, SqlContext][] => [
      ["inline", { ir, entity: "Invoice", row: "t0", mode: "inline", query: "byStatus", variables: { params: PARAMS } }],
      ["parameters", { ir, entity: "Invoice", row: "t0", mode: "parameters", query: "byStatus", variables: { params: PARAMS } }],
      ["parameters, user given", { ir, entity: "Invoice", row: "t0", mode: "parameters", query: "byStatus", variables: { params: PARAMS, user: USER, tenant: TENANT_VALUES } }],
    ];

    test.each(EXPRESSIONS)("%s", async (source) => {
      const { ast, type } = checked(ir, source);
      const want = expected(ast, type);
      for (const [mode, ctx] of contexts()) {
        const { sql, parameters } = lowerExpression(ast, ctx);
        const rows = await db.query(`select ${sql} as "v" from "invoices" "t0" order by "t0"."id"`, parameters);
        expect({ mode, sql, got: rows.map((r) => normal(r.v, type)) }).toEqual({ mode, sql, got: want });
        if (type.kind !== "bool") continue;
        const condition = lowerCondition(ast, ctx);
        const ids = await db.query(`select "t0"."id" from "invoices" "t0" where ${condition.sql} order by "t0"."id"`, condition.parameters);
        const truthy = invoices.filter((_, i) => want[i] === true).map((r) => r.id);
        expect({ mode, sql: condition.sql, ids: ids.map((r) => r.id) }).toEqual({ mode, sql: condition.sql, ids: truthy });
        const strict = lowerCondition(ast, { ...ctx, mode: "inline" }, { notNull: true });
        const values = await db.query(`select ${strict.sql} as "v" from "invoices" "t0" order by "t0"."id"`, strict.parameters);
        expect({ strict: strict.sql, got: values.map((r) => r.v) }).toEqual({ strict: strict.sql, got: want.map((w) => w === true) });
      }
    });

    test("row-local expressions make valid generated columns, index predicates and CHECK constraints", async () => {
      await db.query(`create table "ddl_invoices" as select * from "invoices"`);
      const ddlCtx: SqlContext = { ir, entity: "Invoice", mode: "inline", inlineGenerated: true };
      for (const [i, source] of GENERATED.entries()) {
        const { ast, type } = checked(ir, source);
        expect({ source, rowLocal: isRowLocalImmutable(ast, ddlCtx) }).toEqual({ source, rowLocal: true });
        const { sql } = lowerExpression(ast, ddlCtx);
        await db.query(`alter table "ddl_invoices" add column "g${i}" ${COLUMN_TYPES[type.kind]} generated always as (${sql}) stored`);
        if (type.kind === "bool") await db.query(`create index "ddl_invoices_i${i}" on "ddl_invoices" ("number") where ${lowerCondition(ast, ddlCtx).sql}`);
        const rows = await db.query(`select "g${i}" as "v" from "ddl_invoices" order by "id"`);
        expect({ source, sql, got: rows.map((r) => normal(r.v, type)) }).toEqual({ source, sql, got: expected(ast, type) });
      }
      const check = lowerCondition(checked(ir, "total == null || total >= 0").ast, ddlCtx, { notNull: true });
      await db.query(`alter table "ddl_invoices" add constraint "ddl_invoices_total" check (${check.sql})`);
      await expect(db.query(`update "ddl_invoices" set "total" = -1`)).rejects.toThrow(/ddl_invoices_total/);
      await db.query(`drop table "ddl_invoices"`);
    });

    test("a trigger body reads related rows through NEW", async () => {
      const { ast, type } = checked(ir, "sum(lines.total) + coalesce(total, 0)");
      const { sql } = lowerExpression(ast, { ir, entity: "Invoice", row: "NEW", mode: "inline" });
      await db.query(`create table "trigger_invoices" (like "invoices")`);
      await db.query(`alter table "trigger_invoices" add column "computed" numeric`);
      await db.query(`create function "trigger_invoices_compute"() returns trigger language plpgsql as $$ begin NEW."computed" := ${sql}; return NEW; end $$`);
      await db.query(`create trigger "compute" before insert on "trigger_invoices" for each row execute function "trigger_invoices_compute"()`);
      await db.query(`insert into "trigger_invoices" select *, null from "invoices"`);
      const rows = await db.query(`select "computed" as "v" from "trigger_invoices" order by "id"`);
      expect(rows.map((r) => normal(r.v, type))).toEqual(expected(ast, type));
      await db.query(`drop table "trigger_invoices"`);
      await db.query(`drop function "trigger_invoices_compute"()`);
    });
  });
}
