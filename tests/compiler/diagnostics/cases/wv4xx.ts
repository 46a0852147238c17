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
    name: "a policy that delegates to itself",
    given: { [file]: nested("check(parent, 'read')") },
    want: { file, line: 7, column: 10, endColumn: 31, message: /cycle: Invoice.read -> Invoice.read$/ },
    fixed: { [file]: nested("has(parent) && check(parent, 'update')") },
  }],
];

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
