import { describe, expect, test } from "bun:test";
import { checkExpression, parseExpression, T } from "../../../compiler/expr/index.ts";
import { check, INVOICE, parse, policyScope, recordScope, sexpr, slice } from "./helpers.ts";

describe("checkExpression: normalised AST", () => {
  const cases: [string, { given: string; scope?: typeof recordScope; want: string }][] = [
    ["bare field becomes record.field", { given: "total > 0", want: "(> (. record total) 0)" }],
    ["bare field chain", { given: "customer.name", want: "(. (. record customer) name)" }],
    ["record.field is kept", { given: "record.total", want: "(. record total)" }],
    ["bare fields inside calls", { given: "sum(lines.total) == subtotal", want: "(== (call sum (. (. record lines) total)) (. record subtotal))" }],
    ["has of a bare field", { given: "has(due)", want: "(call has (. record due))" }],
    ["macro variable is not a field", { given: "lines.exists(l, l.qty > count)", want: "(exists l (. record lines) (> (. l qty) (. record count)))" }],
    ["macro variable shadows a field", { given: "lines.exists(total, total.qty > 1)", want: "(exists total (. record lines) (> (. total qty) 1))" }],
    ["macro variable only inside the body", { given: "lines.exists(l, true) && has(customer)", want: "(&& (exists l (. record lines) true) (call has (. record customer)))" }],
    ["variables win over fields", { given: "user.id == owner", scope: policyScope, want: "(== (. user id) (. record owner))" }],
    ["string + becomes concat", { given: "number + '-' + status", want: '(call concat (call concat (. record number) "-") (. record status))' }],
    ["numeric + stays +", { given: "total + 1", want: "(+ (. record total) 1)" }],
    ["method targets are normalised", { given: "number.startsWith('A')", want: '(method startsWith (. record number) "A")' }],
    ["list items are normalised", { given: "count in [count, 1]", want: "(in (. record count) [(. record count) 1])" }],
    ["ternary parts are normalised", { given: "paid ? total : subtotal", want: "(? (. record paid) (. record total) (. record subtotal))" }],
    ["rule inlined", { given: "$big && paid", want: "(&& (> (. record total) 1000) (. record paid))" }],
    ["rule inlined in a policy", { given: "$isBilling || $isOwner", scope: policyScope, want: '(|| (|| (in "billing" (. user roles)) (in "admin" (. user roles))) (== (. record owner) (. user id)))' }],
  ];
  test.each(cases)("%s", (_, { given, scope, want }) => {
    const result = check(given, scope ?? recordScope);
    expect(result.diagnostics).toEqual([]);
    expect(sexpr(result.ast)).toBe(want);
  });

  test("a rewritten field keeps the span of the name as written", () => {
    const source = "1 < total";
    const { ast } = check(source);
    expect(ast).toMatchObject({ right: { kind: "member", property: "total", object: { kind: "ident", name: "record" } } });
    const right = (ast as { right: { span: { start: number; end: number }; object: { span: { start: number; end: number } } } }).right;
    expect(slice(source, right.span)).toBe("total");
    expect(slice(source, right.object.span)).toBe("total");
  });

  test("every node of an inlined rule carries the span of its `$name`", () => {
    const source = "paid || $big";
    const { ast } = check(source);
    const spans = new Set<string>();
    const walk = (node: unknown): void => {
      if (node && typeof node === "object") {
        const n = node as Record<string, unknown>;
        if (n.span && n.kind) spans.add(slice(source, n.span as { start: number; end: number }));
        Object.values(n).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
      }
    };
    walk((ast as { right: unknown }).right);
    expect([...spans]).toEqual(["$big"]);
  });

  test("a rule is checked in the scope where it is used, not where it is written", () => {
    // `total` is bare in the rule: it resolves against the record of the using expression.
    const other = { ...recordScope, variables: { record: T.entity("Quote") }, implicit: T.entity("Quote"), members: () => ({ total: T.decimal }) };
    expect(sexpr(checkExpression(parse("$big"), other).ast)).toBe("(> (. record total) 1000)");
  });

  test("the parsed AST is not modified", () => {
    const ast = parseExpression("total > 0").ast!;
    const copy = structuredClone(ast);
    checkExpression(ast, recordScope, T.bool);
    expect(ast).toEqual(copy);
  });

  test("a checked AST checks again to itself", () => {
    const first = check("$big && lines.exists(l, l.qty > count) && number + 'x' == 'y'");
    const second = checkExpression(first.ast, { variables: { record: INVOICE }, members: recordScope.members }, T.bool);
    expect(second.diagnostics).toEqual([]);
    expect(second.ast).toEqual(first.ast);
  });
});
