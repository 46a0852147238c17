import type { IREntity, IRField } from "../../../ir/index.ts";
import type { DbColumn } from "./db-schema.ts";
import { quoteLiteral } from "./quote.ts";
import type { SchemaContext } from "./sql-of.ts";
import { idType, sqlType } from "./sql-types.ts";

const TENANT_DEFAULT = "(nullif(current_setting('app.tenant_id', true), ''))::uuid";
const USER_DEFAULT = "(nullif(current_setting('app.user_id', true), ''))::uuid";

/**
 * The columns of an entity's table: system columns first (id, tenant), then one or more per
 * stored field in the order written, then audit and version columns, then the search vector.
 *
 * @example
 *   entityColumns(ctx, invoice).map((c) => c.name); // ["id", "tenant_id", "number", "customer_id", ..., "version"]
 */
export function entityColumns(ctx: SchemaContext, entity: IREntity, previous?: IREntity): DbColumn[] {
  const source = (f: string) => `${entity.name}.${f}`;
  const columns: DbColumn[] = [];
  if (entity.id === "uuid") columns.push({ name: "id", type: "uuid", nullable: false, default: "gen_random_uuid()", source: source("id") });
  if (entity.id === "serial") columns.push({ name: "id", type: "bigint", nullable: false, identity: true, source: source("id") });
  if (entity.tenant) columns.push({ name: "tenant_id", type: "uuid", nullable: false, default: TENANT_DEFAULT, source: source("tenant") });
  for (const field of entity.fields) columns.push(...fieldColumns(ctx, entity, field, previous));
  columns.push(
    { name: "created_at", type: "timestamptz", nullable: false, default: "now()", source: source("createdAt") },
    { name: "updated_at", type: "timestamptz", nullable: false, default: "now()", source: source("updatedAt") },
    { name: "created_by", type: "uuid", nullable: true, default: USER_DEFAULT, source: source("createdBy") },
    { name: "updated_by", type: "uuid", nullable: true, default: USER_DEFAULT, source: source("updatedBy") },
    { name: "version", type: "integer", nullable: false, default: "1", source: source("version") },
  );
  const search = searchColumn(entity);
  if (search) columns.push(search);
  return columns;
}

function fieldColumns(ctx: SchemaContext, entity: IREntity, field: IRField, previous?: IREntity): DbColumn[] {
  if (!field.column) return [];
  const renamed = renamedColumn(field, previous);
  const base = { source: `${entity.name}.${field.name}`, ...(renamed ? { renamedFrom: renamed } : {}) };
  if (field.storage === "polymorphic") {
    const typeColumn = field.column.replace(/_id$/, "_type");
    const renamedType = renamed?.replace(/_id$/, "_type");
    return [
      { ...base, ...(renamedType ? { renamedFrom: renamedType } : {}), name: typeColumn, type: "text", nullable: !field.required, entityNames: field.relation!.to },
      { ...base, name: field.column, type: "uuid", nullable: !field.required },
    ];
  }
  const backfill = field.backfill ? { backfill: ctx.sql.value(field.backfill, entity) } : {};
  const column: DbColumn = field.encrypted
    ? // The application encrypts: the column holds the envelope `v1:<keyId>:<iv>:<data>`, text whatever the type.
      { ...base, name: field.column, type: "text", nullable: !field.required }
    : { ...base, ...backfill, name: field.column, type: sqlType(ctx.ir, field), nullable: !field.required, ...defaultOf(ctx, entity, field) };
  const columns = [column];
  if (field.type === "money" && !field.currency && !field.currencyField) {
    columns.push({ ...base, name: `${field.column}_currency`, type: "char(3)", nullable: !field.required, ...(renamed ? { renamedFrom: `${renamed}_currency` } : {}) });
  }
  return columns;
}

/** A field's default, its initial state, or (materialized computed fields) its generated expression. */
function defaultOf(ctx: SchemaContext, entity: IREntity, field: IRField): Partial<DbColumn> {
  if (field.computed) return ctx.sql.rowLocal(field.computed, entity) ? { generated: ctx.sql.value(field.computed, entity) } : {};
  if (field.type === "state") {
    const initial = entity.states.find((m) => m.field === field.name)?.initial;
    return initial === undefined ? {} : { default: quoteLiteral(initial) };
  }
  if (!field.default) return {};
  if ("expr" in field.default) return { default: ctx.sql.value(field.default.expr, entity) };
  return { default: literalDefault(field, field.default.value) };
}

function literalDefault(field: IRField, value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (field.type === "json" || field.type === "embedded") return `${quoteLiteral(JSON.stringify(value))}::jsonb`;
  return quoteLiteral(value);
}

/** The column this field had in the previous model, when the field was renamed there. */
function renamedColumn(field: IRField, previous?: IREntity): string | undefined {
  if (!field.renamedFrom || !previous) return undefined;
  const old = previous.fields.find((f) => f.name === field.renamedFrom);
  return old?.column && old.column !== field.column ? old.column : undefined;
}

/** Full-text search: a generated tsvector over the entity's search fields. */
function searchColumn(entity: IREntity): DbColumn | undefined {
  const columns = entity.search.map((name) => entity.fields.find((f) => f.name === name)?.column).filter((c): c is string => c !== undefined);
  if (columns.length === 0) return undefined;
  const text = columns.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ");
  return { name: "search_vector", type: "tsvector", nullable: true, generated: `to_tsvector('simple'::regconfig, ${text})`, source: `${entity.name}.search` };
}
