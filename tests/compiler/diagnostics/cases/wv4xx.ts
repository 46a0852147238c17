/**
 * WV4xx: expressions. Positions point inside the YAML string, at the part of the expression
 * that is wrong.
 */
import { DEFAULT_POLICY } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";

/** An invoice with one rule (`check`) and a read policy (`read`), each an expression. */
function invoice(check: string, read = "true"): string {
  return `{schema}
entity: Invoice
fields:
  number: { type: string, required: true }
  total: { type: money, currency: EUR }
rules:
  - { name: positive, check: "${check}" }
policies:
  read: "${read}"
`;
}

const file = "domain/invoice.entity.yaml";
const lineFile = "domain/invoiceline.entity.yaml";
const RULES = `${DEFAULT_POLICY}rules:\n  member: "tenant.member"\n`;

const PERMISSIONS = `${DEFAULT_POLICY}permissions:\n  invoices.pay: { roles: [billing] }\n`;

export const expressions: CodeTable = [
  ["WV400", {
    name: "an unclosed parenthesis",
    given: { [file]: invoice("(total > 0") },
    want: { file, line: 7, column: 41, message: /^expected `\)` to close `\(`/ },
    fixed: { [file]: invoice("(total > 0)") },
  }],
  ["WV401", {
    name: "a misspelt field",
    given: { [file]: invoice("totl > 0") },
    want: { file, line: 7, column: 31, endColumn: 35, message: "unknown name `totl`", hint: "did you mean `total`?" },
    fixed: { [file]: invoice("total > 0") },
  }],
  ["WV402", {
    name: "a misspelt member of `user`",
    given: { [file]: invoice("total > 0", "user.emial != ''") },
    want: { file, line: 9, column: 15, endColumn: 20, hint: "did you mean `email`?" },
    fixed: { [file]: invoice("total > 0", "user.email != ''") },
  }],
  ["WV403", {
    name: "money compared with a string",
    given: { [file]: invoice("total > 'zero'") },
    want: { file, line: 7, column: 31, endColumn: 45, message: "cannot apply `>` to money and string" },
    fixed: { [file]: invoice("total > 0") },
  }],
  ["WV404", {
    name: "a rule that is not a condition",
    given: { [file]: invoice("total") },
    want: { file, line: 7, column: 31, endColumn: 36, message: "expected bool, found money" },
    fixed: { [file]: invoice("total > 0") },
  }],
  ["WV405", {
    name: "a misspelt function",
    given: { [file]: invoice("szie(number) > 0") },
    want: { file, line: 7, column: 31, endColumn: 35, message: "unknown function `szie`", hint: "did you mean `size`?" },
    fixed: { [file]: invoice("size(number) > 0") },
  }],
  ["WV406", {
    name: "a function given the wrong type",
    given: { [file]: invoice("size(total) > 0") },
    want: { file, line: 7, column: 36, endColumn: 41, message: "`size` needs a list or a string, found money" },
    fixed: { [file]: invoice("size(number) > 0") },
  }],
  ["WV407", {
    name: "`user` in a rule, which holds whoever reads the record",
    given: { [file]: invoice("number != user.name") },
    want: { file, line: 7, column: 41, endColumn: 45, message: "`user` is not available here" },
    fixed: { [file]: invoice("number != ''") },
  }],
  ["WV408", {
    name: "a misspelt shared rule",
    given: { "policies/roles.policy.yaml": RULES, [file]: invoice("total > 0", "$membr") },
    want: { file, line: 9, column: 10, endColumn: 16, message: "unknown shared rule `$membr`", hint: "did you mean `$member`?" },
    fixed: { "policies/roles.policy.yaml": RULES, [file]: invoice("total > 0", "$member") },
  }],
  ["WV409", {
    name: "a misspelt permission",
    given: { "policies/roles.policy.yaml": PERMISSIONS, [file]: invoice("total > 0", "can('invoices.pya')") },
    want: { file, line: 9, column: 14, endColumn: 28, message: "unknown permission 'invoices.pya'", hint: "did you mean 'invoices.pay'?" },
    fixed: { "policies/roles.policy.yaml": PERMISSIONS, [file]: invoice("total > 0", "can('invoices.pay')") },
  }],
  ["WV410", {
    name: "a policy that delegates to itself on the same record",
    given: { [file]: nested("check(record, 'read')") },
    want: { file, line: 7, column: 10, endColumn: 31, message: /cycle: Invoice.read -> Invoice.read$/ },
    fixed: { [file]: nested("has(parent) && check(parent, 'update')") },
  }],
  ["WV410", {
    name: "a policy that delegates to itself twice (a tree, not a chain)",
    given: { [file]: nested("'admin' in user.roles || check(parent, 'read') || check(parent.parent, 'read')") },
    want: { file, line: 7, column: 60, message: /`Invoice.read` delegates to itself more than once/ },
    fixed: { [file]: nested("'admin' in user.roles || check(parent, 'read')") },
  }],
  ["WV411", {
    name: "a policy that compares an encrypted field",
    given: { "domain/patient.entity.yaml": patient({ read: "iban != null && name != ''" }) },
    want: { file: "domain/patient.entity.yaml", line: 7, column: 10, endColumn: 14, message: "`Patient.iban` is encrypted: the database holds only its ciphertext, so an expression cannot read it", hint: "test it only with `has(...)`, or remove `encrypted` from the field" },
    fixed: { "domain/patient.entity.yaml": patient({ read: "has(iban) && name != ''" }) },
  }],
  ["WV411", {
    name: "a list view that filters by an encrypted field",
    given: { "domain/patient.entity.yaml": patient({ read: "true", views: "views:\n  list: { filters: [name, iban] }\n" }) },
    want: { file: "domain/patient.entity.yaml", line: 9, column: 27, message: "a view cannot filter by `iban`: it is encrypted, and the database holds only its ciphertext" },
    fixed: { "domain/patient.entity.yaml": patient({ read: "true", views: "views:\n  list: { filters: [name] }\n" }) },
  }],
  ["WV412", {
    name: "a stored sum over rows each reader sees differently",
    given: { [file]: stored(""), [lineFile]: line("record.owner == user.id") },
    want: { file, line: 5, column: 87, message: /^materialized `Invoice.subtotal` is computed over every InvoiceLine row, but `InvoiceLine.read` depends on who reads/ },
    fixed: { [file]: stored(""), [lineFile]: line("check(invoice, 'read')") },
  }],
];

/** An invoice whose subtotal is stored, with `extra` YAML after its policies. */
function stored(extra: string): string {
  return `{schema}
entity: Invoice
fields:
  lines: { type: many, to: InvoiceLine, inverse: invoice }
  subtotal: { type: money, currency: EUR, computed: "sum(lines.total)", materialized: true }
policies:
  read: "true"
${extra}`;
}

/** An invoice line with a read policy. */
function line(read: string): string {
  return `{schema}
entity: InvoiceLine
fields:
  invoice: { type: ref, to: Invoice, required: true }
  owner: { type: uuid }
  total: { type: money, currency: EUR }
policies:
  read: "${read}"
`;
}

/** A patient whose IBAN is encrypted. */
function patient({ read, views = "" }: { read: string; views?: string }): string {
  return `{schema}
entity: Patient
fields:
  name: { type: string, required: true }
  iban: { type: string, encrypted: true }
policies:
  read: "${read}"
${views}`;
}

/** An invoice that may belong to another, with a read policy. */
function nested(read: string): string {
  return `{schema}
entity: Invoice
fields:
  number: { type: string, required: true }
  parent: { type: ref, to: Invoice }
policies:
  read: "${read}"
  write: "'admin' in user.roles"
`;
}
