/**
 * The TypeBox schemas behave as the API contract says: table tests of bodies and records checked
 * with `Value.Check` and with a compiled `TypeCompiler` check (what Elysia runs), which must agree.
 */
import "elysia"; // registers the string formats (uuid, date, date-time, email, uri) the server validates with
import { type TSchema } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { Value } from "@sinclair/typebox/value";
import { beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { componentSchemas, entitySchemas } from "../../../../compiler/generators/openapi/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { compileApp } from "../../../../compiler/index.ts";
import { loadSpec, repoRoot } from "../../../helpers/spec-app.ts";
import { KITCHEN_SINK } from "./kitchen-sink.ts";

const ID = "0b7c5a36-5f4e-4a8e-9a52-2f1d3c4b5a69";
const ID2 = "9f0e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f";

let invoicing: IR;
let sink: IR;

beforeAll(async () => {
  invoicing = (await compileApp(join(repoRoot, "examples/invoicing"))).ir!;
  sink = (await loadSpec(KITCHEN_SINK)).ir;
});

/** Checks with Value.Check and a compiled checker; they must agree. */
function check(schema: TSchema, value: unknown, references: TSchema[] = []): boolean {
  const byValue = Value.Check(schema, references, value);
  const compiled = TypeCompiler.Compile(schema, references).Check(value);
  expect(compiled).toBe(byValue);
  return byValue;
}

type Case = [name: string, { given: unknown; want: boolean }];

function table(schema: () => TSchema, cases: Case[], references: () => TSchema[] = () => []): void {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(check(schema(), given, references())).toBe(want);
  });
}

const invoice = { number: "INV-2026-0001", customer: ID };

describe("Invoice.Create", () => {
  table(() => entitySchemas(invoicing, "Invoice").create, [
    ["the required fields only", { given: invoice, want: true }],
    ["every writable field", { given: { ...invoice, issued: "2026-01-31", due: "2026-02-28", taxRate: "7.00", notes: "thanks" }, want: true }],
    ["money and decimals as a string", { given: { ...invoice, taxRate: "12.50" }, want: true }],
    ["money and decimals as a number", { given: { ...invoice, taxRate: 12.5 }, want: true }],
    ["a decimal string with more digits than the scale", { given: { ...invoice, taxRate: "12.505" }, want: false }],
    ["a decimal string that is not a number", { given: { ...invoice, taxRate: "12,50" }, want: false }],
    ["a decimal number above max", { given: { ...invoice, taxRate: 101 }, want: false }],
    ["a decimal number below min", { given: { ...invoice, taxRate: -1 }, want: false }],
    ["a required field missing", { given: { number: "INV-2026-0001" }, want: false }],
    ["a required field with a default may be left out", { given: invoice, want: true }],
    ["a required field may not be null", { given: { ...invoice, issued: null }, want: false }],
    ["an optional field may be null", { given: { ...invoice, due: null }, want: true }],
    ["an unknown key", { given: { ...invoice, colour: "red" }, want: false }],
    ["a computed field", { given: { ...invoice, total: "10.00" }, want: false }],
    ["a read-only field", { given: { ...invoice, sentAt: "2026-01-31T10:00:00Z" }, want: false }],
    ["the state field (the server sets the initial state)", { given: { ...invoice, status: "draft" }, want: false }],
    ["a system field", { given: { ...invoice, id: ID }, want: false }],
    ["a many relation", { given: { ...invoice, lines: [] }, want: false }],
    ["a pattern mismatch", { given: { ...invoice, number: "2026-1" }, want: false }],
    ["a ref that is not a uuid", { given: { ...invoice, customer: "globex" }, want: false }],
    ["a date in another format", { given: { ...invoice, due: "31/01/2026" }, want: false }],
    ["a string too long", { given: { ...invoice, notes: "x".repeat(4001) }, want: false }],
  ]);

  test("unknown keys are reported by name", () => {
    const errors = [...Value.Errors(entitySchemas(invoicing, "Invoice").create, { ...invoice, colour: "red" })];
    expect(errors.map((e) => e.path)).toContain("/colour");
  });

  test("a literal default is documented, an expression default is not", () => {
    const props = entitySchemas(invoicing, "Invoice").create.properties;
    expect(props.taxRate!.default).toBe(19);
    expect(props.issued!.default).toBeUndefined();
  });
});

describe("Invoice.Update", () => {
  table(() => entitySchemas(invoicing, "Invoice").update, [
    ["nothing", { given: {}, want: true }],
    ["one field", { given: { notes: "paid by card" }, want: true }],
    ["the version seen", { given: { due: "2026-03-01", version: 3 }, want: true }],
    ["a version that is not a positive integer", { given: { version: 0 }, want: false }],
    ["an unknown key", { given: { colour: "red" }, want: false }],
    ["a required field set to null", { given: { number: null }, want: false }],
    ["an optional field cleared", { given: { due: null }, want: true }],
    ["the state field", { given: { status: "paid" }, want: false }],
  ]);

  test("every property is optional and nothing has a default", () => {
    const update = entitySchemas(invoicing, "Invoice").update;
    expect(update.required ?? []).toEqual([]);
    for (const prop of Object.values(update.properties)) expect(prop.default).toBeUndefined();
  });
});

describe("Payment.Create: enums", () => {
  const payment = { invoice: ID, amount: "10.00" };
  table(() => entitySchemas(invoicing, "Payment").create, [
    ["a value of the enum", { given: { ...payment, method: "card" }, want: true }],
    ["another value", { given: { ...payment, method: "cheque" }, want: false }],
    ["left out (it has a default)", { given: payment, want: true }],
    ["money as a number", { given: { ...payment, amount: 0.5 }, want: true }],
    ["money below min as a number", { given: { ...payment, amount: 0 }, want: false }],
  ]);
});

describe("Customer.Create: embedded objects are closed", () => {
  table(() => entitySchemas(invoicing, "Customer").create, [
    ["an address", { given: { code: "globex", name: "Globex", address: { city: "Berlin", country: "DE" } }, want: true }],
    ["an unknown key in the address", { given: { code: "globex", name: "Globex", address: { town: "Berlin" } }, want: false }],
    ["a slug that is not one", { given: { code: "Globex Inc", name: "Globex" }, want: false }],
    ["an email that is not one", { given: { code: "globex", name: "Globex", email: "nobody" }, want: false }],
  ]);
});

const record = {
  id: ID,
  number: "INV-2026-0001",
  customer: ID2,
  status: "draft",
  issued: "2026-01-31",
  due: null,
  taxRate: "19.00",
  notes: null,
  subtotal: "0.00",
  tax: "0.00",
  total: "0.00",
  paidAmount: "0.00",
  balance: "0.00",
  sentAt: null,
  paidAt: null,
  createdAt: "2026-01-31T09:30:00.123Z",
  updatedAt: "2026-01-31T09:30:00.123Z",
  createdBy: null,
  updatedBy: ID2,
  version: 1,
};

describe("Invoice (record)", () => {
  table(
    () => entitySchemas(invoicing, "Invoice").record,
    [
      ["a record as the server sends it", { given: record, want: true }],
      ["money as a number", { given: { ...record, total: 0 }, want: false }],
      ["a state outside the machine", { given: { ...record, status: "lost" }, want: false }],
      ["a required property missing", { given: { ...record, version: undefined }, want: false }],
      ["with included records", { given: { ...record, _included: { customer: null, lines: [] } }, want: true }],
      ["an included relation that does not exist", { given: { ...record, _included: { owner: null } }, want: false }],
    ],
    () => Object.values(componentSchemas(invoicing)),
  );

  test("many relations are not properties; virtual computed fields are, read-only", () => {
    const props = entitySchemas(invoicing, "Invoice").record.properties;
    expect(Object.keys(props)).not.toContain("lines");
    expect(props.paidAmount!.readOnly).toBe(true);
    expect(Object.keys(props)).toEqual([
      "id", "number", "customer", "status", "issued", "due", "taxRate", "notes", "subtotal", "tax", "total", "paidAmount", "balance", "sentAt", "paidAt",
      "createdAt", "updatedAt", "createdBy", "updatedBy", "version", "_included",
    ]);
  });

  test("a field with a read policy may be absent (Customer.email)", () => {
    const customer = entitySchemas(invoicing, "Customer").record;
    expect(customer.required).not.toContain("email");
    expect(customer.required).toContain("vatId");
  });
});

describe("Invoice.List", () => {
  table(
    () => entitySchemas(invoicing, "Invoice").list,
    [
      ["a page with a cursor", { given: { data: [record], page: { size: 25, after: "abc" } }, want: true }],
      ["the last page, with a count", { given: { data: [], page: { size: 25 }, count: 0 }, want: true }],
      ["a record that is not one", { given: { data: [{ id: ID }], page: { size: 25 } }, want: false }],
    ],
    () => Object.values(componentSchemas(invoicing)),
  );
});

describe("transitions and actions", () => {
  table(() => entitySchemas(invoicing, "Invoice").transitions.send!, [
    ["no body fields", { given: {}, want: true }],
    ["the version seen", { given: { version: 2 }, want: true }],
    ["anything else", { given: { to: "paid" }, want: false }],
  ]);

  table(() => entitySchemas(invoicing, "Invoice").actions.remindOverdue!.input, [
    ["the input", { given: { olderThanDays: 30 }, want: true }],
    ["no input (defaults)", { given: {}, want: true }],
    ["below min", { given: { olderThanDays: -1 }, want: false }],
    ["an unknown key", { given: { days: 3 }, want: false }],
  ]);

  test("outputs: a record, named fields, or nothing", () => {
    const { actions } = entitySchemas(invoicing, "Invoice");
    expect(actions.duplicate!.output).toMatchObject({ $ref: "Invoice" });
    expect(actions.remindOverdue!.output!.$id).toBe("Invoice.remindOverdue.Output");
    expect(entitySchemas(sink, "Ticket").actions.ping!.output).toBeUndefined();
  });

  table(() => entitySchemas(sink, "Ticket").actions.reassign!.input, [
    ["a ref by key", { given: { agent: "ann" }, want: true }],
    ["a ref by id", { given: { agent: ID }, want: true }],
    ["a required input missing", { given: { reason: "holiday" }, want: false }],
  ]);
});

describe("every field type (Ticket)", () => {
  const ticket = { code: "t-1", title: "Broken" };
  table(() => entitySchemas(sink, "Ticket").create, [
    ["the required fields", { given: ticket, want: true }],
    ["an int within bounds", { given: { ...ticket, points: 100 }, want: true }],
    ["an int out of bounds", { given: { ...ticket, points: 101 }, want: false }],
    ["an int that is not whole", { given: { ...ticket, points: 1.5 }, want: false }],
    ["a decimal with its own scale", { given: { ...ticket, rate: "123.456" }, want: true }],
    ["a decimal too large for its precision", { given: { ...ticket, rate: "1234.5" }, want: false }],
    ["money without a currency takes one beside it", { given: { ...ticket, budget: "100.00", budgetCurrency: "EUR" }, want: true }],
    ["a currency that is not ISO 4217", { given: { ...ticket, budget: "100.00", budgetCurrency: "euro" }, want: false }],
    ["a polymorphic ref", { given: { ...ticket, subject: { type: "Team", id: ID } }, want: true }],
    ["a polymorphic ref to another entity", { given: { ...ticket, subject: { type: "Label", id: ID } }, want: false }],
    ["json takes anything", { given: { ...ticket, extra: { a: [1, "b", null] } }, want: true }],
    ["an embedded array", { given: { ...ticket, contacts: [{ name: "Ann" }, { name: "Bob", phone: null }] }, want: true }],
    ["an embedded array item without its required field", { given: { ...ticket, contacts: [{ phone: "1" }] }, want: false }],
    ["a file", { given: { ...ticket, attachment: { key: "k1", name: "a.png", type: "image/png", size: 10 } }, want: true }],
    ["a url", { given: { ...ticket, site: "https://example.com/x" }, want: true }],
    ["a url that is not absolute", { given: { ...ticket, site: "example" }, want: false }],
    ["a uuid", { given: { ...ticket, ref: ID }, want: true }],
    ["a uuid with a urn prefix", { given: { ...ticket, ref: `urn:uuid:${ID}` }, want: false }],
    ["an int beyond Postgres' integer", { given: { ...ticket, points: 2 ** 31 }, want: false }],
    ["a datetime field that is read-only", { given: { ...ticket, closedAt: "2026-01-31T10:00:00Z" }, want: false }],
    ["a many-to-many relation", { given: { ...ticket, labels: [ID] }, want: false }],
  ]);

  test("a serial id is a decimal string, in the record, the params and refs to it", () => {
    const s = entitySchemas(sink, "Ticket");
    expect(check(s.params!, { id: "42" })).toBe(true);
    expect(check(s.params!, { id: ID })).toBe(false);
    expect(s.record.properties.id).toMatchObject({ type: "string", pattern: "^[1-9][0-9]{0,18}$" });
    expect(check(s.keyParams!, { code: "t-1" })).toBe(true);
  });

  test("an entity without id has no params, and key params in key order", () => {
    const s = entitySchemas(sink, "Shift");
    expect(s.params).toBeUndefined();
    expect(Object.keys(s.keyParams!.properties)).toEqual(["agent", "day"]);
    expect(Object.keys(s.record.properties)).not.toContain("id");
  });

  test("schemas have deterministic ids", () => {
    const s = entitySchemas(sink, "Ticket");
    expect([s.record.$id, s.create.$id, s.update.$id, s.list.$id]).toEqual(["Ticket", "Ticket.Create", "Ticket.Update", "Ticket.List"]);
    expect(s.actions.reassign!.input.$id).toBe("Ticket.reassign.Input");
    expect(Object.keys(componentSchemas(sink))).toContain("weave.Problem");
  });

  test("an unknown entity is a bug of the caller", () => {
    expect(() => entitySchemas(sink, "Nope")).toThrow("no entity Nope");
  });
});
