import type { IREntity } from "../../../ir/index.ts";
import type { DbIndex } from "./db-schema.ts";
import type { SchemaContext } from "./sql-of.ts";
import { snakeCase } from "../../../lower/names.ts";

/** Index names share one namespace per schema: a name the model gives is prefixed with its table. */
function indexName(table: string, name: string): string {
  return name.startsWith(`${table}_`) ? name : `${table}_${snakeCase(name)}`;
}

/**
 * Indexes of a table: one per foreign key (Postgres does not index them itself, and joins,
 * includes and cascades need them), the ones the model declares, and a GIN index on the search
 * vector. On tenant tables foreign-key indexes lead with the tenant.
 *
 * @example
 *   indexes(ctx, invoice).map((i) => i.name); // ["invoices_customer_id_idx", "invoices_customer_id_status_idx", "invoices_search_idx"]
 */
export function indexes(ctx: SchemaContext, entity: IREntity): DbIndex[] {
  const out: DbIndex[] = [];
  for (const field of entity.fields) {
    if ((field.storage !== "foreignKey" && field.storage !== "polymorphic") || !field.column) continue;
    if (field.type === "one") continue; // its unique constraint is the index
    const columns = entity.tenant ? ["tenant_id", field.column] : [field.column];
    out.push({ name: `${entity.table}_${field.column}_idx`, columns, using: "btree", unique: false });
  }
  for (const index of entity.indexes) {
    const columns = index.fields.map((name) => entity.fields.find((f) => f.name === name)?.column ?? name);
    const where = index.where ? ctx.sql.condition(index.where, entity) : undefined;
    out.push({ name: indexName(entity.table, index.name), columns: index.unique && entity.tenant ? ["tenant_id", ...columns] : columns, using: index.using, unique: index.unique, ...(where ? { where } : {}) });
  }
  if (entity.search.length > 0) out.push({ name: `${entity.table}_search_idx`, columns: ["search_vector"], using: "gin", unique: false });
  return out;
}
