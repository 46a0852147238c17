/**
 * A tiny invoicing app for the SQL lowering tests, compiled with the real compiler, and helpers to check an
 * expression against its IR (the same normalised AST the IR would hold) in a record, policy or query scope.
 */
import { expect } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { compileApp } from "../../../../../compiler/index.ts";
import { builtinMembers, checkExpression, parseExpression, type ExprScope } from "../../../../../compiler/expr/index.ts";
import type { Expr, ExprType, IR } from "../../../../../compiler/ir/index.ts";

const FILES: Record<string, string> = {
  "weave.yaml": "weave: 0\napp: sqlexpr\n",
  "domain/customer.entity.yaml": `
entity: Customer
fields:
  name: { type: string }
  vip: { type: boolean }
  owner: { type: uuid }
  invoices: { type: many, to: Invoice, inverse: customer }
  profile: { type: one, to: Profile, inverse: customer }
policies: { read: "true" }
`,
  "domain/profile.entity.yaml": `
entity: Profile
fields:
  bio: { type: text }
  customer: { type: one, to: Customer }
policies: { read: "true" }
`,
  "domain/invoice.entity.yaml": `
entity: Invoice
fields:
  number: { type: string, required: true }
  customer: { type: ref, to: Customer }
  status: { type: enum, values: [draft, sent, paid] }
  total: { type: money }
  rate: { type: decimal, scale: 4 }
  qty: { type: int }
  due: { type: date }
  sentAt: { type: datetime }
  paid: { type: boolean }
  notes: { type: text }
  owner: { type: uuid }
  meta: { type: json }
  subject: { type: ref, to: [Customer, Product] }
  address: { type: embedded, fields: { city: { type: string }, zip: { type: int } } }
  contacts: { type: embedded, array: true, fields: { name: { type: string }, vip: { type: boolean } } }
  lines: { type: many, to: InvoiceLine, inverse: invoice }
  tags: { type: many-to-many, to: Tag, inverse: invoices }
  subtotal: { type: money, computed: "sum(lines.total)" }
  net: { type: money, computed: "subtotal - total" }
  big: { type: boolean, computed: "total > 100", materialized: true }
  doubled: { type: money, computed: "total * 2", materialized: true }
  quadrupled: { type: money, computed: "doubled * 2", materialized: true }
actions:
  discount:
    scope: record
    input:
      percent: { type: decimal }
      until: { type: date }
    allow: "input.percent < 50 && due <= input.until"
policies: { read: "true" }
`,
  "domain/invoice-line.entity.yaml": `
entity: InvoiceLine
fields:
  invoice: { type: ref, to: Invoice, required: true }
  product: { type: ref, to: Product }
  qty: { type: int }
  price: { type: money }
  total: { type: money }
  amount: { type: money, computed: "price * qty" }
policies: { read: "true" }
`,
  "domain/product.entity.yaml": `
entity: Product
fields:
  name: { type: string }
policies: { read: "true" }
`,
  "domain/tag.entity.yaml": `
entity: Tag
id: serial
fields:
  name: { type: string }
  invoices: { type: many-to-many, to: Invoice, inverse: tags }
policies: { read: "true" }
`,
  "queries/by-status.query.yaml": `
query: byStatus
from: Invoice
params:
  status: { type: string }
  since: { type: date }
  customer: { type: ref, to: Customer }
  limit: { type: money }
where: "status == params.status && due >= params.since"
`,
};

let compiled: IR | undefined;

/** The fixture app's IR (compiled once per test process). */
export async function fixtureIr(): Promise<IR> {
  if (compiled) return compiled;
  const dir = mkdtempSync(join(tmpdir(), "weave-sql-expr-"));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await compileApp(dir);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    compiled = result.ir!;
    return compiled;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCALAR: Record<string, ExprType> = {
  string: { kind: "string" }, text: { kind: "string" }, email: { kind: "string" }, int: { kind: "int" },
  decimal: { kind: "decimal" }, money: { kind: "money" }, boolean: { kind: "bool" }, date: { kind: "date" },
  datetime: { kind: "datetime" }, uuid: { kind: "uuid" }, json: { kind: "json" },
};

type FieldLike = IR["entities"][number]["fields"][number];

function typeOfField(owner: string, field: FieldLike): ExprType {
  if (SCALAR[field.type]) return SCALAR[field.type]!;
  if (field.type === "enum") return { kind: "enum", values: field.values!.map((v) => v.value) };
  if (field.type === "ref" || field.type === "one")
    return field.relation!.to.length > 1 ? { kind: "any" } : { kind: "entity", name: field.relation!.to[0]! };
  if (field.type === "many" || field.type === "many-to-many") return { kind: "list", of: { kind: "entity", name: field.relation!.to[0]! } };
  const object: ExprType = { kind: "object", name: `${owner}.${field.name}` };
  return field.embedded!.array ? { kind: "list", of: object } : object;
}

/** The checker's view of the IR: entity members (with system fields), embedded objects, query params. */
export function membersOf(ir: IR): ExprScope["members"] {
  return (type) => {
    const builtin = builtinMembers(type);
    if (builtin) return builtin;
    if (type.kind === "entity") {
      const entity = ir.entities.find((e) => e.name === type.name)!;
      const members: Record<string, ExprType> = {
        id: { kind: entity.id === "serial" ? "int" : "uuid" }, createdAt: { kind: "datetime" }, updatedAt: { kind: "datetime" },
        createdBy: { kind: "uuid" }, updatedBy: { kind: "uuid" }, version: { kind: "int" },
      };
      for (const field of entity.fields) members[field.name] = typeOfField(entity.name, field);
      return members;
    }
    if (type.kind === "object" && type.name === "params") {
      const members: Record<string, ExprType> = {};
      for (const field of ir.queries[0]!.params) members[field.name] = typeOfField("params", field);
      return members;
    }
    if (type.kind === "object") {
      const [owner, name] = type.name.split(".");
      const field = ir.entities.find((e) => e.name === owner)?.fields.find((f) => f.name === name);
      const members: Record<string, ExprType> = {};
      for (const sub of field?.embedded?.fields ?? []) members[sub.name] = typeOfField(type.name, sub);
      return members;
    }
    return undefined;
  };
}

/** A scope for `entity`: `record` and bare fields, plus user, tenant and params. */
export function scopeFor(ir: IR, entity: string): ExprScope {
  const record: ExprType = { kind: "entity", name: entity };
  return {
    variables: { record, user: { kind: "object", name: "user" }, tenant: { kind: "object", name: "tenant" }, params: { kind: "object", name: "params" } },
    implicit: record,
    members: membersOf(ir),
  };
}

/** Parses and checks `source` in `entity`'s scope, failing the test on any diagnostic. */
export function checked(ir: IR, source: string, entity = "Invoice"): { ast: Expr; type: ExprType } {
  const parsed = parseExpression(source);
  expect(parsed.diagnostics).toEqual([]);
  const result = checkExpression(parsed.ast!, scopeFor(ir, entity));
  expect({ source, diagnostics: result.diagnostics }).toEqual({ source, diagnostics: [] });
  return { ast: result.ast, type: result.type };
}
