/**
 * Where the SQL goes changes how it is written: bare columns for DDL, NEW in triggers, a chosen alias,
 * placeholder numbering, context values given as parameters; and what the lowering refuses.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import type { Expr, IR } from "../../../../../compiler/ir/index.ts";
import { lowerCondition, lowerExpression, SqlLoweringError, type SqlContext } from "../../../../../compiler/generators/sql/expr/index.ts";
import { checked, fixtureIr } from "./fixture.ts";

let ir: IR;
beforeAll(async () => {
  ir = await fixtureIr();
});

const lower = (source: string, ctx: Partial<SqlContext>, entity = "Invoice") =>
  lowerExpression(checked(ir, source, entity).ast, { ir, entity, mode: "inline", ...ctx });

const U = "00000000-0000-4000-8000-000000000001";

describe("the row", () => {
  const cases: [string, { given: string; ctx: Partial<SqlContext>; want: string }][] = [
    ["bare columns for DDL", { given: "total * 2 > 10 && status == 'sent'", ctx: {}, want: `coalesce(((("total" * 2) > 10) AND ("status" = 'sent')), false)` }],
    ["NEW in a trigger body, unquoted", { given: "sum(lines.total) + total", ctx: { row: "NEW" }, want: `((select coalesce(sum("t0"."total"), 0) from "invoice_lines" "t0" where "t0"."invoice_id" = NEW."id") + NEW."total")` }],
    ["OLD too", { given: "customer.name", ctx: { row: "old" }, want: `(select "t0"."name" from "customers" "t0" where "t0"."id" = old."customer_id")` }],
    ["generated aliases skip the row's", { given: "lines.exists(l, l.product.name == 'x')", ctx: { row: "t1" }, want: `EXISTS (select 1 from "invoice_lines" "t0" where "t0"."invoice_id" = "t1"."id" and ((select "t2"."name" from "products" "t2" where "t2"."id" = "t0"."product_id") = 'x'))` }],
    ["the row alias is quoted", { given: "number", ctx: { row: 'my "row"' }, want: `"my ""row"""."number"` }],
    ["a table name as the row (RLS policies)", { given: "size(lines) > 0", ctx: { row: "invoices" }, want: `((select count(*) from "invoice_lines" "t0" where "t0"."invoice_id" = "invoices"."id") > 0)` }],
  ];
  test.each(cases)("%s", (_, { given, ctx, want }) => expect(lower(given, ctx)).toEqual({ sql: want, parameters: [] }));

  test("bare columns cannot hold a subquery", () => {
    expect(() => lower("sum(lines.total)", {})).toThrow(SqlLoweringError);
    expect(() => lower("sum(lines.total)", {})).toThrow("lower it with a row alias");
  });
});

describe("computed fields", () => {
  test("a materialized field is read from its column", () => {
    expect(lower("quadrupled", {})).toEqual({ sql: `"quadrupled"`, parameters: [] });
  });

  test("inlineGenerated inlines the generated columns a generated column reads", () => {
    const invoice = ir.entities.find((e) => e.name === "Invoice")!;
    const quadrupled = invoice.fields.find((f) => f.name === "quadrupled")!.computed!.ast as Expr;
    expect(lowerExpression(quadrupled, { ir, entity: "Invoice", mode: "inline" })).toEqual({ sql: `("doubled" * 2)`, parameters: [] });
    expect(lowerExpression(quadrupled, { ir, entity: "Invoice", mode: "inline", inlineGenerated: true })).toEqual({ sql: `(("total" * 2) * 2)`, parameters: [] });
  });

  test("inlineGenerated still reads a trigger-maintained column", () => {
    // `big` is row-local, but a field reading subtotal-like data would not be: net reads lines.
    expect(lower("big && doubled > 1", { inlineGenerated: true })).toEqual({ sql: `coalesce((("total" > 100) AND (("total" * 2) > 1)), false)`, parameters: [] });
  });
});

describe("parameters", () => {
  test("placeholders start after parameterOffset", () => {
    expect(lower("qty > 1 && number == 'x'", { mode: "parameters", row: "t0", parameterOffset: 2 })).toEqual({
      sql: `coalesce((("t0"."qty" > $3::int) AND ("t0"."number" = $4::text)), false)`,
      parameters: [1, "x"],
    });
  });

  test("user and tenant given as values become parameters", () => {
    const variables = { user: { id: U, roles: ["billing"] }, tenant: { id: U, member: true } };
    expect(lower("owner == user.id && 'billing' in user.roles && tenant.member", { mode: "parameters", row: "t0", variables })).toEqual({
      sql: `coalesce((("t0"."owner" = $1::uuid) AND ($2::text = ANY($3::text[])) AND true), false)`,
      parameters: [U, "billing", ["billing"]],
    });
  });

  test("in inline mode, given values are literals", () => {
    expect(lower("owner == user.id", { row: "t0", variables: { user: { id: U } } })).toEqual({
      sql: `coalesce(("t0"."owner" = '${U}'::uuid), false)`,
      parameters: [],
    });
  });

  test("a null user: every member is null", () => {
    expect(lower("owner == user.id || 'x' in user.roles", { mode: "parameters", row: "t0", variables: { user: null } })).toEqual({
      sql: `coalesce((("t0"."owner" IS NOT DISTINCT FROM NULL::uuid) OR ($1::text = ANY(NULL::text[]))), false)`,
      parameters: ["x"],
    });
  });

  test("a value that is SQL never reaches the text", () => {
    const hostile = "x'); drop table invoices; --";
    expect(lower("status == params.status", { mode: "parameters", row: "t0", query: "byStatus", variables: { params: { status: hostile } } })).toEqual({
      sql: `coalesce(("t0"."status" = $1::text), false)`,
      parameters: [hostile],
    });
    expect(lower("status == params.status", { row: "t0", query: "byStatus", variables: { params: { status: hostile } } })).toEqual({
      sql: `coalesce(("t0"."status" = 'x''); drop table invoices; --'), false)`,
      parameters: [],
    });
  });

  test("params are typed by the query, input by the action", () => {
    const allow = ir.entities.find((e) => e.name === "Invoice")!.actions.find((a) => a.name === "discount")!.allow!.ast as Expr;
    const ctx: SqlContext = { ir, entity: "Invoice", row: "t0", mode: "parameters", action: "discount", variables: { input: { percent: 12.5, until: "2024-12-31" } } };
    expect(lowerCondition(allow, ctx)).toEqual({ sql: `(($1::numeric < $2::int) AND ("t0"."due" <= $3::date))`, parameters: ["12.5", 50, "2024-12-31"] });
    const ref = lower("customer == params.customer", { mode: "parameters", row: "t0", query: "byStatus", variables: { params: { customer: U } } });
    expect(ref).toEqual({ sql: `coalesce(("t0"."customer_id" = $1::uuid), false)`, parameters: [U] });
  });

  test("params without values are refused", () => {
    expect(() => lower("status == params.status", { row: "t0" })).toThrow("`params` has no values");
  });
});

describe("identifiers and literals are escaped", () => {
  test('a table or column with a " in its name', () => {
    type Mutable = { entities: { table: string; fields: { name: string; column?: string }[] }[] };
    const odd = structuredClone(ir) as unknown as Mutable;
    const lines = odd.entities.find((e) => e.table === "invoice_lines")!;
    lines.table = 'invoice "lines"';
    lines.fields.find((f) => f.name === "total")!.column = 'to"tal';
    const { ast } = checked(ir, "sum(lines.total)");
    expect(lowerExpression(ast, { ir: odd as unknown as IR, entity: "Invoice", row: "t0", mode: "inline" }).sql).toBe(
      `(select coalesce(sum("t1"."to""tal"), 0) from "invoice ""lines""" "t1" where "t1"."invoice_id" = "t0"."id")`,
    );
  });

  test("a NUL character cannot be written in SQL", () => {
    expect(() => lower("number == '\\0'", {})).toThrow(SqlLoweringError);
  });
});

describe("what the lowering refuses", () => {
  const span = { start: 0, end: 1 };
  const cases: [string, { given: Expr; message: string }][] = [
    ["a rule that was not inlined", { given: { kind: "ruleRef", name: "isBilling", span }, message: "was not inlined" }],
    ["an unknown name", { given: { kind: "ident", name: "total", span }, message: "unknown name" }],
    ["an unknown member", { given: { kind: "member", object: { kind: "ident", name: "record", span }, property: "nope", span }, message: "has no member" }],
    ["an unknown function", { given: { kind: "call", callee: "nope", args: [], span }, message: "unknown function" }],
    ["an object as a value", { given: { kind: "ident", name: "user", span }, message: "read one of its members" }],
  ];
  test.each(cases)("%s", (_, { given, message }) => {
    expect(() => lowerExpression(given, { ir, entity: "Invoice", row: "t0", mode: "inline" })).toThrow(message);
  });

  test("choosing between lists of records", () => {
    expect(() => lower("size(paid ? lines : lines)", { row: "t0" })).toThrow("lists of records");
  });

  test("comparing lists of records (SQL rows have no order)", () => {
    expect(() => lower("lines.total == lines.price", { row: "t0" })).toThrow("cannot be compared");
  });
});
