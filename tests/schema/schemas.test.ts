import { describe, expect, test } from "bun:test";
import { kinds, readSchema, strictAjv, validator, type Kind } from "./ajv.ts";

/**
 * What a document should give: no errors, or an error of `keyword` at `path`; with `only`, no other error, with
 * `count`, that many errors in all (an unknown field type gives the union's `enum` error and the discriminator's).
 */
type Want =
  { valid: true } | { path: string; keyword: string; params?: Record<string, unknown>; only?: boolean; count?: number };

type Case = [name: string, { kind: Kind; given: unknown; want: Want }];

const ok: Want = { valid: true };
const entity = (fields: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
  entity: "Invoice",
  fields,
  ...rest,
});

const fullApp = {
  weave: 0,
  app: "invoicing",
  title: "Invoicing",
  description: "Customers and invoices.",
  version: "0.1.0",
  database: { embedded: ".weave/db", url: "env:DATABASE_URL" },
  auth: { password: true, magicLink: false, session: { idleMinutes: 60, absoluteHours: 168 } },
  tenancy: { enabled: true, header: "X-Weave-Tenant" },
  locales: { default: "en", supported: ["en", "de", "pt-BR"] },
  theme: "ui/theme.yaml",
};

const fullEntity = {
  entity: "Invoice",
  label: "Invoice",
  plural: "Invoices",
  description: "A bill.",
  version: 2,
  renamedFrom: "Bill",
  tenant: true,
  id: "uuid",
  key: "number",
  tags: ["billing"],
  meta: { anything: true, nested: { deep: [1, 2] } },
  fields: {
    number: { type: "slug", unique: true, required: true, maxLength: 40 },
    customer: { type: "ref", to: "Customer", required: true, onDelete: "restrict" },
    subject: { type: "ref", to: ["Invoice", "Payment"] },
    lines: { type: "many", to: "InvoiceLine", inverse: "invoice" },
    tags: { type: "many-to-many", to: "Tag", through: "InvoiceTag", inverse: "invoices" },
    receipt: { type: "one", to: "Receipt", onDelete: "setNull" },
    subtotal: { type: "money", computed: "sum(lines.total)", materialized: true },
    total: { type: "money", currency: "EUR", min: 0, default: "0.00" },
    local: { type: "money", currencyField: "currency" },
    currency: { type: "string", pattern: "^[A-Z]{3}$", default: "EUR" },
    taxRate: { type: "decimal", precision: 5, scale: 2, default: 19 },
    position: { type: "int", min: 1, uniqueWithin: ["customer"] },
    due: { type: "date", default: { expr: "today()" } },
    sentAt: { type: "datetime", readonly: true },
    token: { type: "uuid", hidden: true },
    email: { type: "email", pii: true, encrypted: true },
    site: { type: "url", placeholder: "https://example.com", help: "The customer's site." },
    paid: { type: "boolean", default: false },
    notes: { type: "text", maxLength: 4000 },
    body: { type: "richtext" },
    extra: { type: "json", default: { a: 1 } },
    scan: { type: "file", accept: ["image/*", "application/pdf"], maxSize: 10485760 },
    priority: { type: "enum", values: ["low", { value: "high", label: "High" }], default: "low" },
    status: { type: "state", machine: "lifecycle", required: true },
    address: {
      type: "embedded",
      fields: {
        street: { type: "string" },
        geo: { type: "embedded", fields: { lat: { type: "decimal" } } },
      },
    },
    contacts: { type: "embedded", array: true, fields: { name: { type: "string" } }, default: [] },
    oldName: { type: "string", renamedFrom: "formerName", tags: ["legacy"], meta: { x: 1 } },
  },
  states: {
    lifecycle: {
      field: "status",
      initial: "draft",
      states: { draft: { label: "Draft" }, paid: { final: true, description: "Settled." } },
      transitions: {
        send: {
          from: "draft",
          to: "sent",
          label: "Send",
          guard: "size(lines) > 0",
          allow: "'billing' in user.roles",
          effects: [{ set: { sentAt: "now()" } }, { emit: "invoiceSent" }],
        },
        void: { from: ["draft", "sent"], to: "void" },
      },
    },
  },
  actions: {
    duplicate: {
      scope: "record",
      label: "Duplicate",
      output: "Invoice",
      allow: "$isBilling",
      handler: "./hooks/duplicate.ts",
    },
    remind: {
      scope: "collection",
      input: { days: { type: "int", min: 0, default: 7 }, customer: { type: "ref", to: "Customer" } },
      output: { reminded: { type: "int" } },
    },
  },
  rules: [
    {
      name: "subtotalMatches",
      check: "subtotal == sum(lines.total)",
      message: "No.",
      field: "subtotal",
      when: "has(due)",
    },
  ],
  indexes: [
    { fields: ["customer", "status"] },
    { name: "openByDue", fields: ["due"], using: "btree", unique: false, where: "status == 'sent'" },
  ],
  search: ["number", "notes"],
  policies: {
    read: "tenant.member",
    create: "'billing' in user.roles",
    update: "$isBilling",
    delete: "$isAdmin",
    write: "$isBilling",
    fields: { email: { read: "'billing' in user.roles", write: "$isAdmin" } },
    transitions: { send: "$isBilling" },
    actions: { duplicate: "$isBilling" },
  },
  views: {
    list: {
      columns: ["number", "customer.name"],
      filters: ["status"],
      sort: ["-due", "number"],
      search: true,
      pageSize: 25,
    },
    detail: {
      sections: [{ label: "Summary", fields: ["number", "customer"] }],
      tabs: [
        { label: "Lines", relation: "lines" },
        { label: "History", audit: true },
      ],
    },
    form: { sections: [{ label: "Invoice", fields: ["customer", "due"] }] },
    kanban: { by: "status", title: "number", fields: ["customer.name", "total"] },
  },
};

const appCases: Case[] = [
  ["app: the smallest app", { kind: "app", given: { weave: 0, app: "invoicing" }, want: ok }],
  ["app: every key", { kind: "app", given: fullApp, want: ok }],
  [
    "app: a literal postgres URL is allowed (the compiler warns)",
    {
      kind: "app",
      given: { weave: 0, app: "x", database: { url: "postgres://u:p@localhost/db" } },
      want: ok,
    },
  ],
  [
    "app: weave is required",
    {
      kind: "app",
      given: { app: "x" },
      want: { path: "", keyword: "required", params: { missingProperty: "weave" }, only: true },
    },
  ],
  [
    "app: weave is 0",
    { kind: "app", given: { weave: 1, app: "x" }, want: { path: "/weave", keyword: "const", only: true } },
  ],
  [
    "app: name is kebab-case",
    { kind: "app", given: { weave: 0, app: "Invoicing" }, want: { path: "/app", keyword: "pattern" } },
  ],
  [
    "app: unknown key",
    {
      kind: "app",
      given: { weave: 0, app: "x", databse: {} },
      want: { path: "", keyword: "additionalProperties", params: { additionalProperty: "databse" }, only: true },
    },
  ],
  [
    "app: unknown nested key",
    {
      kind: "app",
      given: { weave: 0, app: "x", auth: { session: { idle: 5 } } },
      want: { path: "/auth/session", keyword: "additionalProperties", only: true },
    },
  ],
  [
    "app: database url is env:NAME or postgres://",
    {
      kind: "app",
      given: { weave: 0, app: "x", database: { url: "mysql://h/db" } },
      want: { path: "/database/url", keyword: "pattern" },
    },
  ],
  [
    "app: session minutes are positive",
    {
      kind: "app",
      given: { weave: 0, app: "x", auth: { session: { idleMinutes: 0 } } },
      want: { path: "/auth/session/idleMinutes", keyword: "minimum" },
    },
  ],
  [
    "app: locales are BCP 47",
    {
      kind: "app",
      given: { weave: 0, app: "x", locales: { default: "EN" } },
      want: { path: "/locales/default", keyword: "pattern" },
    },
  ],
  [
    "app: supported locales are not empty",
    {
      kind: "app",
      given: { weave: 0, app: "x", locales: { supported: [] } },
      want: { path: "/locales/supported", keyword: "minItems" },
    },
  ],
  [
    "app: version is semver",
    { kind: "app", given: { weave: 0, app: "x", version: "1.0" }, want: { path: "/version", keyword: "pattern" } },
  ],
];

const entityCases: Case[] = [
  ["entity: the smallest entity", { kind: "entity", given: entity({ number: { type: "string" } }), want: ok }],
  ["entity: every key and field type", { kind: "entity", given: fullEntity, want: ok }],
  [
    "entity: name is PascalCase",
    {
      kind: "entity",
      given: { entity: "invoice", fields: { a: { type: "int" } } },
      want: { path: "/entity", keyword: "pattern", only: true },
    },
  ],
  [
    "entity: fields are required",
    {
      kind: "entity",
      given: { entity: "Invoice" },
      want: { path: "", keyword: "required", params: { missingProperty: "fields" } },
    },
  ],
  [
    "entity: at least one field",
    { kind: "entity", given: entity({}), want: { path: "/fields", keyword: "minProperties" } },
  ],
  [
    "entity: field names are camelCase",
    {
      kind: "entity",
      given: entity({ Due: { type: "date" } }),
      want: { path: "/fields", keyword: "propertyNames", params: { propertyName: "Due" } },
    },
  ],
  [
    "entity: unknown top-level key",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { feilds: {} }),
      want: { path: "", keyword: "additionalProperties", params: { additionalProperty: "feilds" }, only: true },
    },
  ],
  [
    "entity: unknown field key",
    {
      kind: "entity",
      given: entity({ a: { type: "int", lable: "A" } }),
      want: { path: "/fields/a", keyword: "additionalProperties", params: { additionalProperty: "lable" }, only: true },
    },
  ],
  [
    "entity: money with a currency",
    { kind: "entity", given: entity({ total: { type: "money", currency: "EUR" } }), want: ok },
  ],
  [
    "entity: currency is an ISO 4217 code",
    {
      kind: "entity",
      given: entity({ total: { type: "money", currency: "eur" } }),
      want: { path: "/fields/total/currency", keyword: "pattern", only: true },
    },
  ],
  [
    "entity: currency and currencyField exclude each other",
    {
      kind: "entity",
      given: entity({ total: { type: "money", currency: "EUR", currencyField: "cur" } }),
      want: { path: "/fields/total", keyword: "not", only: true },
    },
  ],
  [
    "entity: the discriminator checks only the int branch: currency is unknown there",
    {
      kind: "entity",
      given: entity({ qty: { type: "int", currency: "EUR" } }),
      want: {
        path: "/fields/qty",
        keyword: "additionalProperties",
        params: { additionalProperty: "currency" },
        only: true,
      },
    },
  ],
  [
    "entity: the discriminator checks only the string branch",
    {
      kind: "entity",
      given: entity({ name: { type: "string", min: 1 } }),
      want: {
        path: "/fields/name",
        keyword: "additionalProperties",
        params: { additionalProperty: "min" },
        only: true,
      },
    },
  ],
  [
    "entity: many needs its inverse",
    {
      kind: "entity",
      given: entity({ lines: { type: "many", to: "InvoiceLine" } }),
      want: { path: "/fields/lines", keyword: "required", params: { missingProperty: "inverse" }, only: true },
    },
  ],
  [
    "entity: many has no column, so no required",
    {
      kind: "entity",
      given: entity({ lines: { type: "many", to: "InvoiceLine", inverse: "invoice", required: true } }),
      want: { path: "/fields/lines", keyword: "additionalProperties", params: { additionalProperty: "required" } },
    },
  ],
  [
    "entity: ref needs to",
    {
      kind: "entity",
      given: entity({ customer: { type: "ref" } }),
      want: { path: "/fields/customer", keyword: "required", params: { missingProperty: "to" }, only: true },
    },
  ],
  [
    "entity: a polymorphic ref names two or more entities",
    {
      kind: "entity",
      given: entity({ subject: { type: "ref", to: ["Invoice"] } }),
      want: { path: "/fields/subject/to", keyword: "anyOf" },
    },
  ],
  [
    "entity: onDelete values",
    {
      kind: "entity",
      given: entity({ customer: { type: "ref", to: "Customer", onDelete: "nullify" } }),
      want: { path: "/fields/customer/onDelete", keyword: "enum", only: true },
    },
  ],
  [
    "entity: unknown field type",
    {
      kind: "entity",
      given: entity({ a: { type: "strng" } }),
      want: { path: "/fields/a", keyword: "discriminator", params: { tagValue: "strng" }, count: 2 },
    },
  ],
  [
    "entity: a field needs a type",
    {
      kind: "entity",
      given: entity({ a: { label: "A" } }),
      want: { path: "/fields/a", keyword: "discriminator", only: true },
    },
  ],
  [
    "entity: a state field is always required",
    {
      kind: "entity",
      given: entity({ status: { type: "state", machine: "lifecycle", required: false } }),
      want: { path: "/fields/status/required", keyword: "const", only: true },
    },
  ],
  [
    "entity: a state field takes its initial value from the machine",
    {
      kind: "entity",
      given: entity({ status: { type: "state", machine: "lifecycle", default: "draft" } }),
      want: { path: "/fields/status", keyword: "additionalProperties", params: { additionalProperty: "default" } },
    },
  ],
  [
    "entity: embedded fields hold no relations",
    {
      kind: "entity",
      given: entity({ address: { type: "embedded", fields: { owner: { type: "ref", to: "User" } } } }),
      want: { path: "/fields/address/fields/owner", keyword: "discriminator", params: { tagValue: "ref" }, count: 2 },
    },
  ],
  [
    "entity: materialized only with computed",
    {
      kind: "entity",
      given: entity({ total: { type: "int", materialized: true } }),
      want: { path: "/fields/total", keyword: "dependencies", only: true },
    },
  ],
  [
    "entity: enum needs values",
    {
      kind: "entity",
      given: entity({ p: { type: "enum" } }),
      want: { path: "/fields/p", keyword: "required", params: { missingProperty: "values" } },
    },
  ],
  [
    "entity: enum values have no dots",
    {
      kind: "entity",
      given: entity({ p: { type: "enum", values: ["a.b"] } }),
      want: { path: "/fields/p/values/0", keyword: "anyOf" },
    },
  ],
  [
    "entity: an int default is an integer",
    {
      kind: "entity",
      given: entity({ n: { type: "int", default: "1" } }),
      want: { path: "/fields/n/default", keyword: "anyOf" },
    },
  ],
  [
    "entity: a default expression is { expr }",
    {
      kind: "entity",
      given: entity({ d: { type: "date", default: { expression: "today()" } } }),
      want: { path: "/fields/d/default", keyword: "anyOf" },
    },
  ],
  [
    "entity: an empty expression",
    {
      kind: "entity",
      given: entity({ n: { type: "int", computed: "" } }),
      want: { path: "/fields/n/computed", keyword: "minLength", only: true },
    },
  ],
  [
    "entity: id none needs a compound key",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { id: "none" }),
      want: { path: "", keyword: "required", params: { missingProperty: "key" } },
    },
  ],
  [
    "entity: id none with a compound key",
    {
      kind: "entity",
      given: entity({ a: { type: "int" }, b: { type: "int" } }, { id: "none", key: ["a", "b"] }),
      want: ok,
    },
  ],
  [
    "entity: id none with a one-field key",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { id: "none", key: "a" }),
      want: { path: "/key", keyword: "type" },
    },
  ],
  [
    "entity: a transition needs to",
    {
      kind: "entity",
      given: entity(
        { a: { type: "int" } },
        { states: { lifecycle: { initial: "draft", transitions: { send: { from: "draft" } } } } },
      ),
      want: {
        path: "/states/lifecycle/transitions/send",
        keyword: "required",
        params: { missingProperty: "to" },
        only: true,
      },
    },
  ],
  [
    "entity: state names are camelCase",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { states: { lifecycle: { initial: "Draft" } } }),
      want: { path: "/states/lifecycle/initial", keyword: "pattern" },
    },
  ],
  [
    "entity: an effect is set or emit, not both",
    {
      kind: "entity",
      given: entity(
        { a: { type: "int" } },
        {
          states: {
            m: { initial: "a", transitions: { t: { from: "a", to: "b", effects: [{ set: { a: "1" }, emit: "x" }] } } },
          },
        },
      ),
      want: { path: "/states/m/transitions/t/effects/0", keyword: "oneOf" },
    },
  ],
  [
    "entity: action inputs have no storage keys",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { actions: { go: { input: { n: { type: "int", unique: true } } } } }),
      want: {
        path: "/actions/go/input/n",
        keyword: "additionalProperties",
        params: { additionalProperty: "unique" },
        only: true,
      },
    },
  ],
  [
    "entity: action inputs are scalars or refs",
    {
      kind: "entity",
      given: entity(
        { a: { type: "int" } },
        { actions: { go: { input: { n: { type: "many", to: "X", inverse: "y" } } } } },
      ),
      want: { path: "/actions/go/input/n", keyword: "discriminator", count: 2 },
    },
  ],
  [
    "entity: action scope values",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { actions: { go: { scope: "global" } } }),
      want: { path: "/actions/go/scope", keyword: "enum", only: true },
    },
  ],
  [
    "entity: action handlers are relative module paths",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { actions: { go: { handler: "hooks/go.ts" } } }),
      want: { path: "/actions/go/handler", keyword: "pattern", only: true },
    },
  ],
  [
    "entity: a rule needs check",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { rules: [{ name: "r", message: "m" }] }),
      want: { path: "/rules/0", keyword: "required", params: { missingProperty: "check" }, only: true },
    },
  ],
  [
    "entity: index methods",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { indexes: [{ fields: ["a"], using: "brin" }] }),
      want: { path: "/indexes/0/using", keyword: "enum", only: true },
    },
  ],
  [
    "entity: an index has fields",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { indexes: [{ fields: [] }] }),
      want: { path: "/indexes/0/fields", keyword: "minItems", only: true },
    },
  ],
  [
    "entity: policies are expressions, not booleans",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { policies: { read: true } }),
      want: { path: "/policies/read", keyword: "type", only: true },
    },
  ],
  [
    "entity: unknown policy key",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { policies: { list: "true" } }),
      want: { path: "/policies", keyword: "additionalProperties", params: { additionalProperty: "list" }, only: true },
    },
  ],
  [
    "entity: a tab is a relation or the history",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { views: { detail: { tabs: [{ label: "Lines" }] } } }),
      want: { path: "/views/detail/tabs/0", keyword: "oneOf" },
    },
  ],
  [
    "entity: a kanban needs by",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { views: { kanban: { title: "a" } } }),
      want: { path: "/views/kanban", keyword: "required", params: { missingProperty: "by" }, only: true },
    },
  ],
  [
    "entity: sort keys take a leading minus",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { views: { list: { sort: ["a-"] } } }),
      want: { path: "/views/list/sort/0", keyword: "pattern", only: true },
    },
  ],
  [
    "entity: unknown view",
    {
      kind: "entity",
      given: entity({ a: { type: "int" } }, { views: { calendar: {} } }),
      want: { path: "/views", keyword: "additionalProperties", params: { additionalProperty: "calendar" }, only: true },
    },
  ],
];

const otherCases: Case[] = [
  [
    "policy: roles, permissions and rules",
    {
      kind: "policy",
      given: {
        roles: {
          admin: { label: "Administrator", description: "All.", inherits: ["billing"] },
          billing: { label: "Billing" },
        },
        permissions: { "invoices.pay": { description: "Mark invoices paid", roles: ["admin", "billing"] } },
        rules: { member: "tenant.member", isBilling: "'billing' in user.roles || 'admin' in user.roles" },
      },
      want: ok,
    },
  ],
  [
    "policy: role names are camelCase",
    {
      kind: "policy",
      given: { roles: { Admin: {} } },
      want: { path: "/roles", keyword: "propertyNames", params: { propertyName: "Admin" } },
    },
  ],
  [
    "policy: a permission names its roles",
    {
      kind: "policy",
      given: { permissions: { "invoices.pay": { description: "x" } } },
      want: {
        path: "/permissions/invoices.pay",
        keyword: "required",
        params: { missingProperty: "roles" },
        only: true,
      },
    },
  ],
  [
    "policy: a shared rule is an expression",
    {
      kind: "policy",
      given: { rules: { member: "" } },
      want: { path: "/rules/member", keyword: "minLength", only: true },
    },
  ],
  [
    "workflow: schedule, query, action and delay steps",
    {
      kind: "workflow",
      given: {
        workflow: "remindOverdue",
        description: "Remind.",
        trigger: { schedule: "0 8 * * *" },
        steps: [
          { name: "find", query: "overdueInvoices" },
          { name: "notify", action: "Invoice.remind", forEach: "find" },
          { name: "wait", delay: "P3D" },
        ],
      },
      want: ok,
    },
  ],
  [
    "workflow: event and transition triggers",
    {
      kind: "workflow",
      given: { workflow: "w", trigger: { transition: "Invoice.send" }, steps: [{ name: "wait", delay: "PT1H" }] },
      want: ok,
    },
  ],
  [
    "workflow: one trigger kind at a time",
    {
      kind: "workflow",
      given: { workflow: "w", trigger: { schedule: "0 8 * * *", event: "x" }, steps: [{ name: "w", delay: "P1D" }] },
      want: { path: "/trigger", keyword: "oneOf" },
    },
  ],
  [
    "workflow: transitions are Entity.transition",
    {
      kind: "workflow",
      given: { workflow: "w", trigger: { transition: "invoice.send" }, steps: [{ name: "w", delay: "P1D" }] },
      want: { path: "/trigger/transition", keyword: "pattern" },
    },
  ],
  [
    "workflow: delays are ISO 8601 durations",
    {
      kind: "workflow",
      given: { workflow: "w", trigger: { event: "x" }, steps: [{ name: "w", delay: "3 days" }] },
      want: { path: "/steps/0/delay", keyword: "format" },
    },
  ],
  [
    "workflow: at least one step",
    {
      kind: "workflow",
      given: { workflow: "w", trigger: { event: "x" }, steps: [] },
      want: { path: "/steps", keyword: "minItems", only: true },
    },
  ],
  [
    "query: the brief's query",
    {
      kind: "query",
      given: {
        query: "overdueInvoices",
        description: "Overdue.",
        from: "Invoice",
        params: { asOf: { type: "date", default: { expr: "today()" } } },
        where: "status == 'sent' && due < params.asOf",
        select: ["number", "customer.name", "total", "due"],
        sort: ["due"],
        limit: 100,
        allow: "'billing' in user.roles",
      },
      want: ok,
    },
  ],
  [
    "query: from is required",
    {
      kind: "query",
      given: { query: "q" },
      want: { path: "", keyword: "required", params: { missingProperty: "from" }, only: true },
    },
  ],
  [
    "query: params have no storage keys",
    {
      kind: "query",
      given: { query: "q", from: "Invoice", params: { p: { type: "string", pii: true } } },
      want: { path: "/params/p", keyword: "additionalProperties", params: { additionalProperty: "pii" }, only: true },
    },
  ],
  [
    "query: limit is positive",
    {
      kind: "query",
      given: { query: "q", from: "Invoice", limit: 0 },
      want: { path: "/limit", keyword: "minimum", only: true },
    },
  ],
  [
    "theme: the brief's theme, with a custom color",
    {
      kind: "theme",
      given: {
        colors: { primary: "#3b5bdb", brandDark: "oklch(0.3 0.1 265)" },
        radius: "md",
        font: { body: "Inter, sans-serif", mono: "monospace" },
        density: "compact",
        dark: "auto",
      },
      want: ok,
    },
  ],
  [
    "theme: radius values",
    { kind: "theme", given: { radius: "medium" }, want: { path: "/radius", keyword: "enum", only: true } },
  ],
  [
    "theme: colors are CSS colors",
    {
      kind: "theme",
      given: { colors: { primary: "blue" } },
      want: { path: "/colors/primary", keyword: "pattern", only: true },
    },
  ],
  [
    "i18n: messages by dotted key",
    {
      kind: "i18n",
      given: {
        locale: "pt-BR",
        messages: { "entity.Invoice.label": "Fatura", "state.Invoice.lifecycle.draft": "Rascunho" },
      },
      want: ok,
    },
  ],
  [
    "i18n: messages are required",
    {
      kind: "i18n",
      given: { locale: "de" },
      want: { path: "", keyword: "required", params: { missingProperty: "messages" }, only: true },
    },
  ],
  [
    "i18n: messages are strings",
    {
      kind: "i18n",
      given: { messages: { "entity.Invoice.label": 1 } },
      want: { path: "/messages/entity.Invoice.label", keyword: "type", only: true },
    },
  ],
  [
    "i18n: keys have no spaces",
    {
      kind: "i18n",
      given: { messages: { "entity Invoice": "x" } },
      want: { path: "/messages", keyword: "propertyNames" },
    },
  ],
  [
    "seed: users, tenants and records",
    {
      kind: "seed",
      given: {
        users: [
          {
            email: "ada@example.com",
            password: "secret",
            name: "Ada",
            roles: ["admin"],
            tenants: ["acme", { tenant: "globex", roles: ["viewer"] }],
          },
          { email: "bob@example.com", name: "Bob" },
        ],
        tenants: [
          { key: "acme", name: "Acme" },
          { key: "globex", name: "Globex" },
        ],
        records: {
          Customer: [{ $tenant: "acme", code: "globex", name: "Globex" }],
          Invoice: [{ customer: "globex", number: "1" }],
        },
      },
      want: ok,
    },
  ],
  [
    "seed: a user has an email",
    {
      kind: "seed",
      given: { users: [{ name: "Ada" }] },
      want: { path: "/users/0", keyword: "required", params: { missingProperty: "email" }, only: true },
    },
  ],
  [
    "seed: emails are checked",
    {
      kind: "seed",
      given: { users: [{ email: "ada", name: "Ada" }] },
      want: { path: "/users/0/email", keyword: "format", only: true },
    },
  ],
  [
    "seed: records are keyed by entity name",
    {
      kind: "seed",
      given: { records: { customer: [] } },
      want: { path: "/records", keyword: "propertyNames" },
    },
  ],
  [
    "seed: record keys are field names",
    {
      kind: "seed",
      given: { records: { Customer: [{ Name: "x" }] } },
      want: { path: "/records/Customer/0", keyword: "propertyNames" },
    },
  ],
];

describe("schemas compile under strict ajv", () => {
  test.each(kinds.map((k) => [k]))("%s", (kind) => {
    const { ajv, warnings } = strictAjv();
    const schema = readSchema(kind);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(warnings).toEqual([]);
    expect(schema.$id).toBe(`https://weave.dev/schema/${kind}.schema.json`);
  });
});

describe("documents", () => {
  test.each([...appCases, ...entityCases, ...otherCases])("%s", (_, { kind, given, want }) => {
    const validate = validator(kind);
    const valid = validate(given);
    const errors = validate.errors ?? [];
    if ("valid" in want) {
      expect(errors).toEqual([]);
      expect(valid).toBe(true);
      return;
    }
    expect(valid).toBe(false);
    const match = errors.find(
      (e) =>
        e.instancePath === want.path &&
        e.keyword === want.keyword &&
        Object.entries(want.params ?? {}).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v),
    );
    expect(match, JSON.stringify(errors, null, 2)).toBeDefined();
    if (want.only) expect(errors).toHaveLength(1);
    if (want.count !== undefined) expect(errors).toHaveLength(want.count);
  });
});
