import type { DbColumn, DbConstraint, DbTable } from "../schema/db-schema.ts";
import { identList, quoteIdent as q, quoteLiteral } from "../schema/quote.ts";
import type { Statement, StatementKind, StatementOf } from "./statements.ts";

/** The expression every tenant policy checks: the row's tenant is the request's. */
export const TENANT_PREDICATE = `"tenant_id" = (nullif(current_setting('app.tenant_id', true), ''))::uuid`;

type Convertors = { [K in StatementKind]: (statement: StatementOf<K>) => string };

/**
 * One SQL convertor per statement kind. Each returns a single SQL statement, without a
 * trailing semicolon, so a migration step is exactly one statement.
 *
 * @example
 *   toSql({ kind: "dropColumn", table: "invoices", column: "notes" }); // 'ALTER TABLE "invoices" DROP COLUMN "notes"'
 */
export function toSql(statement: Statement): string {
  return (CONVERTORS[statement.kind] as (s: Statement) => string)(statement);
}

const CONVERTORS: Convertors = {
  createTable: ({ table }) => createTable(table),
  dropTable: ({ table }) => `DROP TABLE ${q(table)}`,
  renameTable: ({ from, to }) => `ALTER TABLE ${q(from)} RENAME TO ${q(to)}`,
  addColumn: ({ table, column }) => `ALTER TABLE ${q(table)} ADD COLUMN ${columnDefinition(column)}`,
  assertEmpty: ({ table, reason }) =>
    `DO $weave$ BEGIN IF EXISTS (SELECT 1 FROM ${q(table)}) THEN RAISE EXCEPTION '%', ${quoteLiteral(reason)}; END IF; END $weave$`,
  backfill: ({ table, column, value }) => `UPDATE ${q(table)} SET ${q(column)} = ${value}`,
  replaceValue: ({ table, column, from, to }) => `UPDATE ${q(table)} SET ${q(column)} = ${quoteLiteral(to)} WHERE ${q(column)} = ${quoteLiteral(from)}`,
  dropColumn: ({ table, column }) => `ALTER TABLE ${q(table)} DROP COLUMN ${q(column)}`,
  renameColumn: ({ table, from, to }) => `ALTER TABLE ${q(table)} RENAME COLUMN ${q(from)} TO ${q(to)}`,
  alterColumnType: ({ table, column, type }) => `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} TYPE ${type} USING ${q(column)}::${type}`,
  setNotNull: ({ table, column }) => `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} SET NOT NULL`,
  dropNotNull: ({ table, column }) => `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} DROP NOT NULL`,
  setDefault: ({ table, column, default: value }) => `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} SET DEFAULT ${value}`,
  dropDefault: ({ table, column }) => `ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} DROP DEFAULT`,
  addPrimaryKey: ({ table, constraint }) => `ALTER TABLE ${q(table)} ADD ${primaryKey(constraint)}`,
  addUnique: ({ table, constraint }) => `ALTER TABLE ${q(table)} ADD ${unique(constraint)}`,
  addCheck: ({ table, check }) => `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(check.name)} CHECK (${check.sql})`,
  addForeignKey: ({ table, foreignKey: fk }) =>
    `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${identList(fk.columns)}) REFERENCES ${q(fk.refTable)} (${identList(fk.refColumns)}) ON DELETE ${fk.onDelete}`,
  dropConstraint: ({ table, name }) => `ALTER TABLE ${q(table)} DROP CONSTRAINT ${q(name)}`,
  renameConstraint: ({ table, from, to }) => `ALTER TABLE ${q(table)} RENAME CONSTRAINT ${q(from)} TO ${q(to)}`,
  renameIndex: ({ from, to }) => `ALTER INDEX ${q(from)} RENAME TO ${q(to)}`,
  createIndex: ({ table, index, concurrently }) => {
    const columns = index.columns.map((c) => (c.startsWith("(") ? c : q(c))).join(", ");
    const where = index.where ? ` WHERE ${index.where}` : "";
    return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${concurrently ? "CONCURRENTLY " : ""}${q(index.name)} ON ${q(table)} USING ${index.using} (${columns})${where}`;
  },
  dropIndex: ({ name }) => `DROP INDEX ${q(name)}`,
  enableRls: ({ table }) => `ALTER TABLE ${q(table)} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`,
  disableRls: ({ table }) => `ALTER TABLE ${q(table)} DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY`,
  createTenantPolicy: ({ table }) => `CREATE POLICY "tenant_isolation" ON ${q(table)} USING (${TENANT_PREDICATE}) WITH CHECK (${TENANT_PREDICATE})`,
  dropTenantPolicy: ({ table }) => `DROP POLICY "tenant_isolation" ON ${q(table)}`,
  createTriggerFunction: ({ trigger }) =>
    `CREATE OR REPLACE FUNCTION ${q(trigger.name)}() RETURNS trigger LANGUAGE plpgsql AS $weave$\n${trigger.functionBody}\n$weave$`,
  createTrigger: ({ table, trigger }) =>
    `CREATE TRIGGER ${q(trigger.name)} ${trigger.timing} ${trigger.events.join(" OR ")} ON ${q(table)} FOR EACH ROW EXECUTE FUNCTION ${q(trigger.name)}()`,
  dropTrigger: ({ table, name }) => `DROP TRIGGER ${q(name)} ON ${q(table)}`,
  dropTriggerFunction: ({ name }) => `DROP FUNCTION ${q(name)}()`,
};

function createTable(table: DbTable): string {
  const parts = [
    ...table.columns.map(columnDefinition),
    primaryKey(table.primaryKey),
    ...table.uniques.map(unique),
    ...table.checks.map((c) => `CONSTRAINT ${q(c.name)} CHECK (${c.sql})`),
  ];
  return `CREATE TABLE ${q(table.name)} (\n  ${parts.join(",\n  ")}\n)`;
}

/** A column as written in CREATE TABLE and ADD COLUMN. */
export function columnDefinition(column: DbColumn): string {
  const parts = [q(column.name), column.type];
  if (column.identity) parts.push("GENERATED ALWAYS AS IDENTITY");
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default !== undefined && !column.generated) parts.push(`DEFAULT ${column.default}`);
  return parts.join(" ");
}

function primaryKey(constraint: DbConstraint): string {
  return `CONSTRAINT ${q(constraint.name)} PRIMARY KEY (${identList(constraint.columns)})`;
}

function unique(constraint: DbConstraint): string {
  return `CONSTRAINT ${q(constraint.name)} UNIQUE (${identList(constraint.columns)})`;
}
