/**
 * What the lowering needs to know about the model, read from the IR: entities by name, and for a member name
 * how it is stored (a column, a foreign key, a relation on another table, jsonb, or a virtual computed field)
 * and its expression type (the same mapping the checker uses, so the SQL follows the checked types).
 */
import type { ExprType, IR } from "../../../ir/index.ts";
import type { EntityIR as Entity, FieldIR as Field } from "./values.ts";
import { SqlLoweringError } from "./errors.ts";

/** How a member of an entity is read. */
export type Member =
  | { readonly kind: "column"; readonly column: string; readonly type: ExprType; readonly required: boolean; readonly field?: Field }
  | { readonly kind: "computed"; readonly field: Field; readonly type: ExprType }
  | { readonly kind: "ref"; readonly field: Field; readonly column: string; readonly target: Entity; readonly required: boolean }
  | { readonly kind: "inverseOne"; readonly field: Field; readonly target: Entity; readonly column: string }
  | { readonly kind: "many"; readonly field: Field; readonly target: Entity; readonly column: string }
  | {
      readonly kind: "manyToMany";
      readonly field: Field;
      readonly target: Entity;
      readonly through: Entity;
      readonly sourceColumn: string;
      readonly targetColumn: string;
    }
  | { readonly kind: "polymorphic"; readonly field: Field; readonly column: string; readonly typeColumn: string; readonly targets: readonly Entity[] }
  | { readonly kind: "json"; readonly field: Field; readonly column: string; readonly type: ExprType; readonly required: boolean };

const SCALAR: Readonly<Record<string, ExprType>> = {
  string: { kind: "string" },
  text: { kind: "string" },
  email: { kind: "string" },
  url: { kind: "string" },
  slug: { kind: "string" },
  richtext: { kind: "string" },
  int: { kind: "int" },
  decimal: { kind: "decimal" },
  money: { kind: "money" },
  boolean: { kind: "bool" },
  date: { kind: "date" },
  datetime: { kind: "datetime" },
  uuid: { kind: "uuid" },
  json: { kind: "json" },
  file: { kind: "json" },
};

const byIr = new WeakMap<object, Map<string, Entity>>();

/** The entity named `name`; throws for a name the IR does not have (an unchecked AST). */
export function entityNamed(ir: IR, name: string): Entity {
  let index = byIr.get(ir);
  if (!index) byIr.set(ir, (index = new Map(ir.entities.map((e) => [e.name, e]))));
  const entity = index.get(name);
  if (!entity) throw new SqlLoweringError(`unknown entity \`${name}\``);
  return entity;
}

/** The type of the primary key: `bigint` for serial ids, else `uuid`. */
export const idSqlType = (entity: Entity): string => (entity.id === "serial" ? "bigint" : "uuid");

/** The expression type of a record's id. */
const idType = (entity: Entity): ExprType => ({ kind: entity.id === "serial" ? "int" : "uuid" });

/** System fields every record has: name -> column, type, whether always set. */
function systemMember(entity: Entity, name: string): Member | undefined {
  const column = (column: string, type: ExprType, required: boolean): Member => ({ kind: "column", column, type, required });
  switch (name) {
    case "id":
      return entity.id === "none" ? undefined : column("id", idType(entity), true);
    case "tenantId":
      return entity.tenant ? column("tenant_id", { kind: "uuid" }, true) : undefined;
    case "createdAt":
      return column("created_at", { kind: "datetime" }, true);
    case "updatedAt":
      return column("updated_at", { kind: "datetime" }, true);
    case "createdBy":
      return column("created_by", { kind: "uuid" }, false);
    case "updatedBy":
      return column("updated_by", { kind: "uuid" }, false);
    case "version":
      return column("version", { kind: "int" }, true);
    default:
      return undefined;
  }
}

/**
 * How member `name` of `entity` is stored, or undefined when the entity has no such member.
 *
 * @example memberOf(ir, invoice, "lines") // { kind: "many", target: InvoiceLine, column: "invoice_id", ... }
 */
export function memberOf(ir: IR, entity: Entity, name: string, inlineMaterialized = false): Member | undefined {
  const field = entity.fields.find((f) => f.name === name);
  if (!field) return systemMember(entity, name);
  if (field.computed && (field.storage === "virtual" || inlineMaterialized))
    return { kind: "computed", field, type: fieldType(ir, entity, field) };
  const relation = field.relation;
  const target = relation && relation.kind !== "polymorphic" ? entityNamed(ir, relation.to[0]!) : undefined;
  if (relation?.kind === "polymorphic")
    return {
      kind: "polymorphic",
      field,
      column: columnOf(entity, field),
      typeColumn: columnOf(entity, field).replace(/_id$/, "_type"),
      targets: relation.to.map((to) => entityNamed(ir, to)),
    };
  if (relation?.kind === "many-to-many") return manyToMany(ir, entity, field, target!);
  if (relation?.kind === "many") return { kind: "many", field, target: target!, column: inverseColumn(target!, relation.inverse, entity) };
  if (relation && field.storage === "relation")
    return { kind: "inverseOne", field, target: target!, column: inverseColumn(target!, relation.inverse, entity) };
  if (relation) return { kind: "ref", field, column: columnOf(entity, field), target: target!, required: field.required };
  if (field.storage === "jsonb")
    return { kind: "json", field, column: columnOf(entity, field), type: fieldType(ir, entity, field), required: field.required };
  return { kind: "column", column: columnOf(entity, field), type: fieldType(ir, entity, field), required: field.required, field };
}

function columnOf(entity: Entity, field: Field): string {
  if (!field.column) throw new SqlLoweringError(`${entity.name}.${field.name} has no column`);
  return field.column;
}

/** The foreign key column on `target` that the relation's inverse field stores. */
function inverseColumn(target: Entity, inverse: string | undefined, owner: Entity): string {
  const field = target.fields.find((f) => f.name === inverse);
  if (!field?.column) throw new SqlLoweringError(`${target.name} has no foreign key back to ${owner.name} (inverse \`${inverse}\`)`);
  return field.column;
}

function manyToMany(ir: IR, entity: Entity, field: Field, target: Entity): Member {
  const { through, throughSource, throughTarget } = field.relation!;
  if (!through || !throughSource || !throughTarget)
    throw new SqlLoweringError(`${entity.name}.${field.name} has no join entity in the IR`);
  const join = entityNamed(ir, through);
  const column = (name: string) => {
    const f = join.fields.find((x) => x.name === name);
    if (!f?.column) throw new SqlLoweringError(`${join.name}.${name} has no column`);
    return f.column;
  };
  return { kind: "manyToMany", field, target, through: join, sourceColumn: column(throughSource), targetColumn: column(throughTarget) };
}

/**
 * The expression type of a field, as the checker gives it: text types are `string`, `ref`/`one` the target
 * entity, `many` a list, enums and states their values, embedded fields an object type named
 * `<owner>.<field>`.
 */
export function fieldType(ir: IR, owner: Entity | string, field: Field): ExprType {
  const scalar = SCALAR[field.type];
  if (scalar) return scalar;
  const ownerName = typeof owner === "string" ? owner : owner.name;
  switch (field.type) {
    case "enum":
      return { kind: "enum", values: (field.values ?? []).map((v) => v.value) };
    case "state":
      return { kind: "enum", values: typeof owner === "string" ? [] : machineStates(owner, field) };
    case "ref":
    case "one":
      return field.relation && field.relation.to.length === 1 ? { kind: "entity", name: field.relation.to[0]! } : { kind: "any" };
    case "many":
    case "many-to-many":
      return { kind: "list", of: { kind: "entity", name: field.relation!.to[0]! } };
    case "embedded": {
      const object: ExprType = { kind: "object", name: `${ownerName}.${field.name}` };
      return field.embedded?.array ? { kind: "list", of: object } : object;
    }
    default:
      return { kind: "any" };
  }
}

function machineStates(entity: Entity, field: Field): string[] {
  const machine = entity.states.find((m) => m.name === field.machine || m.field === field.name);
  return machine ? machine.states.map((s) => s.name) : [];
}

/**
 * The fields of an embedded object type named `<Entity>.<field>[.<field>...]`, or undefined.
 *
 * @example embeddedFields(ir, "Customer.address") // [street, city, ...]
 */
export function embeddedFields(ir: IR, name: string): readonly Field[] | undefined {
  const [owner, ...path] = name.split(".");
  const entity = ir.entities.find((e) => e.name === owner);
  let fields: readonly Field[] | undefined = entity?.fields;
  for (const part of path) fields = fields?.find((f) => f.name === part)?.embedded?.fields;
  return fields;
}
