import { describe, expect, test } from "bun:test";
import { resolve } from "node:path";
import { compileApp } from "../../compiler/index.ts";
import { planMigration } from "../../compiler/generators/sql/index.ts";
import { readLatestSnapshot } from "../../runtime/db/migrations/migration-folder.ts";
import type { IR } from "../../compiler/ir/index.ts";

const root = resolve(import.meta.dir, "../../examples/invoicing");
const result = await compileApp(root);
const ir = result.ir as IR;
const entity = (name: string) => ir.entities.find((e) => e.name === name)!;
const field = (e: string, f: string) => entity(e).fields.find((x) => x.name === f)!;

describe("examples/invoicing", () => {
  test("checks clean: no errors and no warnings", () => {
    expect(result.diagnostics).toEqual([]);
    expect(ir).toBeDefined();
  });

  test("has the five entities, all tenant-scoped", () => {
    const names = ["Customer", "Invoice", "InvoiceLine", "Payment", "Product"];
    expect(ir.entities.filter((e) => !e.generated).map((e) => e.name)).toEqual(names);
    for (const name of names) expect(entity(name).tenant).toBe(true);
    expect(ir.app.tenancy.enabled).toBe(true);
  });

  test("roles admin, billing and viewer; admin inherits billing", () => {
    expect(ir.roles.map((r) => r.name)).toEqual(["admin", "billing", "viewer"]);
    expect(ir.roles.find((r) => r.name === "admin")!.inherits).toContain("billing");
  });

  test("the invoice lifecycle is draft -> sent -> paid | void, with guards", () => {
    const machine = entity("Invoice").states[0]!;
    expect(machine.initial).toBe("draft");
    expect(machine.states.map((s) => s.name).sort()).toEqual(["draft", "paid", "sent", "void"]);
    const send = machine.transitions.find((t) => t.name === "send")!;
    expect(send.from).toEqual(["draft"]);
    expect(send.to).toBe("sent");
    expect(send.guard?.type).toEqual({ kind: "bool" });
    expect(machine.transitions.find((t) => t.name === "pay")!.to).toBe("paid");
    expect([...machine.transitions.find((t) => t.name === "void")!.from].sort()).toEqual(["draft", "sent"]);
  });

  test("line totals and invoice totals are computed money", () => {
    expect(field("InvoiceLine", "total").computed?.type).toEqual({ kind: "money" });
    expect(field("Invoice", "subtotal").computed?.source).toContain("sum(lines.total)");
    expect(field("Invoice", "total").computed?.type).toEqual({ kind: "money" });
  });

  test("has the overdue-invoices saved query, views, two locales and seed data", () => {
    expect(ir.queries.map((q) => q.name)).toContain("overdueInvoices");
    expect(entity("Invoice").views.list.columns.length).toBeGreaterThan(0);
    expect(entity("Invoice").views.kanban?.by).toBe("status");
    expect(Object.keys(ir.i18n).sort()).toEqual(["de", "en"]);
    expect(ir.seed.users.length).toBeGreaterThanOrEqual(3);
    expect(ir.seed.records.Invoice?.length).toBeGreaterThan(0);
  });

  test("its migrations are up to date: the next plan from the last snapshot is empty", () => {
    const latest = readLatestSnapshot(resolve(root, "migrations"));
    expect(latest?.fileName).toBe("0001_initial.snapshot.json");
    const plan = planMigration(latest!.ir, ir);
    expect(plan.steps.map((s) => s.summary)).toEqual([]);
  });
});
