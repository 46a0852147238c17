import { builtinMembers } from "../expr/index.ts";
import type { ExprType } from "../ir/index.ts";
import type { FieldSpecLike, Model } from "./model.ts";

const SCALAR: Record<string, ExprType> = {
  string: { kind: "string" }, text: { kind: "string" }, email: { kind: "string" }, url: { kind: "string" },
  slug: { kind: "string" }, richtext: { kind: "string" }, int: { kind: "int" }, decimal: { kind: "decimal" },
  money: { kind: "money" }, boolean: { kind: "bool" }, date: { kind: "date" }, datetime: { kind: "datetime" },
  uuid: { kind: "uuid" }, json: { kind: "json" }, file: { kind: "json" },
};

/** Members every record has, whatever its entity declares. */
function systemMembers(tenant: boolean, serialId: boolean): Record<string, ExprType> {
  const members: Record<string, ExprType> = {
    id: { kind: serialId ? "int" : "uuid" },
    createdAt: { kind: "datetime" }, updatedAt: { kind: "datetime" },
    createdBy: { kind: "uuid" }, updatedBy: { kind: "uuid" }, version: { kind: "int" },
  };
  if (tenant) members.tenantId = { kind: "uuid" };
  return members;
}

/**
 * The expression type of a field as written: scalars map to their value type, refs to the target
 * entity, many relations to lists, enums and state fields to their values, embedded fields to an
 * object type named `<owner>.<field>` whose members come from `fieldsOfObject`.
 *
 * @example
 *   fieldType(model, "Invoice", "lines", { type: "many", to: "InvoiceLine" }); // { kind: "list", of: { kind: "entity", name: "InvoiceLine" } }
 */
export function fieldType(model: Model, owner: string, name: string, field: FieldSpecLike): ExprType {
  const scalar = SCALAR[field.type];
  if (scalar) return scalar;
  switch (field.type) {
    case "enum":
      return { kind: "enum", values: enumValues(field) };
    case "state":
      return { kind: "enum", values: machineStates(model, owner, String(field.machine)) };
    case "ref":
    case "one":
      return Array.isArray(field.to) ? { kind: "any" } : { kind: "entity", name: String(field.to) };
    case "many":
    case "many-to-many":
      return { kind: "list", of: { kind: "entity", name: String(field.to) } };
    case "embedded": {
      const object: ExprType = { kind: "object", name: `${owner}.${name}` };
      return field.array ? { kind: "list", of: object } : object;
    }
    default:
      return { kind: "any" };
  }
}

/** The values of an enum field, whichever way they were written. */
export function enumValues(field: FieldSpecLike): string[] {
  const values = (field.values ?? []) as (string | { value: string })[];
  return values.map((v) => (typeof v === "string" ? v : v.value));
}

/** Every state of a machine: declared ones, or those its initial state and transitions name. */
export function machineStates(model: Model, entity: string, machine: string): string[] {
  const spec = (model.entities.get(entity)?.spec.states as Record<string, MachineLike> | undefined)?.[machine];
  if (!spec) return [];
  if (spec.states) return Object.keys(spec.states);
  const names = new Set<string>([spec.initial]);
  for (const t of Object.values(spec.transitions ?? {})) {
    for (const from of [t.from].flat()) names.add(from);
    names.add(t.to);
  }
  return [...names];
}

export interface MachineLike {
  readonly field?: string;
  readonly initial: string;
  readonly states?: Record<string, { label?: string; final?: boolean; description?: string }>;
  readonly transitions?: Record<string, TransitionLike>;
}

export interface TransitionLike {
  readonly from: string | string[];
  readonly to: string;
  readonly label?: string;
  readonly guard?: string;
  readonly allow?: string;
  readonly effects?: ({ set: Record<string, string> } | { emit: string })[];
}

/**
 * Resolves the members of any type an expression can reach. Object types name their shape:
 * `user`, `tenant`, `<Entity>.<embeddedField>`, or a registered shape such as an action's input.
 */
export function membersOf(model: Model, shapes: ReadonlyMap<string, Record<string, ExprType>>, type: ExprType): Readonly<Record<string, ExprType>> | undefined {
  if (type.kind === "entity") return entityMembers(model, type.name);
  if (type.kind !== "object") return undefined;
  return builtinMembers(type) ?? shapes.get(type.name) ?? embeddedMembers(model, type.name);
}

function entityMembers(model: Model, name: string): Record<string, ExprType> | undefined {
  const entity = model.entities.get(name)?.spec;
  if (!entity) return undefined;
  const members = systemMembers(entity.tenant === true, entity.id === "serial");
  for (const [field, spec] of Object.entries(entity.fields)) members[field] = fieldType(model, name, field, spec);
  return members;
}

function embeddedMembers(model: Model, path: string): Record<string, ExprType> | undefined {
  const [owner, ...names] = path.split(".");
  let fields: Readonly<Record<string, FieldSpecLike>> | undefined = model.entities.get(owner ?? "")?.spec.fields;
  for (const name of names) fields = fields?.[name]?.fields as Record<string, FieldSpecLike> | undefined;
  if (!fields) return undefined;
  const members: Record<string, ExprType> = {};
  for (const [field, spec] of Object.entries(fields)) members[field] = fieldType(model, path, field, spec);
  return members;
}

/** The members of a field map (action input, query params) as an object shape. */
export function shapeOf(model: Model, owner: string, fields: Readonly<Record<string, FieldSpecLike>>): Record<string, ExprType> {
  const members: Record<string, ExprType> = {};
  for (const [field, spec] of Object.entries(fields)) members[field] = fieldType(model, owner, field, spec);
  return members;
}
