import { expect, test } from "bun:test";
import { resolve } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import { metaFor } from "../../../runtime/policy/index.ts";
import type { Can, Meta, MetaEntity } from "../../../components/client/index.ts";
import { createBody, formSections, initialValues, isEditable, sameValue, updateBody } from "../../../components/form/form-model.ts";

const { ir } = await compileApp(resolve(import.meta.dir, "../../../examples/invoicing"));
if (!ir) throw new Error("the invoicing example does not compile");

/** `_meta` as the server sends it to a tenant member with these roles. */
function entity(name: string, tenantRoles: readonly string[] = ["billing"]): MetaEntity {
  const identity = { userId: "00000000-0000-4000-8000-000000000001", roles: [], tenantId: "00000000-0000-4000-8000-0000000000aa", tenantRoles };
  const meta = metaFor({ ir: ir!, identity }) as unknown as Meta;
  return meta.entities.find((e) => e.name === name)!;
}

const names = (e: MetaEntity) => formSections(e).map((s) => ({ label: s.label, fields: s.fields.map((f) => f.name) }));

test("formSections follows the form view", () => {
  expect(names(entity("Invoice"))).toEqual([
    { label: "Invoice", fields: ["number", "customer", "issued", "due"] },
    { label: "Tax and notes", fields: ["taxRate", "notes"] },
  ]);
});

test("a field hidden from the user by a policy never appears", () => {
  expect(names(entity("Customer"))[0]!.fields).toContain("email");
  expect(names(entity("Customer", ["viewer"]))[0]!.fields).toEqual(["code", "name", "vatId"]);
});

test("without sections every writable field is in one section; relations and read-only fields are left out", () => {
  const invoice = entity("Invoice");
  const bare = { ...invoice, views: { ...invoice.views, form: { sections: [] } } };
  expect(names(bare)).toEqual([{ label: undefined, fields: ["number", "customer", "issued", "due", "taxRate", "notes"] }]);
});

test("isEditable: read-only fields never, existing records only for the fields _can lists", () => {
  const invoice = entity("Invoice");
  const field = (n: string) => invoice.fields.find((f) => f.name === n)!;
  const can: Can = { update: true, delete: false, transitions: {}, actions: {}, fields: ["notes"] };
  expect(isEditable(field("notes"), undefined, false)).toBe(true);
  expect(isEditable(field("total"), undefined, false)).toBe(false);
  expect(isEditable(field("status"), undefined, false)).toBe(false);
  expect(isEditable(field("notes"), can, true)).toBe(true);
  expect(isEditable(field("due"), can, true)).toBe(false);
  expect(isEditable(field("notes"), { ...can, update: false }, true)).toBe(false);
  expect(isEditable(field("notes"), undefined, true)).toBe(false);
});

test("createBody sends only the fields with a value", () => {
  expect(createBody({ number: "INV-2026-0001", due: null, notes: "", taxRate: "7.00", tags: [] }, ["number", "due", "notes", "taxRate", "tags"])).toEqual({ number: "INV-2026-0001", taxRate: "7.00" });
  expect(createBody({ number: "x", total: "1.00" }, ["number"])).toEqual({ number: "x" });
});

test("updateBody sends the changed editable fields, an emptied one as null", () => {
  const record = { id: "1", version: 3, notes: "old", due: "2026-01-31", taxRate: "19.00", address: { city: "Berlin", street: "A" } };
  const values = { notes: "", due: "2026-01-31", taxRate: "7.00", address: { street: "A", city: "Berlin" } };
  expect(updateBody(record, values, ["notes", "due", "taxRate", "address"])).toEqual({ notes: null, taxRate: "7.00" });
  expect(updateBody(record, values, ["due"])).toEqual({});
});

test("sameValue ignores key order and treats empty values alike", () => {
  expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
  expect(sameValue(null, "")).toBe(true);
  expect(sameValue([], undefined)).toBe(true);
  expect(sameValue("1.50", "1.5")).toBe(false);
});

test("initialValues takes the record's values for the form's fields", () => {
  const fields = formSections(entity("Invoice")).flatMap((s) => s.fields);
  expect(initialValues({ id: "1", number: "INV-1", total: "9.00" }, fields)).toEqual({ number: "INV-1", customer: null, issued: null, due: null, taxRate: null, notes: null });
});
