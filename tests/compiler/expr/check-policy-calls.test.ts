/**
 * `can('permission')` and `check(relation, op)`: typing, diagnostics and the normalised AST they become.
 */
import { describe, expect, test } from "bun:test";
import type { ExprScope } from "../../../compiler/expr/index.ts";
import type { Expr } from "../../../compiler/ir/index.ts";
import { check, parse, policyScope, recordScope, sexpr } from "./helpers.ts";

const POLICIES: Record<string, Record<string, string>> = {
  Customer: { read: "owner == user.id", write: "'admin' in user.roles" },
  Product: { read: "tags.exists(l, l == 'public')" },
  User: { read: "check(record, 'read')" }, // a cycle through itself
  InvoiceLine: { read: "check(product, 'reed')" }, // an error of its own
};

const permissions = new Map<string, readonly string[]>([
  ["invoices.pay", ["admin", "billing"]],
  ["invoices.none", []],
]);
const policy = (entity: string, op: string): Expr | undefined => {
  const policies = POLICIES[entity] ?? {};
  const source = policies[op] ?? (op === "read" ? undefined : policies.write);
  return source === undefined ? undefined : parse(source);
};
const scope: ExprScope = { ...policyScope, permissions, policy };
const inRecord: ExprScope = { ...recordScope, permissions, policy };

describe("can and check: normalised AST", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["can becomes role tests on tenant and user roles", {
      given: "can('invoices.pay')",
      want: '(|| (|| (|| (in "admin" (. tenant roles)) (in "billing" (. tenant roles))) (in "admin" (. user roles))) (in "billing" (. user roles)))',
    }],
    ["a permission no role has is false", { given: "can('invoices.none')", want: "false" }],
    ["check inlines the target's policy with record rebound", {
      given: "check(customer, 'read')",
      want: "(&& (call has (. record customer)) (== (. (. record customer) owner) (. user id)))",
    }],
    ["update falls back to write", {
      given: "check(record.customer, 'update')",
      want: '(&& (call has (. record customer)) (in "admin" (. user roles)))',
    }],
    ["no policy is a deny", { given: "check(record, 'update')", want: "false" }],
    ["a macro variable of the policy is renamed when the argument reads it", {
      given: "lines.all(l, check(l.product, 'read'))",
      want: '(all l (. record lines) (&& (call has (. l product)) (exists l1 (. (. l product) tags) (== l1 "public"))))',
    }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    const result = check(given, scope);
    expect(result.diagnostics).toEqual([]);
    expect(result.type).toEqual({ kind: "bool" });
    expect(sexpr(result.ast)).toBe(want);
  });
});

describe("can and check: diagnostics", () => {
  const cases: [string, { given: string; in?: ExprScope; code: string; message: RegExp; hint?: string }][] = [
    ["unknown permission", { given: "can('invoices.pya')", code: "WV409", message: /^unknown permission 'invoices.pya'$/, hint: "did you mean 'invoices.pay'?" }],
    ["a computed permission name", { given: "can(user.name)", code: "WV406", message: /needs a permission name as a string/ }],
    ["can with no argument", { given: "can()", code: "WV405", message: /takes 1 argument, found 0/ }],
    ["can without user", { given: "can('invoices.pay')", in: inRecord, code: "WV407", message: /`can` is not available here/ }],
    ["check of a scalar", { given: "check(total, 'read')", code: "WV406", message: /needs a related record.*found money/ }],
    ["check of a list", { given: "check(lines, 'read')", code: "WV406", message: /found list<InvoiceLine>/ }],
    ["an unknown operation", { given: "check(customer, 'reed')", code: "WV406", message: /cannot delegate 'reed'/, hint: "did you mean 'read'?" }],
    ["create cannot be delegated", { given: "check(customer, 'create')", code: "WV406", message: /cannot delegate 'create'/ }],
    ["a computed operation", { given: "check(customer, number)", code: "WV406", message: /needs an operation/ }],
    ["a policy that reads user, delegated from a computed field", { given: "check(customer, 'read')", in: inRecord, code: "WV407", message: /^in policy `Customer.read`: `user` is not available here/ }],
    ["a delegation cycle", { given: "check(owner, 'read')", in: { ...scope, policy: (e, op) => (e === "User" ? policy(e, op) : undefined) }, code: "WV410", message: /cycle: User.read -> User.read/ }],
    ["an error in the delegated policy", { given: "check(lines.product, 'read') || check(record.lines, 'read')", code: "WV406", message: /found list/ }],
  ];
  test.each(cases)("%s", (_, { given, in: where, code, message, hint }) => {
    const { diagnostics } = check(given, where ?? scope);
    expect(diagnostics.length).toBeGreaterThan(0);
    const [first] = diagnostics;
    expect(first!.code).toBe(code as never);
    expect(first!.message).toMatch(message);
    if (hint) expect(first!.hint).toBe(hint);
  });

  test("a cycle through two entities is reported once per delegating expression", () => {
    const loop: Record<string, string> = { Customer: "check(owner, 'read')", User: "check(record, 'read')" };
    const { diagnostics } = check("check(customer, 'read')", { ...scope, policy: (e) => (loop[e] ? parse(loop[e]!) : undefined) });
    expect(diagnostics.map((d) => d.code)).toEqual(["WV410"]);
  });
});
