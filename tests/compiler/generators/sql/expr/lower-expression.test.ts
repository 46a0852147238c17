/**
 * The exact SQL of every node kind, operator, function, method and macro, in both modes. Each case gives the
 * inline SQL and the parameters-mode SQL with its parameters; the row is "t0". That the SQL computes what the
 * evaluator computes is differential.test.ts's job: here the text itself is reviewed.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import type { IR } from "../../../../../compiler/ir/index.ts";
import { lowerCondition, lowerExpression, type SqlContext } from "../../../../../compiler/generators/sql/expr/index.ts";
import { checked, fixtureIr } from "./fixture.ts";

let ir: IR;
beforeAll(async () => {
  ir = await fixtureIr();
});

const PARAMS = { status: "sent", since: "2024-01-01", customer: null, limit: "10.5" };
const ctx = (mode: SqlContext["mode"]): SqlContext => ({ ir, entity: "Invoice", row: "t0", mode, query: "byStatus", variables: { params: PARAMS } });

/** [name, { given, inline, parameters: [sql, values] }]; `parameters` omitted: the same SQL and no values. */
type Case = [string, { given: string; inline: string; parameters?: [string, unknown[]] }];

function table(cases: Case[]) {
  test.each(cases)("%s", (_, { given, inline, parameters }) => {
    const { ast } = checked(ir, given);
    expect(lowerExpression(ast, ctx("inline"))).toEqual({ sql: inline, parameters: [] });
    const [sql, values] = parameters ?? [inline, []];
    expect(lowerExpression(ast, ctx("parameters"))).toEqual({ sql, parameters: values });
  });
}

const ROLES = "string_to_array(nullif(current_setting('app.user_roles', true), ''), ',')";
const LINES = `from "invoice_lines" "t1" where "t1"."invoice_id" = "t0"."id"`;

describe("literals and lists", () => {
  table([
    ["null", { given: "null", inline: "NULL" }],
    ["booleans stay keywords", { given: "true", inline: "true" }],
    ["int", { given: "42", inline: "42", parameters: ["$1::int", [42]] }],
    ["int beyond int4", { given: "9007199254740991", inline: "9007199254740991", parameters: ["$1::bigint", [9007199254740991]] }],
    ["decimal, exact", { given: "2.50", inline: "2.5", parameters: ["$1::numeric", ["2.5"]] }],
    ["decimal, never an exponent", { given: "0.0000001", inline: "0.0000001", parameters: ["$1::numeric", ["0.0000001"]] }],
    ["string with a quote", { given: `"it's"`, inline: "'it''s'", parameters: ["$1::text", ["it's"]] }],
    ["string with a backslash", { given: String.raw`'a\\b'`, inline: String.raw`'a\b'`, parameters: ["$1::text", [String.raw`a\b`]] }],
    ["string that looks like SQL", { given: `"'; drop table x; --"`, inline: "'''; drop table x; --'", parameters: ["$1::text", ["'; drop table x; --"]] }],
    ["list", { given: "[1, 2.5]", inline: "ARRAY[1, 2.5]::numeric[]", parameters: ["$1::numeric[]", [["1", "2.5"]]] }],
    ["empty list", { given: "[]", inline: "'{}'::text[]", parameters: ["$1::text[]", [[]]] }],
    ["list of columns", { given: "[number, notes]", inline: `ARRAY["t0"."number", "t0"."notes"]::text[]` }],
  ]);
});

describe("names and members", () => {
  table([
    ["record is its id", { given: "record", inline: `"t0"."id"` }],
    ["a column", { given: "number", inline: `"t0"."number"` }],
    ["a column named differently", { given: "sentAt", inline: `"t0"."sent_at"` }],
    ["system fields", { given: "createdAt < updatedAt && version > 1 && has(createdBy)", inline: `(("t0"."created_at" < "t0"."updated_at") AND ("t0"."version" > 1) AND ("t0"."created_by" IS NOT NULL))`, parameters: [`(("t0"."created_at" < "t0"."updated_at") AND ("t0"."version" > $1::int) AND ("t0"."created_by" IS NOT NULL))`, [1]] }],
    ["a ref is its foreign key", { given: "customer", inline: `"t0"."customer_id"` }],
    ["the id of a ref needs no lookup", { given: "customer.id", inline: `"t0"."customer_id"` }],
    ["a member of a ref", { given: "customer.name", inline: `(select "t1"."name" from "customers" "t1" where "t1"."id" = "t0"."customer_id")` }],
    ["a ref of a ref", { given: "customer.profile.bio", inline: `(select "t1"."bio" from "profiles" "t1" where "t1"."customer_id" = "t0"."customer_id")` }],
    ["the reading side of a one", { given: "customer.profile", inline: `(select "t1"."id" from "profiles" "t1" where "t1"."customer_id" = "t0"."customer_id")` }],
    ["a materialized computed field is its column", { given: "big", inline: `"t0"."big"` }],
    ["a virtual computed field is inlined", { given: "net", inline: `((select coalesce(sum("t1"."total"), 0) ${LINES}) - "t0"."total")` }],
    ["a virtual computed field of a related row", { given: "lines.exists(l, l.amount > 1)", inline: `EXISTS (select 1 ${LINES} and (("t1"."price" * "t1"."qty") > 1))`, parameters: [`EXISTS (select 1 ${LINES} and (("t1"."price" * "t1"."qty") > $1::int))`, [1]] }],
    ["a polymorphic member", { given: "subject.name", inline: `CASE "t0"."subject_type" WHEN 'Customer' THEN (select "t1"."name" from "customers" "t1" where "t1"."id" = "t0"."subject_id") WHEN 'Product' THEN (select "t2"."name" from "products" "t2" where "t2"."id" = "t0"."subject_id") END` }],
    ["an embedded member", { given: "address.city", inline: `("t0"."address" ->> 'city')` }],
    ["an embedded number", { given: "address.zip", inline: `("t0"."address" ->> 'zip')::numeric` }],
    ["a json member", { given: "meta.kind", inline: `nullif("t0"."meta" -> 'kind', 'null'::jsonb)` }],
    ["a relation list as a value", { given: "lines", inline: `ARRAY(select "t1"."id" ${LINES})` }],
    ["a projection", { given: "lines.total", inline: `ARRAY(select "t1"."total" ${LINES})` }],
    ["many-to-many", { given: "tags.name", inline: `ARRAY(select "t2"."name" from "invoice_tags_links" "t1" JOIN "tags" "t2" ON "t2"."id" = "t1"."tag_id" where "t1"."invoice_id" = "t0"."id")` }],
    ["user.id", { given: "user.id", inline: "nullif(current_setting('app.user_id', true), '')::uuid" }],
    ["user.email", { given: "user.email", inline: "nullif(current_setting('app.user_email', true), '')" }],
    ["user.roles", { given: "user.roles", inline: ROLES }],
    ["tenant.id", { given: "tenant.id", inline: "nullif(current_setting('app.tenant_id', true), '')::uuid" }],
    ["tenant.member", { given: "tenant.member", inline: "coalesce((current_setting('app.tenant_id', true) <> ''), false)" }],
    ["tenant.roles", { given: "tenant.roles", inline: "string_to_array(nullif(current_setting('app.tenant_roles', true), ''), ',')" }],
    ["params from the values", { given: "params.status", inline: "'sent'", parameters: ["$1::text", ["sent"]] }],
    ["a money param", { given: "params.limit", inline: "10.5", parameters: ["$1::numeric", ["10.5"]] }],
    ["a null param, typed", { given: "params.customer", inline: "NULL::uuid" }],
  ]);
});

describe("arithmetic", () => {
  table([
    ["two ints compute in numeric", { given: "qty + 1", inline: `("t0"."qty"::numeric + 1)`, parameters: [`("t0"."qty"::numeric + $1::int)`, [1]] }],
    ["money and int", { given: "total * 2", inline: `("t0"."total" * 2)`, parameters: [`("t0"."total" * $1::int)`, [2]] }],
    ["subtraction", { given: "total - rate", inline: `("t0"."total" - "t0"."rate")` }],
    ["division by zero is null", { given: "qty / 2", inline: `("t0"."qty"::numeric / nullif(2, 0))`, parameters: [`("t0"."qty"::numeric / nullif($1::int, 0))`, [2]] }],
    ["modulo", { given: "total % 3", inline: `("t0"."total" % nullif(3, 0))`, parameters: [`("t0"."total" % nullif($1::int, 0))`, [3]] }],
    ["with null", { given: "total + null", inline: "NULL::numeric" }],
    ["unary minus", { given: "-qty", inline: `(- "t0"."qty")` }],
    ["unary minus of a literal", { given: "-5", inline: "(- 5)", parameters: ["(- $1::int)", [5]] }],
    ["string + is concat", { given: "number + '-' + notes", inline: `(("t0"."number" || '-') || "t0"."notes")`, parameters: [`(("t0"."number" || $1::text) || "t0"."notes")`, ["-"]] }],
  ]);
});

describe("comparison", () => {
  table([
    ["== with a known side stays `=`", { given: "number == 'x'", inline: `("t0"."number" = 'x')`, parameters: [`("t0"."number" = $1::text)`, ["x"]] }],
    ["== with a nullable side", { given: "total == 1", inline: `coalesce(("t0"."total" = 1), false)`, parameters: [`coalesce(("t0"."total" = $1::int), false)`, [1]] }],
    ["== of two nullable sides", { given: "notes == status", inline: `("t0"."notes" IS NOT DISTINCT FROM "t0"."status")` }],
    ["!= is null-safe", { given: "total != 1", inline: `("t0"."total" IS DISTINCT FROM 1)`, parameters: [`("t0"."total" IS DISTINCT FROM $1::int)`, [1]] }],
    ["== null", { given: "notes == null", inline: `("t0"."notes" IS NULL)` }],
    ["!= null", { given: "null != notes", inline: `("t0"."notes" IS NOT NULL)` }],
    ["a required field is never null", { given: "number == null", inline: "false" }],
    ["records by id", { given: "lines.exists(l, l.invoice == record)", inline: `EXISTS (select 1 ${LINES} and ("t1"."invoice_id" = "t0"."id"))` }],
    ["uuid with text compares as text", { given: "owner == 'nobody'", inline: `coalesce(("t0"."owner"::text = 'nobody'), false)`, parameters: [`coalesce(("t0"."owner"::text = $1::text), false)`, ["nobody"]] }],
    ["a ref with user.id", { given: "customer.owner == user.id", inline: `((select "t1"."owner" from "customers" "t1" where "t1"."id" = "t0"."customer_id") IS NOT DISTINCT FROM nullif(current_setting('app.user_id', true), '')::uuid)` }],
    ["ordering", { given: "qty < 3", inline: `coalesce(("t0"."qty" < 3), false)`, parameters: [`coalesce(("t0"."qty" < $1::int), false)`, [3]] }],
    ["strings order by code point", { given: "number >= 'a'", inline: `("t0"."number" COLLATE "C" >= 'a')`, parameters: [`("t0"."number" COLLATE "C" >= $1::text)`, ["a"]] }],
    ["a date literal", { given: "due <= '2024-01-01'", inline: `coalesce(("t0"."due" <= '2024-01-01'::date), false)`, parameters: [`coalesce(("t0"."due" <= $1::date), false)`, ["2024-01-01"]] }],
    ["a datetime literal", { given: "sentAt > '2024-01-01T10:00:00+02:00'", inline: `coalesce(("t0"."sent_at" > '2024-01-01T10:00:00+02:00'::timestamptz), false)`, parameters: [`coalesce(("t0"."sent_at" > $1::timestamptz), false)`, ["2024-01-01T10:00:00+02:00"]] }],
    ["a datetime literal without offset is UTC", { given: "sentAt > '2024-01-01'", inline: `coalesce(("t0"."sent_at" > '2024-01-01T00:00:00Z'::timestamptz), false)`, parameters: [`coalesce(("t0"."sent_at" > $1::timestamptz), false)`, ["2024-01-01T00:00:00Z"]] }],
    ["json read as the other side's type", { given: "meta.n == 2", inline: `coalesce((CASE WHEN jsonb_typeof(nullif("t0"."meta" -> 'n', 'null'::jsonb)) IN ('number') THEN (nullif("t0"."meta" -> 'n', 'null'::jsonb) #>> '{}')::numeric END = 2), false)`, parameters: [`coalesce((CASE WHEN jsonb_typeof(nullif("t0"."meta" -> 'n', 'null'::jsonb)) IN ('number') THEN (nullif("t0"."meta" -> 'n', 'null'::jsonb) #>> '{}')::numeric END = $1::int), false)`, [2]] }],
    ["lists compare as arrays", { given: "user.roles == ['a']", inline: `coalesce((${ROLES} = ARRAY['a']::text[]), false)`, parameters: [`coalesce((${ROLES} = $1::text[]), false)`, [["a"]]] }],
  ]);
});

describe("logic and conditional", () => {
  table([
    ["!", { given: "!paid", inline: `(NOT coalesce("t0"."paid", false))` }],
    ["! of a comparison", { given: "!(qty > 1)", inline: `(NOT coalesce(("t0"."qty" > 1), false))`, parameters: [`(NOT coalesce(("t0"."qty" > $1::int), false))`, [1]] }],
    ["&& chains flatten", { given: "paid && has(due) && number == 'x'", inline: `coalesce(("t0"."paid" AND ("t0"."due" IS NOT NULL) AND ("t0"."number" = 'x')), false)`, parameters: [`coalesce(("t0"."paid" AND ("t0"."due" IS NOT NULL) AND ("t0"."number" = $1::text)), false)`, ["x"]] }],
    ["||", { given: "paid || has(due)", inline: `coalesce(("t0"."paid" OR ("t0"."due" IS NOT NULL)), false)` }],
    ["? :", { given: "paid ? 1 : 2.5", inline: `CASE WHEN "t0"."paid" THEN 1 ELSE 2.5 END`, parameters: [`CASE WHEN "t0"."paid" THEN $1::int ELSE $2::numeric END`, [1, "2.5"]] }],
    ["? : of records", { given: "(paid ? customer : null) == customer", inline: `(CASE WHEN "t0"."paid" THEN "t0"."customer_id" ELSE NULL END IS NOT DISTINCT FROM "t0"."customer_id")` }],
  ]);
});

describe("in", () => {
  table([
    ["a written list", { given: "status in ['sent', 'paid']", inline: `coalesce(("t0"."status" IN ('sent', 'paid')), false)`, parameters: [`coalesce(("t0"."status" = ANY($1::text[])), false)`, [["sent", "paid"]]] }],
    ["numbers", { given: "qty in [1, 2]", inline: `coalesce(("t0"."qty" IN (1, 2)), false)`, parameters: [`coalesce(("t0"."qty" = ANY($1::numeric[])), false)`, [[1, 2]]] }],
    ["the empty list", { given: "qty in []", inline: "false" }],
    ["null in a list", { given: "null in [1]", inline: "false" }],
    ["a list with columns", { given: "status in [notes, 'paid']", inline: `coalesce(("t0"."status" IN ("t0"."notes", 'paid')), false)`, parameters: [`coalesce(("t0"."status" IN ("t0"."notes", $1::text)), false)`, ["paid"]] }],
    ["user.roles", { given: "'billing' in user.roles", inline: `coalesce(('billing' = ANY(${ROLES})), false)`, parameters: [`coalesce(($1::text = ANY(${ROLES})), false)`, ["billing"]] }],
    ["a relation", { given: "'urgent' in tags.name", inline: `EXISTS (select 1 from "invoice_tags_links" "t1" JOIN "tags" "t2" ON "t2"."id" = "t1"."tag_id" where "t1"."invoice_id" = "t0"."id" and "t2"."name" = 'urgent')`, parameters: [`EXISTS (select 1 from "invoice_tags_links" "t1" JOIN "tags" "t2" ON "t2"."id" = "t1"."tag_id" where "t1"."invoice_id" = "t0"."id" and "t2"."name" = $1::text)`, ["urgent"]] }],
    ["a record in a relation", { given: "record in customer.invoices", inline: `EXISTS (select 1 from "invoices" "t1" where "t1"."customer_id" = "t0"."customer_id" and "t1"."id" = "t0"."id")` }],
  ]);
});

describe("functions", () => {
  table([
    ["size of a string", { given: "size(notes)", inline: `coalesce(length("t0"."notes"), 0)` }],
    ["size of a required string", { given: "size(number)", inline: `length("t0"."number")` }],
    ["size of a relation", { given: "size(lines)", inline: `(select count(*) ${LINES})` }],
    ["size of a written list", { given: "size([1, 2, 3])", inline: "3", parameters: ["$1::int", [3]] }],
    ["size of an array", { given: "size(user.roles)", inline: `coalesce(cardinality(${ROLES}), 0)` }],
    ["size of an embedded list", { given: "size(contacts)", inline: `coalesce(jsonb_array_length("t0"."contacts"), 0)` }],
    ["count skips nulls", { given: "count(lines.qty)", inline: `(select count("t1"."qty") ${LINES})` }],
    ["count of records", { given: "count(lines)", inline: `(select count(*) ${LINES})` }],
    ["count of a written list", { given: "count([qty, null])", inline: `num_nonnulls("t0"."qty", NULL)` }],
    ["sum of nothing is 0", { given: "sum(lines.total)", inline: `(select coalesce(sum("t1"."total"), 0) ${LINES})` }],
    ["min of strings by code point", { given: "min(lines.product.name)", inline: `(select min((select "t2"."name" from "products" "t2" where "t2"."id" = "t1"."product_id") COLLATE "C") ${LINES})` }],
    ["max", { given: "max(lines.total)", inline: `(select max("t1"."total") ${LINES})` }],
    ["avg", { given: "avg(lines.qty)", inline: `(select avg("t1"."qty") ${LINES})` }],
    ["sum over filter and map", { given: "sum(lines.filter(l, l.qty > 1).map(l, l.price * l.qty))", inline: `(select coalesce(sum(("t1"."price" * "t1"."qty")), 0) ${LINES} and ("t1"."qty" > 1))`, parameters: [`(select coalesce(sum(("t1"."price" * "t1"."qty")), 0) ${LINES} and ("t1"."qty" > $1::int))`, [1]] }],
    ["sum of a written list", { given: "sum([1, qty])", inline: `(select coalesce(sum("t1"."value"), 0) from (VALUES (1), ("t0"."qty")) AS "t1"("value"))`, parameters: [`(select coalesce(sum("t1"."value"), 0) from (VALUES ($1::int), ("t0"."qty")) AS "t1"("value"))`, [1]] }],
    ["has", { given: "has(notes)", inline: `("t0"."notes" IS NOT NULL)` }],
    ["has through a ref", { given: "has(customer.name)", inline: `((select "t1"."name" from "customers" "t1" where "t1"."id" = "t0"."customer_id") IS NOT NULL)` }],
    ["has on a list", { given: "has(lines.product)", inline: `EXISTS (select 1 ${LINES} and ("t1"."product_id" IS NOT NULL))` }],
    ["has of a relation", { given: "has(lines)", inline: "true" }],
    ["has of a relation of a ref", { given: "has(customer.invoices)", inline: `(NOT ("t0"."customer_id" IS NULL))` }],
    ["has of an embedded member", { given: "has(address.city)", inline: `(("t0"."address" ->> 'city') IS NOT NULL)` }],
    ["now", { given: "now()", inline: "now()" }],
    ["today in UTC", { given: "today()", inline: "(now() at time zone 'utc')::date" }],
    ["lower", { given: "lower(number)", inline: `lower("t0"."number")` }],
    ["upper", { given: "upper(notes)", inline: `upper("t0"."notes")` }],
    ["abs", { given: "abs(total)", inline: `abs("t0"."total")` }],
    ["round", { given: "round(total)", inline: `round("t0"."total")` }],
    ["round an int, in numeric", { given: "round(qty, 2)", inline: `round("t0"."qty"::numeric, 2)`, parameters: [`round("t0"."qty"::numeric, $1::int)`, [2]] }],
    ["round with computed digits", { given: "round(total, qty + 1)", inline: `round("t0"."total", (("t0"."qty"::numeric + 1))::int)`, parameters: [`round("t0"."total", (("t0"."qty"::numeric + $1::int))::int)`, [1]] }],
    ["coalesce", { given: "coalesce(notes, 'x')", inline: `coalesce("t0"."notes", 'x')`, parameters: [`coalesce("t0"."notes", $1::text)`, ["x"]] }],
    ["coalesce of records", { given: "coalesce(customer, customer) == null", inline: `(coalesce("t0"."customer_id", "t0"."customer_id") IS NULL)` }],
    ["concat", { given: "concat(number, '-', notes)", inline: `("t0"."number" || '-' || "t0"."notes")`, parameters: [`("t0"."number" || $1::text || "t0"."notes")`, ["-"]] }],
    ["concat with null", { given: "concat(number, null)", inline: "NULL::text" }],
  ]);
});

describe("methods", () => {
  table([
    ["contains", { given: "notes.contains('x')", inline: `coalesce((strpos("t0"."notes", 'x') > 0), false)`, parameters: [`coalesce((strpos("t0"."notes", $1::text) > 0), false)`, ["x"]] }],
    ["startsWith", { given: "number.startsWith('x')", inline: `starts_with("t0"."number", 'x')`, parameters: [`starts_with("t0"."number", $1::text)`, ["x"]] }],
    ["endsWith", { given: "notes.endsWith('x')", inline: `coalesce(starts_with(reverse("t0"."notes"), reverse('x')), false)`, parameters: [`coalesce(starts_with(reverse("t0"."notes"), reverse($1::text)), false)`, ["x"]] }],
    ["list contains", { given: "user.roles.contains('x')", inline: `coalesce(('x' = ANY(${ROLES})), false)`, parameters: [`coalesce(($1::text = ANY(${ROLES})), false)`, ["x"]] }],
  ]);
});

describe("macros", () => {
  table([
    ["exists", { given: "lines.exists(l, l.qty > 1)", inline: `EXISTS (select 1 ${LINES} and ("t1"."qty" > 1))`, parameters: [`EXISTS (select 1 ${LINES} and ("t1"."qty" > $1::int))`, [1]] }],
    ["all", { given: "lines.all(l, l.qty > 1)", inline: `(NOT EXISTS (select 1 ${LINES} and (NOT coalesce(("t1"."qty" > 1), false))))`, parameters: [`(NOT EXISTS (select 1 ${LINES} and (NOT coalesce(("t1"."qty" > $1::int), false))))`, [1]] }],
    ["filter", { given: "size(lines.filter(l, has(l.product)))", inline: `(select count(*) ${LINES} and ("t1"."product_id" IS NOT NULL))` }],
    ["map", { given: "lines.map(l, l.qty)", inline: `ARRAY(select "t1"."qty" ${LINES})` }],
    ["over a written list, expanded", { given: "[1, 2].exists(x, x > qty)", inline: `coalesce(((1 > "t0"."qty") OR (2 > "t0"."qty")), false)`, parameters: [`coalesce((($1::int > "t0"."qty") OR ($2::int > "t0"."qty")), false)`, [1, 2]] }],
    ["all over the empty list", { given: "[].all(x, x == 1)", inline: "true" }],
    ["over an array", { given: "user.roles.exists(r, r == status)", inline: `EXISTS (select 1 from unnest(${ROLES}) AS "t1"("value") where ("t1"."value" IS NOT DISTINCT FROM "t0"."status"))` }],
    ["over an embedded list", { given: "contacts.exists(c, c.vip)", inline: `EXISTS (select 1 from jsonb_array_elements("t0"."contacts") AS "t1"("value") where (nullif("t1"."value", 'null'::jsonb) ->> 'vip')::boolean)` }],
    ["a nested traversal", { given: "customer.invoices.exists(i, i.lines.all(l, l.total <= i.total))", inline: `EXISTS (select 1 from "invoices" "t1" where "t1"."customer_id" = "t0"."customer_id" and (NOT EXISTS (select 1 from "invoice_lines" "t2" where "t2"."invoice_id" = "t1"."id" and (NOT coalesce(("t2"."total" <= "t1"."total"), false)))))` }],
    ["a flattened projection", { given: "size(customer.invoices.lines)", inline: `(select count(*) from "invoices" "t1", "invoice_lines" "t2" where "t1"."customer_id" = "t0"."customer_id" and "t2"."invoice_id" = "t1"."id")` }],
    ["many-to-many", { given: "tags.exists(t, t.name == 'x')", inline: `EXISTS (select 1 from "invoice_tags_links" "t1" JOIN "tags" "t2" ON "t2"."id" = "t1"."tag_id" where "t1"."invoice_id" = "t0"."id" and ("t2"."name" = 'x'))`, parameters: [`EXISTS (select 1 from "invoice_tags_links" "t1" JOIN "tags" "t2" ON "t2"."id" = "t1"."tag_id" where "t1"."invoice_id" = "t0"."id" and ("t2"."name" = $1::text))`, ["x"]] }],
  ]);
});

describe("lowerCondition", () => {
  const cases: [string, { given: string; want: string; strict: string }][] = [
    ["keeps `=` for an index", { given: "status == 'sent'", want: `("t0"."status" = 'sent')`, strict: `coalesce(("t0"."status" = 'sent'), false)` }],
    ["a nullable bool column", { given: "paid", want: `"t0"."paid"`, strict: `coalesce("t0"."paid", false)` }],
    ["never-null conditions stay as they are", { given: "has(due)", want: `("t0"."due" IS NOT NULL)`, strict: `("t0"."due" IS NOT NULL)` }],
    ["in", { given: "'billing' in user.roles", want: `('billing' = ANY(${ROLES}))`, strict: `coalesce(('billing' = ANY(${ROLES})), false)` }],
  ];
  test.each(cases)("%s", (_, { given, want, strict }) => {
    const { ast } = checked(ir, given);
    expect(lowerCondition(ast, ctx("inline"))).toEqual({ sql: want, parameters: [] });
    expect(lowerCondition(ast, ctx("inline"), { notNull: true })).toEqual({ sql: strict, parameters: [] });
  });
});
