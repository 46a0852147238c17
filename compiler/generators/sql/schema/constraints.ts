import type { IR, IREntity, IRField } from "../../../ir/index.ts";
import type { DbCheck, DbConstraint, DbForeignKey } from "./db-schema.ts";
import { quoteIdent, quoteLiteral } from "./quote.ts";

/** `tenant_id` leads every key and unique constraint of a tenant table: uniqueness is per tenant. */
function scoped(entity: IREntity, columns: readonly string[]): string[] {
  return entity.tenant ? ["tenant_id", ...columns] : [...columns];
}

function columnsOf(entity: IREntity, names: readonly string[]): string[] {
  return names.map((name) => entity.fields.find((f) => f.name === name)?.column ?? name);
}

/**
 * The primary key: `id`, or for `id: none` the key fields (with the tenant first).
 *
 * @example
 *   primaryKey(invoice); // { name: "invoices_pkey", columns: ["id"] }
 */
export function primaryKey(entity: IREntity): DbConstraint {
  const columns = entity.id === "none" ? scoped(entity, columnsOf(entity, entity.key)) : ["id"];
  return { name: `${entity.table}_pkey`, columns };
}

/** Unique constraints: per field, per uniqueWithin scope, the human-readable key, and (tenant, id) for tenant-safe foreign keys. */
export function uniques(entity: IREntity): DbConstraint[] {
  const out: DbConstraint[] = [];
  if (entity.tenant && entity.id !== "none") out.push({ name: `${entity.table}_tenant_id_id_key`, columns: ["tenant_id", "id"] });
  if (entity.key.length > 0 && entity.id !== "none") out.push({ name: `${entity.table}_key`, columns: scoped(entity, columnsOf(entity, entity.key)) });
  for (const field of entity.fields) {
    if (!field.column) continue;
    if (field.unique || (field.type === "one" && field.storage === "foreignKey")) out.push({ name: `${entity.table}_${field.column}_key`, columns: scoped(entity, [field.column]) });
    if (field.uniqueWithin.length > 0) out.push({ name: `${entity.table}_${field.column}_within_key`, columns: scoped(entity, [...columnsOf(entity, field.uniqueWithin), field.column]) });
  }
  return withoutRepeats(out);
}

/** A key field that is also `unique` would give the same constraint twice: keep the first of each column list. */
function withoutRepeats(constraints: DbConstraint[]): DbConstraint[] {
  const seen = new Set<string>();
  return constraints.filter((c) => {
    const key = c.columns.join(",");
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Check constraints from field constraints, enum values, state machines and polymorphic refs. */
export function checks(entity: IREntity): DbCheck[] {
  return entity.fields.flatMap((field) => fieldChecks(entity, field));
}

function fieldChecks(entity: IREntity, field: IRField): DbCheck[] {
  const column = field.column;
  if (!column || field.computed) return [];
  const col = quoteIdent(column);
  const name = (suffix: string) => `${entity.table}_${column}_${suffix}`;
  const out: DbCheck[] = [];
  const values = field.type === "state" ? entity.states.find((m) => m.field === field.name)?.states.map((s) => s.name) : field.values?.map((v) => v.value);
  if (values) out.push({ name: name("check"), sql: `${col} IN (${values.map(quoteLiteral).join(", ")})` });
  const c = field.constraints;
  if (c?.min !== undefined) out.push({ name: name("min"), sql: `${col} >= ${quoteLiteral(c.min)}` });
  if (c?.max !== undefined) out.push({ name: name("max"), sql: `${col} <= ${quoteLiteral(c.max)}` });
  if (c?.minLength !== undefined) out.push({ name: name("min_length"), sql: `char_length(${col}) >= ${c.minLength}` });
  if (c?.maxLength !== undefined) out.push({ name: name("max_length"), sql: `char_length(${col}) <= ${c.maxLength}` });
  if (c?.pattern !== undefined) out.push({ name: name("pattern"), sql: `${col} ~ ${quoteLiteral(c.pattern)}` });
  if (field.storage === "polymorphic") out.push(...polymorphicChecks(entity, field, column));
  if (field.type === "money" && !field.currency && !field.currencyField) out.push({ name: name("currency"), sql: `${quoteIdent(`${column}_currency`)} ~ '^[A-Z]{3}$'` });
  return out;
}

function polymorphicChecks(entity: IREntity, field: IRField, idColumn: string): DbCheck[] {
  const typeColumn = idColumn.replace(/_id$/, "_type");
  const targets = field.relation!.to.map(quoteLiteral).join(", ");
  return [
    { name: `${entity.table}_${typeColumn}_check`, sql: `${quoteIdent(typeColumn)} IN (${targets})` },
    { name: `${entity.table}_${idColumn}_pair`, sql: `(${quoteIdent(typeColumn)} IS NULL) = (${quoteIdent(idColumn)} IS NULL)` },
  ];
}

/**
 * Foreign keys of ref and (storing) one fields. Between two tenant tables the key includes the
 * tenant, so a row can never point at another tenant's row.
 */
export function foreignKeys(ir: IR, entity: IREntity): DbForeignKey[] {
  return entity.fields.flatMap((field) => {
    if (field.storage !== "foreignKey" || !field.column || !field.relation) return [];
    const target = ir.entities.find((e) => e.name === field.relation!.to[0]);
    if (!target || target.id === "none") return [];
    const both = entity.tenant && target.tenant;
    const columns = both ? ["tenant_id", field.column] : [field.column];
    const refColumns = both ? ["tenant_id", "id"] : ["id"];
    const onDelete = { restrict: "RESTRICT", cascade: "CASCADE", setNull: `SET NULL (${quoteIdent(field.column)})` }[field.relation.onDelete];
    return [{ name: `${entity.table}_${field.column}_fkey`, columns, refTable: target.table, refColumns, onDelete }];
  });
}
