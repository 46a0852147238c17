import { expect, test } from "bun:test";
import { toSql } from "../../../../../compiler/generators/sql/ddl/convertors.ts";
import type { Statement, StatementKind } from "../../../../../compiler/generators/sql/ddl/statements.ts";
import type { DbTable } from "../../../../../compiler/generators/sql/schema/db-schema.ts";

const table: DbTable = {
  name: "invoices",
  entity: "Invoice",
  columns: [
    { name: "id", type: "uuid", nullable: false, default: "gen_random_uuid()", source: "Invoice.id" },
    { name: "number", type: "text", nullable: false, source: "Invoice.number" },
    { name: "total", type: "numeric(18,2)", nullable: true, generated: '"a" + "b"', source: "Invoice.total" },
  ],
  primaryKey: { name: "invoices_pkey", columns: ["id"] },
  uniques: [{ name: "invoices_key", columns: ["number"] }],
  checks: [{ name: "invoices_number_min_length", sql: 'char_length("number") >= 1' }],
  foreignKeys: [],
  indexes: [],
  rls: false,
  triggers: [],
};
const trigger = { name: "weave_invoices_compute", functionBody: "BEGIN\n  RETURN NEW;\nEND", timing: "BEFORE" as const, events: ["INSERT" as const, "UPDATE" as const] };

// One case per statement kind: the exact SQL weave writes for it.
const cases: Record<StatementKind, [Statement, string]> = {
  createTable: [{ kind: "createTable", table }, 'CREATE TABLE "invoices" (\n  "id" uuid NOT NULL DEFAULT gen_random_uuid(),\n  "number" text NOT NULL,\n  "total" numeric(18,2) GENERATED ALWAYS AS ("a" + "b") STORED,\n  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id"),\n  CONSTRAINT "invoices_key" UNIQUE ("number"),\n  CONSTRAINT "invoices_number_min_length" CHECK (char_length("number") >= 1)\n)'],
  dropTable: [{ kind: "dropTable", table: "invoices" }, 'DROP TABLE "invoices"'],
  renameTable: [{ kind: "renameTable", from: "bills", to: "invoices" }, 'ALTER TABLE "bills" RENAME TO "invoices"'],
  addColumn: [{ kind: "addColumn", table: "products", column: { name: "barcode", type: "text", nullable: true, source: "Product.barcode" } }, 'ALTER TABLE "products" ADD COLUMN "barcode" text'],
  assertEmpty: [{ kind: "assertEmpty", table: "products", reason: "it's not empty" }, `DO $weave$ BEGIN IF EXISTS (SELECT 1 FROM "products") THEN RAISE EXCEPTION '%', 'it''s not empty'; END IF; END $weave$`],
  backfill: [{ kind: "backfill", table: "customers", column: "code", value: 'lower("name")' }, 'UPDATE "customers" SET "code" = lower("name")'],
  replaceValue: [{ kind: "replaceValue", table: "notes", column: "about_type", from: "Tag", to: "Label" }, `UPDATE "notes" SET "about_type" = 'Label' WHERE "about_type" = 'Tag'`],
  dropColumn: [{ kind: "dropColumn", table: "invoices", column: "notes" }, 'ALTER TABLE "invoices" DROP COLUMN "notes"'],
  renameColumn: [{ kind: "renameColumn", table: "invoices", from: "due", to: "due_on" }, 'ALTER TABLE "invoices" RENAME COLUMN "due" TO "due_on"'],
  alterColumnType: [{ kind: "alterColumnType", table: "t", column: "n", type: "numeric(18,2)", from: "integer" }, 'ALTER TABLE "t" ALTER COLUMN "n" TYPE numeric(18,2) USING "n"::numeric(18,2)'],
  setNotNull: [{ kind: "setNotNull", table: "t", column: "c" }, 'ALTER TABLE "t" ALTER COLUMN "c" SET NOT NULL'],
  dropNotNull: [{ kind: "dropNotNull", table: "t", column: "c" }, 'ALTER TABLE "t" ALTER COLUMN "c" DROP NOT NULL'],
  setDefault: [{ kind: "setDefault", table: "t", column: "c", default: "'x'" }, `ALTER TABLE "t" ALTER COLUMN "c" SET DEFAULT 'x'`],
  dropDefault: [{ kind: "dropDefault", table: "t", column: "c" }, 'ALTER TABLE "t" ALTER COLUMN "c" DROP DEFAULT'],
  addPrimaryKey: [{ kind: "addPrimaryKey", table: "t", constraint: { name: "t_pkey", columns: ["tenant_id", "a"] } }, 'ALTER TABLE "t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("tenant_id", "a")'],
  addUnique: [{ kind: "addUnique", table: "t", constraint: { name: "t_a_key", columns: ["a"] } }, 'ALTER TABLE "t" ADD CONSTRAINT "t_a_key" UNIQUE ("a")'],
  addCheck: [{ kind: "addCheck", table: "t", check: { name: "t_a_min", sql: '"a" >= 0' } }, 'ALTER TABLE "t" ADD CONSTRAINT "t_a_min" CHECK ("a" >= 0)'],
  addForeignKey: [
    { kind: "addForeignKey", table: "invoices", foreignKey: { name: "invoices_customer_id_fkey", columns: ["tenant_id", "customer_id"], refTable: "customers", refColumns: ["tenant_id", "id"], onDelete: 'SET NULL ("customer_id")' } },
    'ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers" ("tenant_id", "id") ON DELETE SET NULL ("customer_id")',
  ],
  dropConstraint: [{ kind: "dropConstraint", table: "t", name: "t_a_key" }, 'ALTER TABLE "t" DROP CONSTRAINT "t_a_key"'],
  renameConstraint: [{ kind: "renameConstraint", table: "items", from: "products_pkey", to: "items_pkey" }, 'ALTER TABLE "items" RENAME CONSTRAINT "products_pkey" TO "items_pkey"'],
  renameIndex: [{ kind: "renameIndex", from: "products_name_idx", to: "items_name_idx" }, 'ALTER INDEX "products_name_idx" RENAME TO "items_name_idx"'],
  createIndex: [
    { kind: "createIndex", table: "invoices", index: { name: "invoices_due_idx", columns: ["due"], using: "btree", unique: false, where: `"status" = 'sent'` }, concurrently: true },
    `CREATE INDEX CONCURRENTLY "invoices_due_idx" ON "invoices" USING btree ("due") WHERE "status" = 'sent'`,
  ],
  dropIndex: [{ kind: "dropIndex", name: "invoices_due_idx" }, 'DROP INDEX "invoices_due_idx"'],
  enableRls: [{ kind: "enableRls", table: "t" }, 'ALTER TABLE "t" ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY'],
  disableRls: [{ kind: "disableRls", table: "t" }, 'ALTER TABLE "t" DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY'],
  createTenantPolicy: [{ kind: "createTenantPolicy", table: "t" }, `CREATE POLICY "tenant_isolation" ON "t" USING ("tenant_id" = (nullif(current_setting('app.tenant_id', true), ''))::uuid) WITH CHECK ("tenant_id" = (nullif(current_setting('app.tenant_id', true), ''))::uuid)`],
  dropTenantPolicy: [{ kind: "dropTenantPolicy", table: "t" }, 'DROP POLICY "tenant_isolation" ON "t"'],
  createTriggerFunction: [{ kind: "createTriggerFunction", trigger }, 'CREATE OR REPLACE FUNCTION "weave_invoices_compute"() RETURNS trigger LANGUAGE plpgsql AS $weave$\nBEGIN\n  RETURN NEW;\nEND\n$weave$'],
  createTrigger: [{ kind: "createTrigger", table: "invoices", trigger }, 'CREATE TRIGGER "weave_invoices_compute" BEFORE INSERT OR UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "weave_invoices_compute"()'],
  dropTrigger: [{ kind: "dropTrigger", table: "invoices", name: "weave_invoices_compute" }, 'DROP TRIGGER "weave_invoices_compute" ON "invoices"'],
  dropTriggerFunction: [{ kind: "dropTriggerFunction", name: "weave_invoices_compute" }, 'DROP FUNCTION "weave_invoices_compute"()'],
};

test.each(Object.entries(cases))("%s", (_, [statement, sql]) => {
  expect(toSql(statement)).toBe(sql);
});

test("identifiers are quoted and escaped", () => {
  expect(toSql({ kind: "dropTable", table: 'we"ird' })).toBe('DROP TABLE "we""ird"');
});
