import type { IR, IREntity } from "../../../ir/index.ts";
import { entityColumns } from "./columns.ts";
import { computeTrigger, maintainedFields, touchTriggers } from "./computed.ts";
import { checks, foreignKeys, primaryKey, uniques } from "./constraints.ts";
import type { DbSchema, DbTable, DbTrigger } from "./db-schema.ts";
import { indexes } from "./indexes.ts";
import { systemTables } from "./system-tables.ts";
import type { ExpressionSql, SchemaContext } from "./sql-of.ts";

/**
 * The database schema of an IR. `previous` (the IR the database is at) only resolves
 * `renamedFrom` hints into the old table and column names; it does not change the result
 * otherwise. Tables are sorted by name so the schema is deterministic.
 *
 * @example
 *   buildSchema(ir, expressionSql).tables.map((t) => t.name); // ["customers", "invoice_lines", "invoices", ...]
 */
export function buildSchema(ir: IR, sql: ExpressionSql, previous?: IR): DbSchema {
  const ctx: SchemaContext = { ir, sql };
  const tables = ir.entities.map((entity) => buildTable(ctx, entity, previousEntity(entity, previous)));
  attachTouchTriggers(ctx, tables);
  const sorted = [...tables, ...systemTables()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const renames = Object.fromEntries(ir.entities.flatMap((e) => (previous && e.renamedFrom && !previous.entities.some((p) => p.name === e.name) ? [[e.renamedFrom, e.name]] : [])));
  return Object.keys(renames).length > 0 ? { tables: sorted, entityRenames: renames } : { tables: sorted };
}

function previousEntity(entity: IREntity, previous?: IR): IREntity | undefined {
  return previous?.entities.find((e) => e.name === entity.name) ?? previous?.entities.find((e) => entity.renamedFrom !== undefined && e.name === entity.renamedFrom);
}

type MutableTable = Omit<DbTable, "triggers"> & { triggers: DbTrigger[] };

function buildTable(ctx: SchemaContext, entity: IREntity, previous?: IREntity): MutableTable {
  const columns = entityColumns(ctx, entity, previous);
  const generated = new Set(columns.filter((c) => c.generated).map((c) => c.name));
  const compute = computeTrigger(ctx, entity, maintainedFields(entity, generated));
  const renamedFrom = previous && previous.table !== entity.table ? previous.table : undefined;
  return {
    name: entity.table,
    entity: entity.name,
    ...(renamedFrom ? { renamedFrom } : {}),
    columns,
    primaryKey: primaryKey(entity),
    uniques: uniques(entity),
    checks: checks(entity),
    foreignKeys: foreignKeys(ctx.ir, entity),
    indexes: indexes(ctx, entity),
    rls: entity.tenant,
    triggers: compute ? [compute] : [],
  };
}

function attachTouchTriggers(ctx: SchemaContext, tables: MutableTable[]): void {
  for (const entity of ctx.ir.entities) {
    const table = tables.find((t) => t.entity === entity.name)!;
    const generated = new Set(table.columns.filter((c) => c.generated).map((c) => c.name));
    for (const { table: child, trigger } of touchTriggers(ctx, entity, maintainedFields(entity, generated))) {
      tables.find((t) => t.name === child)?.triggers.push(trigger);
    }
  }
  for (const table of tables) table.triggers.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export type { ExpressionSql };
