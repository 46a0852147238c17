/** WV300-WV310: names and references (entities, fields, relations, state machines). */
import { yaml } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER, TAG } from "./fixtures.ts";

/** An Invoice entity file: `number`, then `fields` (one line, indented by two), then top-level `rest` lines. */
function invoiceWith(fields: string, rest = ""): string {
  return `{schema}\nentity: Invoice\nfields:\n  number: { type: string, required: true }\n${fields}\n${rest}policies:\n  read: "true"\n`;
}

/** A `lifecycle` machine from draft to sent, with `states` lines before its transitions and more `transitions` after. */
function lifecycle(states = "", transitions = ""): string {
  return `states:\n  lifecycle:\n    initial: draft\n${states}    transitions:\n      send: { from: draft, to: sent }\n${transitions}`;
}

const STATUS = "  status: { type: state, machine: lifecycle }";
const STATES = "    states: { draft: {}, sent: {}, paid: { final: true } }\n";

export const namesAndReferences: CodeTable = [
  ["WV300", {
    name: "a role defined in two policy files",
    given: { "policies/support.policy.yaml": yaml`
      {schema}
      roles:
        support: { label: Support }
        viewer: { label: Read-only }
    ` },
    want: { file: "policies/support.policy.yaml", line: 4, column: 3, endColumn: 9, message: "role `viewer` is already defined in policies/roles.policy.yaml:5" },
    fixed: { "policies/support.policy.yaml": yaml`
      {schema}
      roles:
        support: { label: Support }
    ` },
  }],
  ["WV300", {
    name: "an entity named like the join entity weave generates",
    given: {
      "domain/tag.entity.yaml": TAG,
      "domain/invoice.entity.yaml": invoiceWith("  tags: { type: many-to-many, to: Tag }"),
      "domain/invoice-tags-link.entity.yaml": yaml`
        {schema}
        entity: InvoiceTagsLink
        fields:
          invoice: { type: ref, to: Invoice, required: true }
          tag: { type: ref, to: Tag, required: true }
          addedBy: { type: string }
        policies:
          read: "true"
      `,
    },
    want: { file: "domain/invoice.entity.yaml", line: 5, column: 3, endColumn: 7, message: /^Invoice\.tags generates a join entity named `InvoiceTagsLink`, but an entity of that name is defined in domain\/invoice-tags-link\.entity\.yaml:2/ },
    fixed: {
      "domain/tag.entity.yaml": TAG,
      "domain/invoice.entity.yaml": invoiceWith("  tags: { type: many-to-many, to: Tag, through: InvoiceTagsLink }"),
      "domain/invoice-tags-link.entity.yaml": yaml`
        {schema}
        entity: InvoiceTagsLink
        fields:
          invoice: { type: ref, to: Invoice, required: true }
          tag: { type: ref, to: Tag, required: true }
          addedBy: { type: string }
        policies:
          read: "true"
      `,
    },
  }],
  ["WV301", {
    name: "a ref to a misspelt entity",
    given: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": invoiceWith("  customer: { type: ref, to: Custmer }") },
    want: { file: "domain/invoice.entity.yaml", line: 5, column: 30, endColumn: 37, message: "unknown entity `Custmer`", hint: "did you mean `Customer`?" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": invoiceWith("  customer: { type: ref, to: Customer }") },
  }],
  ["WV302", {
    name: "a view column naming no field",
    given: { "domain/invoice.entity.yaml": invoiceWith("  total: { type: money, currency: EUR }", "views:\n  list: { columns: [number, totl] }\n") },
    want: { file: "domain/invoice.entity.yaml", line: 7, column: 29, endColumn: 33, message: "unknown field `totl` on Invoice", hint: "did you mean `total`?" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith("  total: { type: money, currency: EUR }", "views:\n  list: { columns: [number, total] }\n") },
  }],
  ["WV303", {
    name: "an inverse naming no field of the other side",
    given: {
      "domain/customer.entity.yaml": yaml`
        {schema}
        entity: Customer
        fields:
          name: { type: string, required: true }
          invoices: { type: many, to: Invoice, inverse: customer }
        policies:
          read: "true"
      `,
      "domain/invoice.entity.yaml": invoiceWith("  client: { type: ref, to: Customer }"),
    },
    want: { file: "domain/customer.entity.yaml", line: 5, column: 49, endColumn: 57, message: "Customer.invoices names inverse `customer`, but Invoice has no such field", hint: "expected one of: `client`" },
    fixed: {
      "domain/customer.entity.yaml": yaml`
        {schema}
        entity: Customer
        fields:
          name: { type: string, required: true }
          invoices: { type: many, to: Invoice, inverse: client }
        policies:
          read: "true"
      `,
      "domain/invoice.entity.yaml": invoiceWith("  client: { type: ref, to: Customer }"),
    },
  }],
  ["WV304", {
    name: "a field named like a system field",
    given: { "domain/invoice.entity.yaml": invoiceWith("  createdAt: { type: date }") },
    want: { file: "domain/invoice.entity.yaml", line: 5, column: 3, endColumn: 12, message: "field name `createdAt` is reserved: weave adds it to every record" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith("  issuedOn: { type: date }") },
  }],
  ["WV304", {
    name: "an entity named like a table weave generates",
    given: { "domain/user.entity.yaml": CUSTOMER.replace("entity: Customer", "entity: User") },
    want: { file: "domain/user.entity.yaml", line: 2, column: 9, endColumn: 13, hint: "rename it, e.g. `UserProfile`" },
    fixed: { "domain/user-profile.entity.yaml": CUSTOMER.replace("entity: Customer", "entity: UserProfile") },
  }],
  ["WV305", {
    name: "a number field in full-text search",
    given: { "domain/invoice.entity.yaml": invoiceWith("  discount: { type: int }", "search: [number, discount]\n") },
    want: { file: "domain/invoice.entity.yaml", line: 6, column: 18, endColumn: 26, message: "`discount` is int; full-text search takes text fields" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith("  discount: { type: int }", "search: [number]\n") },
  }],
  ["WV306", {
    name: "a state field naming a misspelt machine",
    given: { "domain/invoice.entity.yaml": invoiceWith("  status: { type: state, machine: lifecyle }", lifecycle()) },
    want: { file: "domain/invoice.entity.yaml", line: 5, column: 35, endColumn: 43, message: "unknown state machine `lifecyle` on Invoice", hint: "did you mean `lifecycle`?" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle()) },
  }],
  ["WV307", {
    name: "a transition from a state the machine does not declare",
    given: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle(STATES, "      pay: { from: snt, to: paid }\n")) },
    want: { file: "domain/invoice.entity.yaml", line: 12, column: 20, endColumn: 23, message: "unknown state `snt`", hint: "did you mean `sent`?" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle(STATES, "      pay: { from: sent, to: paid }\n")) },
  }],
  ["WV308", {
    name: "a declared state no transition leads to",
    given: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle("    states: { draft: {}, sent: {}, void: { final: true } }\n")) },
    want: { file: "domain/invoice.entity.yaml", line: 9, column: 36, endColumn: 40, severity: "warning", message: "state `void` cannot be reached from `draft`" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle("    states: { draft: {}, sent: {}, void: { final: true } }\n", "      cancel: { from: [draft, sent], to: void }\n")) },
  }],
  ["WV309", {
    name: "a state machine no field holds",
    given: { "domain/invoice.entity.yaml": invoiceWith("  total: { type: money, currency: EUR }", lifecycle()) },
    want: { file: "domain/invoice.entity.yaml", line: 7, column: 3, endColumn: 12, message: "state machine `lifecycle` has no state field on Invoice", hint: "add a field `status: { type: state, machine: lifecycle }`" },
    fixed: { "domain/invoice.entity.yaml": invoiceWith(STATUS, lifecycle()) },
  }],
  ["WV310", {
    name: "two entities that each require the other",
    given: {
      "domain/customer.entity.yaml": CUSTOMER.replace("fields:\n", "fields:\n  firstInvoice: { type: ref, to: Invoice, required: true }\n"),
      "domain/invoice.entity.yaml": invoiceWith("  customer: { type: ref, to: Customer, required: true }"),
    },
    want: { file: "domain/customer.entity.yaml", line: 5, column: 43, endColumn: 51, message: /^required references form a cycle: Customer -> Invoice -> Customer/, hint: "make `Customer.firstInvoice` optional" },
    fixed: {
      "domain/customer.entity.yaml": CUSTOMER.replace("fields:\n", "fields:\n  firstInvoice: { type: ref, to: Invoice }\n"),
      "domain/invoice.entity.yaml": invoiceWith("  customer: { type: ref, to: Customer, required: true }"),
    },
  }],
];
