import { describe, expect, test } from "bun:test";
import { formatType, T } from "../../../compiler/expr/index.ts";
import { actionScope, check, policyScope, recordScope } from "./helpers.ts";

describe("checkExpression: result types", () => {
  const cases: [string, { given: string; want: string }][] = [
    // literals
    ["int literal", { given: "1", want: "int" }],
    ["decimal literal", { given: "1.5", want: "decimal" }],
    ["string literal", { given: "'a'", want: "string" }],
    ["bool literal", { given: "true", want: "bool" }],
    ["null literal", { given: "null", want: "null" }],
    ["list of ints", { given: "[1, 2]", want: "list<int>" }],
    ["list widens numbers", { given: "[1, 2.5]", want: "list<decimal>" }],
    ["list with null", { given: "[null, 'a']", want: "list<string>" }],
    ["empty list", { given: "[]", want: "list<any>" }],
    // arithmetic: the numeric tower and money
    ["int + int", { given: "count + 1", want: "int" }],
    ["int + decimal", { given: "count + 1.5", want: "decimal" }],
    ["decimal * int", { given: "rate * 2", want: "decimal" }],
    ["money + money", { given: "total + subtotal", want: "money" }],
    ["money * int", { given: "total * 2", want: "money" }],
    ["int * money", { given: "2 * total", want: "money" }],
    ["money * decimal", { given: "total * rate", want: "money" }],
    ["money - int", { given: "total - 1", want: "money" }],
    ["money / int", { given: "total / 3", want: "money" }],
    ["money / money is a ratio", { given: "total / subtotal", want: "decimal" }],
    ["int / int is decimal", { given: "count / 2", want: "decimal" }],
    ["int % int", { given: "count % 2", want: "int" }],
    ["money % int", { given: "total % 2", want: "money" }],
    ["unary minus keeps the type", { given: "-total", want: "money" }],
    ["arithmetic with null", { given: "count + null", want: "int" }],
    ["json arithmetic is json", { given: "meta + 1", want: "json" }],
    // strings
    ["string + string", { given: "number + '-x'", want: "string" }],
    ["enum + string", { given: "status + '!'", want: "string" }],
    // comparison and logic
    ["comparison", { given: "total > 0", want: "bool" }],
    ["money vs decimal", { given: "total >= 1.5", want: "bool" }],
    ["date vs date", { given: "due < today()", want: "bool" }],
    ["datetime vs datetime", { given: "sentAt < now()", want: "bool" }],
    ["date vs ISO date literal", { given: "due >= '2024-01-01' && '2024-12-31' != due", want: "bool" }],
    ["datetime vs ISO literal", { given: "sentAt < '2024-01-01T10:00:00Z' && sentAt > '2024-01-01'", want: "bool" }],
    ["string ordering", { given: "number < 'M'", want: "bool" }],
    ["equality with null", { given: "due == null", want: "bool" }],
    ["ref vs uuid", { given: "owner == '7f0c'", want: "bool" }],
    ["logic", { given: "paid && !(total > 0) || false", want: "bool" }],
    ["in", { given: "'x' in tags", want: "bool" }],
    ["in with a literal list", { given: "count in [1, 2, 3]", want: "bool" }],
    // ternary
    ["ternary unifies numbers", { given: "paid ? 1 : 2.5", want: "decimal" }],
    ["ternary with null", { given: "paid ? null : total", want: "money" }],
    ["ternary int and money", { given: "paid ? 0 : total", want: "money" }],
    ["ternary enum and string", { given: "paid ? status : 'none'", want: "string" }],
    // members and projection
    ["ref member", { given: "customer.name", want: "string" }],
    ["record.x", { given: "record.total", want: "money" }],
    ["many relation", { given: "lines", want: "list<InvoiceLine>" }],
    ["projection", { given: "lines.total", want: "list<money>" }],
    ["projection through a ref", { given: "lines.product.name", want: "list<string>" }],
    ["projection flattens a many of a many", { given: "customer.invoices.lines", want: "list<InvoiceLine>" }],
    ["projection flattens a list field", { given: "lines.product.tags", want: "list<string>" }],
    ["json member is json", { given: "meta.anything.deeper", want: "json" }],
    // functions
    ["size of list", { given: "size(lines)", want: "int" }],
    ["size of string", { given: "size(number)", want: "int" }],
    ["sum of money", { given: "sum(lines.total)", want: "money" }],
    ["sum of int", { given: "sum(lines.qty)", want: "int" }],
    ["count", { given: "count(lines)", want: "int" }],
    ["min of dates", { given: "min(customer.invoices.due)", want: "date" }],
    ["max of strings", { given: "max(lines.notes)", want: "string" }],
    ["avg of int is decimal", { given: "avg(lines.qty)", want: "decimal" }],
    ["avg of money", { given: "avg(lines.total)", want: "money" }],
    ["has", { given: "has(due)", want: "bool" }],
    ["has through a ref", { given: "has(customer.name)", want: "bool" }],
    ["now", { given: "now()", want: "datetime" }],
    ["today", { given: "today()", want: "date" }],
    ["lower", { given: "lower(number)", want: "string" }],
    ["upper of enum", { given: "upper(status)", want: "string" }],
    ["abs", { given: "abs(total)", want: "money" }],
    ["round", { given: "round(rate)", want: "decimal" }],
    ["round with digits", { given: "round(total, 2)", want: "money" }],
    ["coalesce", { given: "coalesce(due, today())", want: "date" }],
    ["coalesce widens", { given: "coalesce(count, 1.5, total)", want: "money" }],
    ["concat", { given: "concat(number, '-', status)", want: "string" }],
    // methods
    ["string contains", { given: "number.contains('x')", want: "bool" }],
    ["startsWith", { given: "number.startsWith('INV')", want: "bool" }],
    ["endsWith on enum", { given: "status.endsWith('t')", want: "bool" }],
    ["list contains", { given: "tags.contains('x')", want: "bool" }],
    // macros
    ["exists", { given: "lines.exists(l, l.qty > 1)", want: "bool" }],
    ["all", { given: "lines.all(l, has(l.product))", want: "bool" }],
    ["filter keeps the list type", { given: "lines.filter(l, l.qty > 1)", want: "list<InvoiceLine>" }],
    ["map gives the body type", { given: "lines.map(l, l.total * l.qty)", want: "list<money>" }],
    ["macros chain", { given: "sum(lines.filter(l, l.qty > 1).map(l, l.total))", want: "money" }],
    ["nested macros see outer variables", { given: "customer.invoices.exists(i, i.lines.all(l, l.total <= i.total))", want: "bool" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    const result = check(given);
    expect(result.diagnostics).toEqual([]);
    expect(formatType(result.type)).toBe(want);
  });

  const contexts: [string, { given: string; scope: typeof recordScope; want: string }][] = [
    ["user roles in a policy", { given: "'billing' in user.roles", scope: policyScope, want: "bool" }],
    ["tenant member", { given: "tenant.member", scope: policyScope, want: "bool" }],
    ["user id vs ref", { given: "record.owner == user.id", scope: policyScope, want: "bool" }],
    ["action input", { given: "input.amount <= total", scope: actionScope, want: "bool" }],
  ];
  test.each(contexts)("%s", (_, { given, scope, want }) => {
    const result = check(given, scope);
    expect(result.diagnostics).toEqual([]);
    expect(formatType(result.type)).toBe(want);
  });

  test("expected type: a wider numeric type accepts a narrower one", () => {
    expect(check("count", recordScope, T.money).diagnostics).toEqual([]);
    expect(check("status", recordScope, T.string).diagnostics).toEqual([]);
    expect(check("null", recordScope, T.date).diagnostics).toEqual([]);
  });

  test("expected enum: string literals that are its values fit", () => {
    const status = T.enum(["draft", "sent", "paid"]);
    expect(check("paid ? 'paid' : due < today() ? 'sent' : null", recordScope, status).diagnostics).toEqual([]);
    expect(check("'draft'", recordScope, status).diagnostics).toEqual([]);
    expect(check("status", recordScope, status).diagnostics).toEqual([]);
  });
});
