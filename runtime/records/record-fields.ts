/**
 * The fields a record has in the API, read from the IR once per entity: the system fields, every
 * stored or virtual field, and how each is typed. Relations stored on another table (`many`,
 * `many-to-many`, the reading side of a `one`) are not fields of the record: they come with `include`.
 */
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";

/** How a value is typed in SQL and in a request. */
export type ScalarKind = "text" | "int" | "bigint" | "decimal" | "boolean" | "date" | "datetime" | "uuid" | "json";

export interface Scalar {
  readonly kind: ScalarKind;
  /** The SQL type a parameter is cast to. */
  readonly cast: string;
  /** Enums and states: the values allowed. */
  readonly values?: readonly string[];
}

interface FieldBase {
  /** The name in the record JSON. */
  readonly name: string;
}

/** A field of a record in the API. */
export type RecordField =
  | (FieldBase & { readonly source: "system"; readonly column: string; readonly scalar: Scalar })
  | (FieldBase & { readonly source: "column"; readonly field: IRField; readonly column: string; readonly scalar: Scalar; readonly currencyColumn?: string })
  | (FieldBase & { readonly source: "virtual"; readonly field: IRField; readonly scalar: Scalar })
  | (FieldBase & { readonly source: "polymorphic"; readonly field: IRField; readonly column: string; readonly typeColumn: string; readonly targets: readonly string[] });

const TEXT = new Set(["string", "text", "email", "url", "slug", "richtext"]);
const JSON_TYPES = new Set(["json", "file", "embedded"]);

export const SCALARS = {
  text: { kind: "text", cast: "text" },
  int: { kind: "int", cast: "integer" },
  bigint: { kind: "bigint", cast: "bigint" },
  decimal: { kind: "decimal", cast: "numeric" },
  boolean: { kind: "boolean", cast: "boolean" },
  date: { kind: "date", cast: "date" },
  datetime: { kind: "datetime", cast: "timestamptz" },
  uuid: { kind: "uuid", cast: "uuid" },
  json: { kind: "json", cast: "jsonb" },
} as const satisfies Record<ScalarKind, Scalar>;

const entityIndex = new WeakMap<IR, Map<string, IREntity>>();
const fieldIndex = new WeakMap<IREntity, { list: readonly RecordField[]; byName: ReadonlyMap<string, RecordField> }>();

/** The entity named `name`; throws for a name the IR lacks (the caller's bug, not the request's). */
export function entityNamed(ir: IR, name: string): IREntity {
  let index = entityIndex.get(ir);
  if (!index) entityIndex.set(ir, (index = new Map(ir.entities.map((e) => [e.name, e]))));
  const entity = index.get(name);
  if (!entity) throw new Error(`the model has no entity ${name}`);
  return entity;
}

/** The id of an entity as a scalar: bigint for serial ids, else uuid. */
export function idScalar(entity: IREntity): Scalar {
  return entity.id === "serial" ? SCALARS.bigint : SCALARS.uuid;
}

/**
 * The record's fields in JSON order: id, the fields as written, then createdAt, updatedAt,
 * createdBy, updatedBy, version. No tenantId: a request only ever sees its own tenant.
 *
 * @example recordFields(ir, invoice).map((f) => f.name) // ["id", "number", "customer", ..., "version"]
 */
export function recordFields(ir: IR, entity: IREntity): readonly RecordField[] {
  return indexOf(ir, entity).list;
}

/** One field of the record by its API name, or undefined. */
export function recordField(ir: IR, entity: IREntity, name: string): RecordField | undefined {
  return indexOf(ir, entity).byName.get(name);
}

function indexOf(ir: IR, entity: IREntity) {
  let index = fieldIndex.get(entity);
  if (!index) {
    const list = buildFields(ir, entity);
    fieldIndex.set(entity, (index = { list, byName: new Map(list.map((f) => [f.name, f])) }));
  }
  return index;
}

function buildFields(ir: IR, entity: IREntity): RecordField[] {
  const fields: RecordField[] = [];
  if (entity.id !== "none") fields.push({ name: "id", source: "system", column: "id", scalar: idScalar(entity) });
  for (const field of entity.fields) {
    const built = apiField(ir, entity, field);
    if (built) fields.push(built);
  }
  fields.push(
    { name: "createdAt", source: "system", column: "created_at", scalar: SCALARS.datetime },
    { name: "updatedAt", source: "system", column: "updated_at", scalar: SCALARS.datetime },
    { name: "createdBy", source: "system", column: "created_by", scalar: SCALARS.uuid },
    { name: "updatedBy", source: "system", column: "updated_by", scalar: SCALARS.uuid },
    { name: "version", source: "system", column: "version", scalar: SCALARS.int },
  );
  return fields;
}

function apiField(ir: IR, entity: IREntity, field: IRField): RecordField | undefined {
  const name = field.name;
  switch (field.storage) {
    case "relation":
      return undefined;
    case "virtual":
      return { name, source: "virtual", field, scalar: fieldScalar(ir, entity, field) };
    case "polymorphic":
      return { name, source: "polymorphic", field, column: field.column!, typeColumn: field.column!.replace(/_id$/, "_type"), targets: field.relation?.to ?? [] };
    default: {
      const currency = field.type === "money" && !field.currency && !field.currencyField ? { currencyColumn: `${field.column}_currency` } : {};
      return { name, source: "column", field, column: field.column!, scalar: fieldScalar(ir, entity, field), ...currency };
    }
  }
}

/** The scalar type of a field's value (a ref's value is the target's id). */
export function fieldScalar(ir: IR, entity: IREntity, field: IRField): Scalar {
  if (TEXT.has(field.type)) return SCALARS.text;
  if (JSON_TYPES.has(field.type)) return SCALARS.json;
  switch (field.type) {
    case "enum":
      return { ...SCALARS.text, values: (field.values ?? []).map((v) => v.value) };
    case "state": {
      const machine = entity.states.find((m) => m.name === field.machine) ?? entity.states.find((m) => m.field === field.name);
      return { ...SCALARS.text, values: (machine?.states ?? []).map((s) => s.name) };
    }
    case "int":
      return SCALARS.int;
    case "decimal":
    case "money":
      return SCALARS.decimal;
    case "boolean":
      return SCALARS.boolean;
    case "date":
      return SCALARS.date;
    case "datetime":
      return SCALARS.datetime;
    case "uuid":
      return SCALARS.uuid;
    default: {
      const target = field.relation?.to[0];
      return target ? idScalar(entityNamed(ir, target)) : SCALARS.uuid;
    }
  }
}
