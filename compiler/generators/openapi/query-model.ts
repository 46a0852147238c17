/**
 * What a list request of an entity may ask for: the filter paths and their operators, the sort
 * keys, the relations `include` takes, the properties `fields` takes, search and paging. The
 * OpenAPI document lists exactly this, and the server validates requests against it, so the two
 * cannot disagree.
 */
import type { IR, IREntity, IRField } from "../../ir/index.ts";

/** The value type a filter compares with; it decides the operators and how values are parsed. */
export type FilterType = "string" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "uuid" | "serial" | "enum" | "presence";

export type FilterOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "nin" | "contains" | "startsWith" | "isNull";

/** Every operator, in the order the document lists them. */
export const FILTER_OPS: readonly FilterOp[] = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "contains", "startsWith", "isNull"];

/** The operators each value type takes. */
export const OPS_BY_TYPE: Readonly<Record<FilterType, readonly FilterOp[]>> = {
  string: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "contains", "startsWith", "isNull"],
  integer: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull"],
  decimal: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull"],
  date: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull"],
  datetime: ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull"],
  boolean: ["eq", "ne", "isNull"],
  uuid: ["eq", "ne", "in", "nin", "isNull"],
  serial: ["eq", "ne", "in", "nin", "isNull"],
  enum: ["eq", "ne", "in", "nin", "isNull"],
  presence: ["isNull"],
};

/** One path `filter[<path>][<op>]` and `sort` accept. */
export interface FilterField {
  /** `due`, `address.city`, `customer.name`, `subject.type`. */
  readonly path: string;
  readonly type: FilterType;
  readonly ops: readonly FilterOp[];
  /** The allowed values of an `enum` (enum values, machine states, polymorphic target entities). */
  readonly values?: readonly string[];
}

export interface ListQueryModel {
  readonly entity: string;
  /** Filter paths: the entity's own, then one relation hop (`customer.name`). */
  readonly filters: readonly FilterField[];
  /** Paths `sort` accepts (each also as `-path`): the filter paths that hold a comparable value. */
  readonly sorts: readonly string[];
  /** The order without `sort` (`-` for descending); the server adds the id as the last key. */
  readonly defaultSort: readonly string[];
  /** Relation fields `include` accepts. */
  readonly includes: readonly string[];
  /** Record properties `fields` accepts. */
  readonly fields: readonly string[];
  /** Whether `q` (full-text search) is accepted. */
  readonly search: boolean;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

export interface ListQueryOptions {
  /** The largest `page[size]`; default 100. */
  readonly maxPageSize?: number;
}

export const DEFAULT_MAX_PAGE_SIZE = 100;

/**
 * The list query model of `entityName`.
 *
 * @example
 *   const model = listQueryModel(ir, "Invoice");
 *   model.filters.find((f) => f.path === "customer.name"); // { path: "customer.name", type: "string", ops: ["eq", ...] }
 *   model.includes; // ["customer", "lines", "payments"]
 */
export function listQueryModel(ir: IR, entityName: string, options: ListQueryOptions = {}): ListQueryModel {
  const entity = entityOf(ir, entityName);
  const maxPageSize = options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
  const filters = [...ownPaths(ir, entity, ""), ...hopPaths(ir, entity)];
  return {
    entity: entity.name,
    filters,
    sorts: filters.filter((f) => f.type !== "presence").map((f) => f.path),
    defaultSort: entity.views.list.sort,
    includes: entity.fields.filter((f) => f.relation).map((f) => f.name),
    fields: recordProperties(entity),
    search: entity.search.length > 0,
    defaultPageSize: Math.min(entity.views.list.pageSize, maxPageSize),
    maxPageSize,
  };
}

function entityOf(ir: IR, name: string): IREntity {
  const entity = ir.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`listQueryModel: no entity ${name} in the IR`);
  return entity;
}

/** The top-level properties of a record: id, the fields on the record, the system fields. */
function recordProperties(entity: IREntity): string[] {
  const fields = entity.fields.filter((f) => f.storage !== "relation").map((f) => f.name);
  return [...(entity.id !== "none" ? ["id"] : []), ...fields, "createdAt", "updatedAt", "createdBy", "updatedBy", "version"];
}

/** The entity's own filter paths: id, fields (embedded ones by their nested paths), system fields. */
function ownPaths(ir: IR, entity: IREntity, prefix: string, withId = true): FilterField[] {
  const out: FilterField[] = [];
  if (withId && entity.id !== "none") out.push(filter(`${prefix}id`, entity.id === "serial" ? "serial" : "uuid"));
  for (const field of entity.fields) out.push(...fieldPaths(ir, entity, field, prefix));
  out.push(
    filter(`${prefix}createdAt`, "datetime"),
    filter(`${prefix}updatedAt`, "datetime"),
    filter(`${prefix}createdBy`, "uuid"),
    filter(`${prefix}updatedBy`, "uuid"),
    filter(`${prefix}version`, "integer"),
  );
  return out;
}

const SCALAR: Partial<Record<IRField["type"], FilterType>> = {
  string: "string",
  text: "string",
  richtext: "string",
  email: "string",
  url: "string",
  slug: "string",
  int: "integer",
  decimal: "decimal",
  money: "decimal",
  date: "date",
  datetime: "datetime",
  boolean: "boolean",
  uuid: "uuid",
};

function fieldPaths(ir: IR, entity: IREntity, field: IRField, prefix: string): FilterField[] {
  if (field.encrypted || field.storage === "relation") return [];
  const path = `${prefix}${field.name}`;
  const scalar = SCALAR[field.type];
  if (scalar) return [filter(path, scalar)];
  if (field.type === "enum") return [filter(path, "enum", (field.values ?? []).map((v) => v.value))];
  if (field.type === "state") return [filter(path, "enum", entity.states.find((m) => m.field === field.name)?.states.map((s) => s.name) ?? [])];
  if (field.storage === "polymorphic") return [filter(path, "presence"), filter(`${path}.type`, "enum", field.relation?.to ?? []), filter(`${path}.id`, "uuid")];
  if (field.type === "ref" || field.type === "one") return [filter(path, idType(ir, field.relation?.to[0]))];
  const nested = field.type === "embedded" && !field.embedded?.array ? (field.embedded?.fields ?? []).flatMap((f) => fieldPaths(ir, entity, f, `${path}.`)) : [];
  return [filter(path, "presence"), ...nested]; // json, file, embedded: only whether there is a value
}

/** One relation hop: the own paths of the record a single-target `ref` or `one` points at. */
function hopPaths(ir: IR, entity: IREntity): FilterField[] {
  const out: FilterField[] = [];
  for (const field of entity.fields) {
    if ((field.type !== "ref" && field.type !== "one") || field.storage === "polymorphic" || field.encrypted) continue;
    const target = ir.entities.find((e) => e.name === field.relation?.to[0]);
    if (!target || field.relation?.to.length !== 1) continue;
    // A stored ref's `id` is the ref itself (`customer`); the reading side of a one has none here.
    out.push(...ownPaths(ir, target, `${field.name}.`, field.storage === "relation"));
  }
  return out;
}

function idType(ir: IR, entityName: string | undefined): FilterType {
  return ir.entities.find((e) => e.name === entityName)?.id === "serial" ? "serial" : "uuid";
}

function filter(path: string, type: FilterType, values?: readonly string[]): FilterField {
  return { path, type, ops: OPS_BY_TYPE[type], ...(values ? { values } : {}) };
}
