import { describe, expect, test } from "bun:test";
import { applyEdit, Draft, EditRefused, memorySource, type StudioEdit } from "../../../../cli/studio/edits/index.ts";

const customer = `# yaml-language-server: $schema=../../schema/entity.schema.json
entity: Customer
# Customers are shared by the whole company.
fields:
  name: { type: string, required: true }
  # Where invoices go.
  email: { type: email }

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
  customer:
    type: ref
    to: Customer
  status: { type: state, machine: lifecycle }

states:
  lifecycle:
    initial: draft
    states:
      draft: { label: Draft }
      sent: { label: Sent }
    transitions:
      # Sending needs a customer.
      send:
        from: draft
        to: sent
        guard: "has(customer)"

indexes:
  # By customer, most common question.
  - { fields: [customer] }

search: [number]

policies:
  read: "true"

views:
  list:
    columns: [number, customer, status]
  form:
    sections:
      - { label: Invoice, fields: [number, customer] }
`;

const files = { "weave.yaml": "# yaml-language-server: $schema=../schema/app.schema.json\nweave: 0\napp: demo\n", "domain/customer.entity.yaml": customer, "domain/invoice.entity.yaml": invoice };

/** Applies an edit and returns the changed texts by path. */
function run(edit: StudioEdit): Record<string, string | null> {
  const draft = new Draft(memorySource(files));
  applyEdit(draft, edit);
  return Object.fromEntries(draft.changes());
}

describe("studio edits: exact text before and after, comments kept", () => {
  test("addEntity writes a new file named after the entity, with the modeline the others use", () => {
    const out = run({ kind: "addEntity", entity: "ProjectTask", label: "Task", fields: { title: { type: "string", required: true }, done: { type: "boolean" } }, policies: { read: "true", write: "'admin' in user.roles" } });
    expect(out).toEqual({
      "domain/project-task.entity.yaml": `# yaml-language-server: $schema=../../schema/entity.schema.json
entity: ProjectTask
label: Task

fields:
  title: { type: string, required: true }
  done: { type: boolean }

policies:
  read: "true"
  write: "'admin' in user.roles"
`,
    });
  });

  test("addField follows the style of the last field: one line after a one-line field", () => {
    const out = run({ kind: "addField", entity: "Invoice", field: "due", props: { required: true, type: "date", label: "Due on" } });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("  status: { type: state, machine: lifecycle }\n", "  status: { type: state, machine: lifecycle }\n  due: { type: date, label: Due on, required: true }\n"));
  });

  test("setField adds keys in the spec's order and removes keys given null", () => {
    const out = run({ kind: "setField", entity: "Invoice", field: "number", props: { label: "Number", pattern: null, computed: "'x'" } });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace('    type: string\n    # INV-2026-0001\n    pattern: "^INV-"\n', '    type: string\n    label: Number\n    computed: "\'x\'"\n'));
  });

  test("renameField renames the key, records renamedFrom and follows the names in key, lists, indexes, views and inverses", () => {
    const out = run({ kind: "renameField", entity: "Invoice", field: "number", to: "code" });
    expect(out["domain/invoice.entity.yaml"]).toBe(
      invoice
        .replace("key: number", "key: code")
        .replace('  number:\n    type: string\n    # INV-2026-0001\n    pattern: "^INV-"\n', '  code:\n    type: string\n    # INV-2026-0001\n    pattern: "^INV-"\n    renamedFrom: number\n')
        .replace("search: [number]", "search: [code]")
        .replace("columns: [number, customer, status]", "columns: [code, customer, status]")
        .replace("fields: [number, customer] }", "fields: [code, customer] }"),
    );
  });

  test("removeField removes the field and its comment, and the names of it", () => {
    const out = run({ kind: "removeField", entity: "Customer", field: "email" });
    expect(out["domain/customer.entity.yaml"]).toBe(customer.replace("  # Where invoices go.\n  email: { type: email }\n", ""));
  });

  test("addRelation adds the ref and, on the target, the many that lists it", () => {
    const out = run({ kind: "addRelation", entity: "Invoice", field: "payer", to: "Customer", type: "ref", required: true, onDelete: "restrict", inverse: "paidInvoices" });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("  status: { type: state, machine: lifecycle }\n", "  status: { type: state, machine: lifecycle }\n  payer: { type: ref, to: Customer, required: true, onDelete: restrict }\n"));
    expect(out["domain/customer.entity.yaml"]).toBe(customer.replace("  email: { type: email }\n", "  email: { type: email }\n  paidInvoices: { type: many, to: Invoice, inverse: payer }\n"));
  });

  test("addIndex appends to the indexes list", () => {
    const out = run({ kind: "addIndex", entity: "Invoice", fields: ["status", "customer"], name: "byStatus", where: "status == 'sent'" });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("  - { fields: [customer] }\n", "  - { fields: [customer] }\n  - { name: byStatus, fields: [status, customer], where: \"status == 'sent'\" }\n"));
  });

  test("addIndex on an entity without indexes puts the section before search and policies", () => {
    const out = run({ kind: "addIndex", entity: "Customer", fields: ["name"] });
    expect(out["domain/customer.entity.yaml"]).toBe(customer.replace("\npolicies:", "\nindexes:\n  - { fields: [name] }\n\npolicies:"));
  });

  test("setPolicies sets, adds in order and removes policies", () => {
    const out = run({ kind: "setPolicies", entity: "Invoice", policies: { read: "user.id != null", delete: "false", create: "true" } });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace('policies:\n  read: "true"\n', 'policies:\n  read: "user.id != null"\n  create: "true"\n  delete: "false"\n'));
    const removed = run({ kind: "setPolicies", entity: "Customer", policies: { read: null } });
    expect(removed["domain/customer.entity.yaml"]).toBe(customer.replace('\npolicies:\n  read: "true"\n', ""));
  });

  test("setListView replaces the columns and adds filters after them", () => {
    const out = run({ kind: "setListView", entity: "Invoice", columns: ["number", "status"], filters: ["status"] });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("    columns: [number, customer, status]\n", "    columns: [number, status]\n    filters: [status]\n"));
  });

  test("setListView creates the views section when there is none", () => {
    const out = run({ kind: "setListView", entity: "Customer", columns: ["name", "email"] });
    expect(out["domain/customer.entity.yaml"]).toBe(`${customer}\nviews:\n  list: { columns: [name, email] }\n`);
  });

  test("setSections writes the sections as one line each", () => {
    const out = run({ kind: "setSections", entity: "Invoice", view: "form", sections: [{ label: "Invoice", fields: ["number"] }, { label: "Customer", fields: ["customer"] }] });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("      - { label: Invoice, fields: [number, customer] }\n", "      - { label: Invoice, fields: [number] }\n      - { label: Customer, fields: [customer] }\n"));
  });

  test("addMachine adds the state field and the machine", () => {
    const out = run({ kind: "addMachine", entity: "Customer", machine: "standing", initial: "active", states: ["active", "blocked"] });
    expect(out["domain/customer.entity.yaml"]).toBe(
      customer.replace("  email: { type: email }\n", "  email: { type: email }\n  status: { type: state, machine: standing }\n").replace(
        "\npolicies:",
        "\nstates:\n  standing:\n    initial: active\n    states:\n      active: { label: Active }\n      blocked: { label: Blocked }\n\npolicies:",
      ),
    );
  });

  test("addState adds a state on one line", () => {
    const out = run({ kind: "addState", entity: "Invoice", machine: "lifecycle", state: "paid", final: true });
    expect(out["domain/invoice.entity.yaml"]).toBe(invoice.replace("      sent: { label: Sent }\n", "      sent: { label: Sent }\n      paid: { label: Paid, final: true }\n"));
  });

  test("addTransition adds the transition after the others, and the states it names", () => {
    const out = run({ kind: "addTransition", entity: "Invoice", machine: "lifecycle", transition: "void", from: ["draft", "sent"], to: "void", guard: "true", allow: "'admin' in user.roles" });
    expect(out["domain/invoice.entity.yaml"]).toBe(
      invoice
        .replace("      sent: { label: Sent }\n", "      sent: { label: Sent }\n      void: { label: Void }\n")
        .replace('        guard: "has(customer)"\n', '        guard: "has(customer)"\n      void:\n        from: [draft, sent]\n        to: void\n        guard: "true"\n        allow: "\'admin\' in user.roles"\n'),
    );
  });

  test("setTransition changes a guard and removes one given null", () => {
    const changed = run({ kind: "setTransition", entity: "Invoice", machine: "lifecycle", transition: "send", guard: "has(customer) && has(number)", allow: "true" });
    expect(changed["domain/invoice.entity.yaml"]).toBe(invoice.replace('        guard: "has(customer)"\n', '        guard: "has(customer) && has(number)"\n        allow: "true"\n'));
    const removed = run({ kind: "setTransition", entity: "Invoice", machine: "lifecycle", transition: "send", guard: null });
    expect(removed["domain/invoice.entity.yaml"]).toBe(invoice.replace('        guard: "has(customer)"\n', ""));
  });

  test.each([
    ["an unknown entity", { kind: "addField", entity: "Nope", field: "x", props: { type: "string" } }],
    ["a field that exists", { kind: "addField", entity: "Invoice", field: "number", props: { type: "string" } }],
    ["an entity that exists", { kind: "addEntity", entity: "Invoice" }],
    ["an unknown machine", { kind: "addState", entity: "Invoice", machine: "nope", state: "x" }],
    ["a transition that exists", { kind: "addTransition", entity: "Invoice", machine: "lifecycle", transition: "send", from: "draft", to: "sent" }],
    ["renaming onto a field that exists", { kind: "renameField", entity: "Invoice", field: "number", to: "customer" }],
  ] as [string, StudioEdit][])("refuses %s", (_, edit) => {
    expect(() => run(edit)).toThrow(EditRefused);
  });
});
