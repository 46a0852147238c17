/**
 * The removals, the entity rename and the field order: exact text before and after, comments kept.
 * Each edit changes the texts in memory; what the compiler says of them is tested in routes.test.ts.
 */
import { describe, expect, test } from "bun:test";
import { applyEdit, Draft, EditRefused, memorySource, type StudioEdit } from "../../../../cli/studio/edits/index.ts";

const customer = `# yaml-language-server: $schema=../../schema/entity.schema.json
entity: Customer
fields:
  name: { type: string, required: true }
  # Where invoices go.
  email: { type: email }
  # The invoices of this customer.
  invoices: { type: many, to: Invoice, inverse: customer }
policies:
  read: "true"
`;

const invoice = `# yaml-language-server: $schema=../../schema/entity.schema.json
entity: Invoice
key: number

fields:
  number:
    type: string
    # INV-2026-0001
    pattern: "^INV-"
  # Who pays.
  customer:
    type: ref
    to: Customer
  tags: { type: many-to-many, to: Tag }
  status: { type: state, machine: lifecycle }

states:
  lifecycle:
    initial: draft
    states:
      draft: { label: Draft }
      # Sent to the customer.
      sent: { label: Sent }
      void: { label: Void, final: true }
    transitions:
      # Sending needs a customer.
      send:
        from: draft
        to: sent
        guard: "has(customer) && size(number) > 3"
      void: { from: [draft, sent], to: void }

indexes:
  # By customer, most common question.
  - { fields: [customer] }
  # Open ones by number.
  - { fields: [number], where: "status == 'sent'" }

policies:
  read: "true"
  transitions:
    void: "'admin' in user.roles"

views:
  list:
    columns: [number, customer, status]
`;

const tag = `entity: Tag
fields:
  name: { type: string }
`;

const query = `# Open invoices.
query: openInvoices
from: Invoice
where: "status == 'sent'"
`;

const seed = `records:
  # Two customers.
  Customer:
    - { name: Globex }
  Invoice:
    - { number: INV-1, customer: Globex }
`;

const workflow = `workflow: chase
trigger:
  transition: Invoice.send
steps:
  - name: tell
    action: Customer.notify
`;

const messages = `messages:
  # Customers
  entity.Customer.label: Kunde
  entity.Customer.field.email.label: E-Mail
  entity.CustomerGroup.label: Kundengruppe
  entity.Invoice.label: Rechnung
`;

const files = {
  "weave.yaml": "weave: 0\napp: demo\n",
  "domain/customer.entity.yaml": customer,
  "domain/invoice.entity.yaml": invoice,
  "domain/tag.entity.yaml": tag,
  "queries/open.query.yaml": query,
  "seed/demo.yaml": seed,
  "workflows/chase.workflow.yaml": workflow,
  "i18n/de.yaml": messages,
};

function run(edit: StudioEdit) {
  const draft = new Draft(memorySource(files));
  const element = applyEdit(draft, edit);
  return { out: Object.fromEntries(draft.changes()), element };
}

describe("studio removals: exact text, comments kept", () => {
  test("removeEntity deletes its file and nothing else (the compiler reports what still names it)", () => {
    expect(run({ kind: "removeEntity", entity: "Tag" }).out).toEqual({ "domain/tag.entity.yaml": null });
  });

  test("removeRelation removes the ref with its comment, and the many naming it on the other side", () => {
    const { out } = run({ kind: "removeRelation", entity: "Invoice", field: "customer" });
    expect(out["domain/invoice.entity.yaml"]).toBe(
      invoice
        .replace("  # Who pays.\n  customer:\n    type: ref\n    to: Customer\n", "")
        .replace("columns: [number, customer, status]", "columns: [number, status]")
        .replace("  # By customer, most common question.\n  - { fields: [customer] }\n", ""),
    );
    expect(out["domain/customer.entity.yaml"]).toBe(customer.replace("  # The invoices of this customer.\n  invoices: { type: many, to: Invoice, inverse: customer }\n", ""));
  });

  test("removeRelation from the many side removes the ref too", () => {
    const { out } = run({ kind: "removeRelation", entity: "Customer", field: "invoices" });
    expect(out["domain/customer.entity.yaml"]).toBe(customer.replace("  # The invoices of this customer.\n  invoices: { type: many, to: Invoice, inverse: customer }\n", ""));
    expect(out["domain/invoice.entity.yaml"]).toContain("  tags: { type: many-to-many, to: Tag }\n");
    expect(out["domain/invoice.entity.yaml"]).not.toContain("  customer:\n");
  });

  test("raiseVersion raises the version of each entity that loses a column, where the spec puts it", () => {
    const field = run({ kind: "removeField", entity: "Customer", field: "email", raiseVersion: true }).out;
    expect(field["domain/customer.entity.yaml"]).toBe(customer.replace("entity: Customer\n", "entity: Customer\nversion: 2\n").replace("  # Where invoices go.\n  email: { type: email }\n", ""));
    // The many has no column: Customer keeps its version; Invoice loses customer_id.
    const relation = run({ kind: "removeRelation", entity: "Customer", field: "invoices", raiseVersion: true }).out;
    expect(relation["domain/customer.entity.yaml"]).not.toContain("version:");
    expect(relation["domain/invoice.entity.yaml"]).toStartWith("# yaml-language-server: $schema=../../schema/entity.schema.json\nentity: Invoice\nversion: 2\nkey: number\n");
    const draft = new Draft(memorySource({ ...files, "domain/tag.entity.yaml": "entity: Tag\nversion: 3 # after the merge\nfields:\n  name: { type: string }\n  color: { type: string }\n" }));
    applyEdit(draft, { kind: "removeField", entity: "Tag", field: "color", raiseVersion: true });
    expect(draft.read("domain/tag.entity.yaml")).toBe("entity: Tag\nversion: 4 # after the merge\nfields:\n  name: { type: string }\n");
  });

  test("removeIndex removes one item with its comment; the last one takes the section with it", () => {
    const { out } = run({ kind: "removeIndex", entity: "Invoice", position: 1, fields: ["number"] });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("  # Open ones by number.\n  - { fields: [number], where: \"status == 'sent'\" }\n", ""));
    const draft = new Draft(memorySource(files));
    applyEdit(draft, { kind: "removeIndex", entity: "Invoice", position: 1 });
    applyEdit(draft, { kind: "removeIndex", entity: "Invoice", position: 0 });
    expect(draft.read("domain/invoice.entity.yaml")).toBe(invoice.replace("indexes:\n  # By customer, most common question.\n  - { fields: [customer] }\n  # Open ones by number.\n  - { fields: [number], where: \"status == 'sent'\" }\n\n", ""));
  });

  test("removeState removes the state with its comment", () => {
    const { out } = run({ kind: "removeState", entity: "Invoice", machine: "lifecycle", state: "sent" });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("      # Sent to the customer.\n      sent: { label: Sent }\n", ""));
  });

  test("removeTransition removes the transition, its comment and its policy", () => {
    const { out } = run({ kind: "removeTransition", entity: "Invoice", machine: "lifecycle", transition: "void" });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("      void: { from: [draft, sent], to: void }\n", "").replace("  transitions:\n    void: \"'admin' in user.roles\"\n", ""));
    const send = run({ kind: "removeTransition", entity: "Invoice", machine: "lifecycle", transition: "send" }).out;
    expect(send["domain/invoice.entity.yaml"]).toBe(invoice.replace('      # Sending needs a customer.\n      send:\n        from: draft\n        to: sent\n        guard: "has(customer) && size(number) > 3"\n', ""));
  });

  test.each([
    ["an index at a position the list lacks", { kind: "removeIndex", entity: "Invoice", position: 5 }],
    ["an index whose fields changed meanwhile", { kind: "removeIndex", entity: "Invoice", position: 0, fields: ["number"] }],
    ["an unknown state", { kind: "removeState", entity: "Invoice", machine: "lifecycle", state: "nope" }],
    ["an unknown transition", { kind: "removeTransition", entity: "Invoice", machine: "lifecycle", transition: "pay" }],
    ["a field that is no relation", { kind: "removeRelation", entity: "Invoice", field: "number" }],
    ["an unknown entity", { kind: "removeEntity", entity: "Nope" }],
    ["renaming onto an entity that exists", { kind: "renameEntity", entity: "Tag", to: "Customer" }],
    ["an order that leaves a field out", { kind: "reorderFields", entity: "Customer", fields: ["email", "name"] }],
  ] as [string, StudioEdit][])("refuses %s", (_, edit) => {
    expect(() => run(edit)).toThrow(EditRefused);
  });
});

describe("studio renames and order", () => {
  test("renameEntity renames the file, records renamedFrom and follows every name of it outside expressions", () => {
    const { out, element } = run({ kind: "renameEntity", entity: "Customer", to: "Client" });
    expect(out["domain/customer.entity.yaml"]).toBeNull();
    expect(out["domain/client.entity.yaml"]).toBe(customer.replace("entity: Customer\n", "entity: Client\nrenamedFrom: Customer\n"));
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("    to: Customer\n", "    to: Client\n"));
    expect(out["seed/demo.yaml"]).toBe(seed.replace("  Customer:\n", "  Client:\n"));
    expect(out["workflows/chase.workflow.yaml"]).toBe(workflow.replace("action: Customer.notify", "action: Client.notify"));
    expect(out["i18n/de.yaml"]).toBe(messages.replace("entity.Customer.label", "entity.Client.label").replace("entity.Customer.field", "entity.Client.field"));
    expect(out["queries/open.query.yaml"]).toBeUndefined();
    expect(element.file).toBe("domain/client.entity.yaml");
  });

  test("renameEntity follows a ref of the entity to itself", () => {
    const draft = new Draft(memorySource({ ...files, "domain/tag.entity.yaml": "entity: Tag\nfields:\n  parent: { type: ref, to: Tag }\n" }));
    applyEdit(draft, { kind: "renameEntity", entity: "Tag", to: "Label" });
    expect(draft.read("domain/label.entity.yaml")).toBe("entity: Label\nrenamedFrom: Tag\nfields:\n  parent: { type: ref, to: Label }\n");
    expect(draft.read("domain/invoice.entity.yaml")).toContain("  tags: { type: many-to-many, to: Label }\n");
  });

  test("renameEntity back to its first name drops renamedFrom; expressions naming it are notes", () => {
    const draft = new Draft(memorySource(files));
    applyEdit(draft, { kind: "renameEntity", entity: "Invoice", to: "Bill" });
    expect(draft.read("queries/open.query.yaml")).toBe(query.replace("from: Invoice", "from: Bill"));
    expect(draft.read("workflows/chase.workflow.yaml")).toBe(workflow.replace("Invoice.send", "Bill.send"));
    expect(draft.read("domain/customer.entity.yaml")).toBe(customer.replace("to: Invoice,", "to: Bill,"));
    applyEdit(draft, { kind: "renameEntity", entity: "Bill", to: "Invoice" });
    expect(Object.fromEntries(draft.changes())).toEqual({});
    const policy = { ...files, "domain/tag.entity.yaml": `${tag}policies:\n  read: "check(Invoice, 'read')"\n` };
    const withCheck = new Draft(memorySource(policy));
    const element = applyEdit(withCheck, { kind: "renameEntity", entity: "Invoice", to: "Bill" });
    expect(element.notes).toEqual([{ file: "domain/tag.entity.yaml", line: 5, column: 9, message: `the expression "check(Invoice, 'read')" may still name Invoice: rename it there by hand` }]);
  });

  test("renameField notes the expressions it leaves alone", () => {
    const { element } = run({ kind: "renameField", entity: "Invoice", field: "number", to: "code" });
    expect(element.notes).toEqual([
      // Line 31 after renamedFrom was added; `'sent'` and the index's fields are no expressions naming it.
      { file: "domain/invoice.entity.yaml", line: 31, column: 16, message: `the expression "has(customer) && size(number) > 3" may still name number: rename it there by hand` },
    ]);
  });

  test("reorderFields moves each field with its comments; blank lines and the rest stay", () => {
    const { out } = run({ kind: "reorderFields", entity: "Customer", fields: ["invoices", "name", "email"] });
    expect(out["domain/customer.entity.yaml"]).toBe(
      customer.replace(
        "  name: { type: string, required: true }\n  # Where invoices go.\n  email: { type: email }\n  # The invoices of this customer.\n  invoices: { type: many, to: Invoice, inverse: customer }\n",
        "  # The invoices of this customer.\n  invoices: { type: many, to: Invoice, inverse: customer }\n  name: { type: string, required: true }\n  # Where invoices go.\n  email: { type: email }\n",
      ),
    );
    const block = run({ kind: "reorderFields", entity: "Invoice", fields: ["status", "customer", "number", "tags"] }).out["domain/invoice.entity.yaml"];
    expect(block).toBe(
      invoice.replace(
        '  number:\n    type: string\n    # INV-2026-0001\n    pattern: "^INV-"\n  # Who pays.\n  customer:\n    type: ref\n    to: Customer\n  tags: { type: many-to-many, to: Tag }\n  status: { type: state, machine: lifecycle }\n',
        '  status: { type: state, machine: lifecycle }\n  # Who pays.\n  customer:\n    type: ref\n    to: Customer\n  number:\n    type: string\n    # INV-2026-0001\n    pattern: "^INV-"\n  tags: { type: many-to-many, to: Tag }\n',
      ),
    );
    const flow = new Draft(memorySource({ ...files, "domain/tag.entity.yaml": "entity: Tag\nfields: { name: { type: string }, color: { type: string } } # short\n" }));
    applyEdit(flow, { kind: "reorderFields", entity: "Tag", fields: ["color", "name"] });
    expect(flow.read("domain/tag.entity.yaml")).toBe("entity: Tag\nfields: { color: { type: string }, name: { type: string } } # short\n");
  });
});

describe("field renames reach the views of other entities", () => {
  const withViews = {
    ...files,
    "domain/invoice.entity.yaml": `${invoice}  detail:
    tabs:
      - { label: Tags, relation: tags }
  kanban: { by: status, title: customer.name, fields: [customer.email] }
`.replace("columns: [number, customer, status]", "columns: [number, customer.name, status]\n    sort: [-customer.name]"),
  };

  test("renameField follows `customer.name` paths through refs to the entity, and detail tabs", () => {
    const draft = new Draft(memorySource(withViews));
    applyEdit(draft, { kind: "renameField", entity: "Customer", field: "name", to: "title" });
    expect(draft.read("domain/invoice.entity.yaml")).toBe(withViews["domain/invoice.entity.yaml"].replaceAll("customer.name", "customer.title"));
    applyEdit(draft, { kind: "renameField", entity: "Invoice", field: "tags", to: "labels" });
    expect(draft.read("domain/invoice.entity.yaml")).toContain("      - { label: Tags, relation: labels }\n");
  });

  test("removeField drops those paths, and a tab of a removed relation", () => {
    const draft = new Draft(memorySource(withViews));
    applyEdit(draft, { kind: "removeField", entity: "Customer", field: "email" });
    expect(draft.read("domain/invoice.entity.yaml")).toBe(withViews["domain/invoice.entity.yaml"].replace(", fields: [customer.email]", ""));
    applyEdit(draft, { kind: "removeField", entity: "Invoice", field: "tags" });
    // The only tab goes, and with it the tabs and the detail view left empty.
    expect(draft.read("domain/invoice.entity.yaml")).toContain("    sort: [-customer.name]\n  kanban:");
  });
});
