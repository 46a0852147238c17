/** WV311-WV321: names and references (roles, transitions, keys, queries, locales, seeds, policies). */
import { DEFAULT_APP, yaml } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER, INVOICE } from "./fixtures.ts";

const LABEL = `  label: { type: string, computed: "name + ' (' + code + ')'" }\n`;

/** An invoice whose total is computed from net and tax; `net` gets the options given. */
const amounts = (net: string) => yaml`
  {schema}
  entity: Invoice
  fields:
    number: { type: string, required: true }
    net: { type: money, currency: EUR, ${net} }
    tax: { type: money, currency: EUR }
    total: { type: money, currency: EUR, computed: "net + tax" }
  policies:
    read: "true"
`;

const INACTIVE = yaml`
  {schema}
  query: inactiveCustomers
  from: Customer
  select: [code, name]
`;

const workflow = (query: string) => yaml`
  {schema}
  workflow: review
  trigger: { schedule: "0 8 * * 1" }
  steps:
    - { name: find, query: ${query} }
`;

const seed = (customer: string) => yaml`
  {schema}
  records:
    Customer:
      - { code: globex, name: Globex }
    Invoice:
      - { number: INV-1, customer: ${customer} }
`;

const APP_DE = DEFAULT_APP.replace("tenancy:", "locales: { default: en, supported: [en, de] }\ntenancy:");
const DE = "{schema}\nmessages:\n  entity.Customer.label: Kunde\n";
const EN = "{schema}\nmessages:\n  entity.Customer.label: Customer\n";

export const moreNamesAndReferences: CodeTable = [
  ["WV311", {
    name: "a misspelt role in a policy",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace('read: "true"', `read: "'biling' in user.roles"`) },
    want: { file: "domain/customer.entity.yaml", line: 8, column: 10, endColumn: 18, message: "unknown role `biling`", hint: "did you mean `billing`?" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER.replace('read: "true"', `read: "'billing' in user.roles"`) },
  }],
  ["WV312", {
    name: "a policy for a misspelt transition",
    given: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": `${INVOICE}  transitions: { sned: "'billing' in user.roles" }\n` },
    want: { file: "domain/invoice.entity.yaml", line: 17, column: 18, endColumn: 22, message: "unknown transition `sned` on Invoice", hint: "did you mean `send`?" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": `${INVOICE}  transitions: { send: "'billing' in user.roles" }\n` },
  }],
  ["WV313", {
    name: "a tenant entity in an app without tenancy",
    given: { "weave.yaml": "{schema}\nweave: 0\napp: demo\n", "domain/customer.entity.yaml": CUSTOMER.replace("key:", "tenant: true\nkey:") },
    want: { file: "domain/customer.entity.yaml", line: 3, column: 9, endColumn: 13, message: "Customer is tenant-scoped but the app has no tenancy" },
    fixed: { "weave.yaml": DEFAULT_APP, "domain/customer.entity.yaml": CUSTOMER.replace("key:", "tenant: true\nkey:") },
  }],
  ["WV314", {
    name: "a key on a virtual computed field",
    given: { "domain/customer.entity.yaml": `${CUSTOMER.replace("key: code", "key: label").replace("policies:", `${LABEL}policies:`)}` },
    want: { file: "domain/customer.entity.yaml", line: 3, column: 6, endColumn: 11, message: "key field `label` must be a stored scalar or ref, not a virtual computed field" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER.replace("policies:", `${LABEL}policies:`) },
  }],
  ["WV315", {
    name: "computed fields that read each other",
    given: { "domain/invoice.entity.yaml": amounts(`computed: "total - tax"`) },
    want: { file: "domain/invoice.entity.yaml", line: 5, column: 48, endColumn: 61, message: /^computed fields depend on each other: Invoice\.net -> Invoice\.total -> Invoice\.net/ },
    fixed: { "domain/invoice.entity.yaml": amounts("required: true") },
  }],
  ["WV316", {
    name: "a workflow step running a misspelt query",
    given: { "domain/customer.entity.yaml": CUSTOMER, "queries/inactive-customers.query.yaml": INACTIVE, "workflows/review.workflow.yaml": workflow("inactiveCustomer") },
    want: { file: "workflows/review.workflow.yaml", line: 5, column: 26, endColumn: 42, message: "unknown saved query `inactiveCustomer`", hint: "did you mean `inactiveCustomers`?" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "queries/inactive-customers.query.yaml": INACTIVE, "workflows/review.workflow.yaml": workflow("inactiveCustomers") },
  }],
  ["WV317", {
    name: "messages for a locale the app does not list",
    given: { "domain/customer.entity.yaml": CUSTOMER, "i18n/de.yaml": DE },
    want: { file: "i18n/de.yaml", line: 1, column: 1, severity: "warning", message: "locale `de` is not in weave.yaml's supported locales", hint: "add it: `locales: { supported: [en, de] }`" },
    fixed: { "weave.yaml": APP_DE, "domain/customer.entity.yaml": CUSTOMER, "i18n/de.yaml": DE, "i18n/en.yaml": EN },
  }],
  ["WV318", {
    name: "a seed record referring to a key no seed record has",
    given: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": INVOICE, "seed/demo.yaml": seed("globx") },
    want: { file: "seed/demo.yaml", line: 6, column: 34, endColumn: 39, message: "Invoice.customer refers to Customer `globx`, which no seed record has as its key", hint: "did you mean `globex`?" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER, "domain/invoice.entity.yaml": INVOICE, "seed/demo.yaml": seed("globex") },
  }],
  ["WV319", {
    name: "a required computed field",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace("policies:", `${LABEL.replace(" }", ", required: true }")}policies:`) },
    want: { file: "domain/customer.entity.yaml", line: 7, column: 64, endColumn: 72, message: "a computed field cannot be required: it is never written", hint: "remove `required`" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER.replace("policies:", `${LABEL}policies:`) },
  }],
  ["WV320", {
    name: "roles that inherit from each other",
    given: { "policies/roles.policy.yaml": yaml`
      {schema}
      roles:
        admin: { label: Administrator, inherits: [billing] }
        billing: { label: Billing, inherits: [admin] }
        viewer: { label: Viewer }
    ` },
    want: { file: "policies/roles.policy.yaml", line: 3, column: 44, message: "roles inherit from each other: admin -> billing -> admin" },
    fixed: { "policies/roles.policy.yaml": yaml`
      {schema}
      roles:
        admin: { label: Administrator, inherits: [billing] }
        billing: { label: Billing }
        viewer: { label: Viewer }
    ` },
  }],
  ["WV321", {
    name: "an entity without a read policy",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace('read: "true"', `create: "'billing' in user.roles"`) },
    want: { file: "domain/customer.entity.yaml", line: 7, column: 1, endColumn: 9, severity: "warning", message: "Customer has no read policy, so nobody can read it" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER.replace('read: "true"', `read: "true"\n  create: "'billing' in user.roles"`) },
  }],
];
