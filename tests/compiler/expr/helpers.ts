/**
 * Shared fixtures for the expression tests: a small invoicing model, scopes for each context, and a compact
 * S-expression printer so ASTs can be asserted in one line.
 */
import { expect } from "bun:test";
import { builtinMembers, checkExpression, parseExpression, T, TENANT_TYPE, USER_TYPE, type ExprScope } from "../../../compiler/expr/index.ts";
import type { Expr, ExprType } from "../../../compiler/ir/index.ts";

export const STATUS = T.enum(["draft", "sent", "paid"]);

export const MODEL: Record<string, Record<string, ExprType>> = {
  Invoice: {
    number: T.string,
    total: T.money,
    subtotal: T.money,
    limit: T.money,
    rate: T.decimal,
    count: T.int,
    due: T.date,
    sentAt: T.datetime,
    paid: T.bool,
    status: STATUS,
    notes: T.string,
    meta: T.json,
    owner: T.entity("User"),
    customer: T.entity("Customer"),
    lines: T.list(T.entity("InvoiceLine")),
    tags: T.list(T.string),
  },
  InvoiceLine: { total: T.money, qty: T.int, price: T.money, product: T.entity("Product"), notes: T.string },
  Customer: { name: T.string, invoices: T.list(T.entity("Invoice")), owner: T.entity("User") },
  Product: { name: T.string, tags: T.list(T.string) },
  User: { id: T.uuid, email: T.string },
};

const members = (t: ExprType) => builtinMembers(t) ?? (t.kind === "entity" ? MODEL[t.name] : undefined);

export const INVOICE = T.entity("Invoice");

/** Shared rules as a policy file would give them, already parsed. */
export const RULES = new Map<string, Expr>(
  Object.entries({
    member: "tenant.member",
    isBilling: "'billing' in user.roles || 'admin' in user.roles",
    isOwner: "owner == user.id",
    big: "total > 1000",
    loopA: "$loopB",
    loopB: "$loopA",
    self: "$self && true",
  }).map(([name, source]) => [name, parseExpression(source).ast!]),
);

/** A record context (computed fields, rules, guards): `record` and bare fields, no user. */
export const recordScope: ExprScope = { variables: { record: INVOICE }, implicit: INVOICE, members, rules: RULES };
/** A policy context: user, tenant, record. */
export const policyScope: ExprScope = {
  variables: { user: USER_TYPE, tenant: TENANT_TYPE, record: INVOICE },
  implicit: INVOICE,
  members,
  rules: RULES,
};
/** An action context: policy variables and `input`. */
export const actionScope: ExprScope = {
  ...policyScope,
  variables: { ...policyScope.variables, input: T.object("input") },
  members: (t) => (t.kind === "object" && t.name === "input" ? { reason: T.string, amount: T.money } : members(t)),
};

/** Parses, failing the test on a syntax error. */
export function parse(source: string): Expr {
  const { ast, diagnostics } = parseExpression(source);
  expect(diagnostics).toEqual([]);
  return ast!;
}

/** Parses and checks in `scope`. */
export function check(source: string, scope: ExprScope = recordScope, expected?: ExprType) {
  return checkExpression(parse(source), scope, expected);
}

/**
 * Prints an AST as an S-expression: `(+ a (* b c))`, `(. record total)`, `(call size x)`,
 * `(method contains s x)`, `(exists l list body)`, `[1 2]`, `$rule`, `(? c a b)`, literals as JSON
 * (decimals with a trailing `d`).
 */
export function sexpr(node: Expr): string {
  switch (node.kind) {
    case "literal":
      return node.decimal ? `${node.value}d` : JSON.stringify(node.value);
    case "list":
      return `[${node.items.map(sexpr).join(" ")}]`;
    case "ident":
      return node.name;
    case "ruleRef":
      return `$${node.name}`;
    case "member":
      return `(. ${sexpr(node.object)} ${node.property})`;
    case "call":
      return node.target
        ? `(method ${node.callee} ${[node.target, ...node.args].map(sexpr).join(" ")})`
        : `(call ${[node.callee, ...node.args.map(sexpr)].join(" ")})`;
    case "macro":
      return `(${node.macro} ${node.variable} ${sexpr(node.target)} ${sexpr(node.body)})`;
    case "unary":
      return `(${node.op} ${sexpr(node.operand)})`;
    case "binary":
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case "conditional":
      return `(? ${sexpr(node.test)} ${sexpr(node.then)} ${sexpr(node.else)})`;
  }
}

/** The source text a diagnostic or node span covers, to assert spans readably. */
export const slice = (source: string, span: { start: number; end: number }) => source.slice(span.start, span.end);
