import type { DbColumn, DbTable } from "../sql/index.ts";

/** A column as `weave inspect` shows it: its SQL type and every constraint that involves it. */
export interface InspectColumn {
  readonly name: string;
  readonly type: string;
  /** `Entity.field` it stores, or the system column's own name. */
  readonly source: string;
  readonly constraints: readonly string[];
}

/**
 * The columns of `table` (those `keep` selects), each with its constraints in words.
 *
 * @example inspectColumns(invoices)[2]; // { name: "number", type: "text", constraints: ["not null", "unique invoices_key (tenant_id, number)", ...] }
 */
export function inspectColumns(table: DbTable, keep: (column: DbColumn) => boolean = () => true): InspectColumn[] {
  return table.columns.filter(keep).map((column) => ({ name: column.name, type: column.type, source: column.source, constraints: constraintsOf(table, column) }));
}

function constraintsOf(table: DbTable, column: DbColumn): string[] {
  const out: string[] = [];
  const quoted = `"${column.name}"`;
  const list = (columns: readonly string[]) => `(${columns.join(", ")})`;
  if (table.primaryKey.columns.includes(column.name)) out.push(`primary key ${table.primaryKey.name}`);
  if (!column.nullable) out.push("not null");
  if (column.default !== undefined) out.push(`default ${column.default}`);
  if (column.generated !== undefined) out.push(`generated always as (${column.generated}) stored`);
  if (column.identity) out.push("generated always as identity");
  for (const u of table.uniques) if (u.columns.includes(column.name)) out.push(`unique ${u.name} ${list(u.columns)}`);
  for (const fk of table.foreignKeys) if (fk.columns.includes(column.name)) out.push(`foreign key ${fk.name} references ${fk.refTable} ${list(fk.refColumns)} on delete ${fk.onDelete.toLowerCase()}`);
  for (const check of table.checks) if (check.sql.includes(quoted)) out.push(`check ${check.name}: ${check.sql}`);
  for (const index of table.indexes) if (index.columns.includes(column.name)) out.push(`${index.unique ? "unique " : ""}index ${index.name} ${list(index.columns)}${index.where ? ` where ${index.where}` : ""}`);
  for (const trigger of table.triggers) if (trigger.functionBody.includes(`NEW.${quoted} :=`)) out.push(`kept by trigger ${trigger.name}`);
  return out;
}
