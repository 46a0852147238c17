/**
 * Create, update and delete on the invoicing example: values converted by field type, policies
 * decided in SQL (403), optimistic concurrency (412), rules (422, rolled back), Postgres
 * refusals as 409/422 with the field's path, and the version bumped by every update.
 */
import { beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import type { IR } from "../../../compiler/ir/index.ts";
import { createRecord, deleteRecord, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { admin, billing, contextFor, customer, invoice, invoicingIr, migrate, next, refusal, TENANT_B, viewer } from "./fixture.ts";

forEachDatabase("record writes", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = await invoicingIr();
    await migrate(target);
  });
  const as = (identity = billing) => contextFor(target, ir, identity);

  test("create converts values by type and returns the fresh record with 201", async () => {
    const customerId = await customer(as());
    const { status, body, headers } = await createRecord(as(), "Invoice", { number: "INV-2026-0001", customer: customerId, issued: "2026-02-01", due: "2026-03-01", taxRate: "7.5", notes: "first" });
    expect(status).toBe(201);
    expect(headers).toEqual({ etag: '"1"', location: `/api/invoices/${(body as { id: string }).id}` });
    expect(body).toMatchObject({ number: "INV-2026-0001", customer: customerId, status: "draft", issued: "2026-02-01", due: "2026-03-01", taxRate: "7.50", notes: "first", version: 1, createdBy: billing.userId, subtotal: "0.00" });
    const stored = await sql<{ tenant_id: string; tax_rate: string }>`select tenant_id, tax_rate from invoices where number = 'INV-2026-0001'`.execute(target.db);
    expect(stored.rows[0]).toEqual({ tenant_id: billing.tenantId!, tax_rate: "7.50" });
  });

  test("embedded values are stored as jsonb", async () => {
    const { body } = await createRecord(as(), "Customer", { code: `addr-${next()}`, name: "Addressed", address: { street: "Main St 1", city: "Berlin", country: "DE" } });
    expect((body as { address: unknown }).address).toEqual({ street: "Main St 1", city: "Berlin", country: "DE" });
  });

  test("a tenant entity without a tenant is a 400", async () => {
    const problem = await refusal(createRecord(as({ ...billing, tenantId: null }), "Customer", { code: "x", name: "X", email: "x@example.com" }));
    expect(problem.status).toBe(400);
  });

  test("policies deny: a viewer may not create (403), and nothing is written", async () => {
    const code = `viewer-${next()}`;
    const problem = await refusal(createRecord(as(viewer), "Customer", { code, name: "Nope", email: "n@example.com" }));
    expect(problem.status).toBe(403);
    expect((await sql`select 1 from customers where code = ${code}`.execute(target.db)).rows).toHaveLength(0);
  });

  test("a create policy that reads the record is decided on the inserted row (InvoiceLine: only on draft invoices)", async () => {
    const invoiceId = await invoice(as());
    const line = await createRecord(as(), "InvoiceLine", { invoice: invoiceId, description: "Work", quantity: 2, unitPrice: "50.00" });
    expect(line.status).toBe(201);
    expect(line.body).toMatchObject({ total: "100.00", quantity: 2, unitPrice: "50.00" });
    await sql`update invoices set status = 'sent' where id = ${invoiceId}`.execute(target.db);
    const problem = await refusal(createRecord(as(), "InvoiceLine", { invoice: invoiceId, description: "More", unitPrice: "1.00" }));
    expect(problem.status).toBe(403);
    expect((await sql`select 1 from invoice_lines where invoice_id = ${invoiceId}`.execute(target.db)).rows).toHaveLength(1);
  });

  test("read-only, computed, state and unknown fields are a 422 naming each", async () => {
    const problem = await refusal(createRecord(as(), "Invoice", { number: "INV-2026-0002", customer: await customer(as()), total: "1.00", sentAt: "2026-01-01T00:00:00Z", status: "paid", nope: 1 }));
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["/nope", "/sentAt", "/status", "/total"]);
  });

  test("too many decimals is a 422, not a silent rounding", async () => {
    const problem = await refusal(createRecord(as(), "Invoice", { number: "INV-2026-0003", customer: await customer(as()), taxRate: "7.555" }));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: "/taxRate" }] });
  });

  test("update changes the fields given, bumps the version, sets updated_by", async () => {
    const id = await invoice(as());
    const other = "00000000-0000-4000-8000-0000000000f2";
    const { status, body, headers } = await updateRecord(as({ ...billing, userId: other }), "Invoice", id, { notes: "changed", due: "2026-04-01" }, { ifMatch: '"1"' });
    expect(status).toBe(200);
    expect(headers).toEqual({ etag: '"2"' });
    expect(body).toMatchObject({ notes: "changed", due: "2026-04-01", version: 2, updatedBy: other, createdBy: billing.userId });
  });

  test("a stale If-Match or body version is a 412 and changes nothing", async () => {
    const id = await invoice(as());
    await updateRecord(as(), "Invoice", id, { notes: "v2" });
    expect(await refusal(updateRecord(as(), "Invoice", id, { notes: "stale" }, { ifMatch: '"1"' }))).toMatchObject({ status: 412 });
    expect(await refusal(updateRecord(as(), "Invoice", id, { notes: "stale", version: 1 }))).toMatchObject({ status: 412 });
    const ok = await updateRecord(as(), "Invoice", id, { notes: "v3", version: 2 });
    expect(ok.body).toMatchObject({ notes: "v3", version: 3 });
    expect(await refusal(deleteRecord(as(admin), "Invoice", id, { ifMatch: 'W/"2"' }))).toMatchObject({ status: 412 });
  });

  test("a rule that breaks is a 422 with its message at its field, and the write rolls back", async () => {
    const id = await invoice(as(), { issued: "2026-02-01" });
    const problem = await refusal(updateRecord(as(), "Invoice", id, { due: "2026-01-01", notes: "should not stay" }));
    expect(problem).toEqual({ status: 422, detail: "The due date cannot be before the issue date.", errors: [{ path: "/due", message: "The due date cannot be before the issue date.", code: "rule" }] });
    const row = await sql<{ notes: string | null; version: number }>`select notes, version from invoices where id = ${id}`.execute(target.db);
    expect(row.rows[0]).toEqual({ notes: null, version: 1 });
    const created = await refusal(createRecord(as(), "Customer", { code: `unreachable-${next()}`, name: "No contact" }));
    expect(created).toMatchObject({ status: 422, errors: [{ path: "/email", code: "rule" }] });
  });

  test("rules read across relations (a payment needs a sent invoice)", async () => {
    const id = await invoice(as());
    expect(await refusal(createRecord(as(), "Payment", { invoice: id, amount: "10.00" }))).toMatchObject({ status: 422, errors: [{ path: "/invoice", code: "rule" }] });
  });

  test("unique, foreign key and check violations are 409/422 with the field's path", async () => {
    const customerId = await customer(as());
    const number = `INV-2026-${7000 + next()}`;
    await createRecord(as(), "Invoice", { number, customer: customerId });
    expect(await refusal(createRecord(as(), "Invoice", { number, customer: customerId }))).toMatchObject({ status: 409, errors: [{ path: "/number", code: "unique" }] });
    expect(await refusal(createRecord(as(), "Invoice", { number: `INV-2026-${7000 + next()}`, customer: "00000000-0000-4000-8000-00000000dead" }))).toMatchObject({
      status: 422,
      errors: [{ path: "/customer", code: "reference" }],
    });
    expect(await refusal(createRecord(as(), "Invoice", { number: "not a number", customer: customerId }))).toMatchObject({ status: 422, errors: [{ path: "/number", code: "check" }] });
    expect(await refusal(createRecord(as(), "Invoice", { number: `INV-2026-${7000 + next()}`, customer: customerId, taxRate: "150" }))).toMatchObject({ status: 422, errors: [{ path: "/taxRate", code: "check" }] });
  });

  test("another tenant's record is not found", async () => {
    const id = await invoice(as());
    expect(await refusal(updateRecord(as({ ...billing, tenantId: TENANT_B }), "Invoice", id, { notes: "x" }))).toMatchObject({ status: 404 });
    expect(await refusal(updateRecord(as(), "Invoice", "not-a-uuid", { notes: "x" }))).toMatchObject({ status: 404 });
  });

  test("delete: the policy reads the row (admins, drafts only), a referenced record is a 409", async () => {
    const customerId = await customer(as());
    const id = await invoice(as(), { customer: customerId });
    expect(await refusal(deleteRecord(as(), "Invoice", id))).toMatchObject({ status: 403 });
    expect(await refusal(deleteRecord(as(admin), "Customer", customerId))).toMatchObject({ status: 409, errors: [{ code: "referenced" }] });
    await sql`update invoices set status = 'sent' where id = ${id}`.execute(target.db);
    expect(await refusal(deleteRecord(as(admin), "Invoice", id))).toMatchObject({ status: 403 });
    await sql`update invoices set status = 'draft' where id = ${id}`.execute(target.db);
    expect(await deleteRecord(as(admin), "Invoice", id, { ifMatch: '"1"' })).toEqual({ status: 204, body: null });
    expect((await sql`select 1 from invoices where id = ${id}`.execute(target.db)).rows).toHaveLength(0);
    expect(await refusal(deleteRecord(as(admin), "Invoice", id))).toMatchObject({ status: 404 });
  });
});
