import type { DocPath } from "../load/locate.ts";
import type { Constraints, Field, Relation } from "../ir/index.ts";
import type { FieldSpecLike } from "../check/model.ts";
import { enumValues } from "../check/member-types.ts";
import { expressionAt, originAt, optionalExpressionAt, type LowerSource } from "./context.ts";
import { humanize, snakeCase } from "./names.ts";

const DESCRIPTIVE = ["description", "help", "placeholder", "currency", "currencyField", "machine", "renamedFrom"] as const;
const CONSTRAINTS = ["min", "max", "minLength", "maxLength", "pattern"] as const;
const SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

/**
 * Lowers one field as written into its IR form: defaults applied, storage decided, relation
 * normalised, expressions attached.
 *
 * @example
 *   lowerField(src, ["fields", "customer"], "customer", { type: "ref", to: "Customer", required: true });
 *   // { name: "customer", type: "ref", column: "customer_id", storage: "foreignKey", relation: { kind: "ref", to: ["Customer"], onDelete: "restrict" }, ... }
 */
export function lowerField(src: LowerSource, at: DocPath, name: string, spec: FieldSpecLike, extra: { required?: boolean } = {}): Field {
  const storage = storageOf(spec);
  const field: Field = {
    name,
    type: spec.type as Field["type"],
    label: typeof spec.label === "string" ? spec.label : humanize(name),
    storage,
    required: extra.required === true || spec.required === true || spec.type === "state",
    unique: spec.unique === true,
    uniqueWithin: (spec.uniqueWithin as string[] | undefined) ?? [],
    readonly: spec.readonly === true || spec.computed !== undefined,
    hidden: spec.hidden === true,
    pii: spec.pii === true,
    encrypted: spec.encrypted === true,
    materialized: spec.materialized === true,
    tags: (spec.tags as string[] | undefined) ?? [],
    meta: (spec.meta as Record<string, unknown> | undefined) ?? {},
    origin: originAt(src, at),
  };
  const column = columnOf(name, spec, storage);
  if (column) field.column = column;
  Object.assign(field, pickDefined(spec, DESCRIPTIVE), typeOptions(spec));
  const constraints = { ...pickDefined(spec, CONSTRAINTS), ...(spec.type === "slug" && !spec.pattern ? { pattern: SLUG_PATTERN } : {}) } as Constraints;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  const computed = optionalExpressionAt(src, [...at, "computed"], spec.computed);
  if (computed) field.computed = computed;
  const backfill = optionalExpressionAt(src, [...at, "backfill"], spec.backfill);
  if (backfill) field.backfill = backfill;
  const fallback = lowerDefault(src, at, spec.default);
  if (fallback) field.default = fallback;
  const relation = relationOf(spec);
  if (relation) field.relation = relation;
  if (spec.type === "embedded") field.embedded = lowerEmbedded(src, at, spec);
  return field;
}

function storageOf(spec: FieldSpecLike): Field["storage"] {
  if (spec.computed !== undefined) return spec.materialized ? "column" : "virtual";
  // The side of a one-to-one pair that names its `inverse` only reads: the other side holds the key.
  if (spec.type === "many" || spec.type === "many-to-many" || (spec.type === "one" && spec.inverse !== undefined)) return "relation";
  if (spec.type === "embedded" || spec.type === "json" || spec.type === "file") return "jsonb";
  if (spec.type === "ref" || spec.type === "one") return Array.isArray(spec.to) ? "polymorphic" : "foreignKey";
  return "column";
}

function columnOf(name: string, spec: FieldSpecLike, storage: Field["storage"]): string | undefined {
  if (storage === "virtual" || storage === "relation") return undefined;
  return storage === "foreignKey" || storage === "polymorphic" ? `${snakeCase(name)}_id` : snakeCase(name);
}

function typeOptions(spec: FieldSpecLike): Partial<Field> {
  const options: Partial<Field> = {};
  if (spec.type === "enum") options.values = enumLabels(spec);
  if (spec.type === "decimal" || spec.type === "money") {
    options.precision = (spec.precision as number | undefined) ?? 18;
    options.scale = (spec.scale as number | undefined) ?? 2;
  }
  if (spec.type === "file") {
    if (spec.accept) options.accept = spec.accept as string[];
    if (spec.maxSize !== undefined) options.maxSize = spec.maxSize as number;
  }
  return options;
}

function enumLabels(spec: FieldSpecLike): { value: string; label: string }[] {
  const written = (spec.values ?? []) as (string | { value: string; label?: string })[];
  return enumValues(spec).map((value, i) => {
    const item = written[i];
    return { value, label: typeof item === "object" && item.label ? item.label : humanize(value) };
  });
}

function relationOf(spec: FieldSpecLike): Relation | undefined {
  if (!["ref", "one", "many", "many-to-many"].includes(spec.type)) return undefined;
  const to = [spec.to].flat().map(String);
  const kind = Array.isArray(spec.to) ? "polymorphic" : (spec.type as Relation["kind"]);
  const relation: Relation = { kind, to, onDelete: (spec.onDelete as Relation["onDelete"] | undefined) ?? "restrict" };
  if (typeof spec.inverse === "string") relation.inverse = spec.inverse;
  if (typeof spec.through === "string") relation.through = spec.through;
  return relation;
}

function lowerDefault(src: LowerSource, at: DocPath, written: unknown): Field["default"] | undefined {
  if (written === undefined) return undefined;
  if (written !== null && typeof written === "object" && "expr" in written) return { expr: expressionAt(src, [...at, "default", "expr"]) };
  return { value: written as string | number | boolean | null };
}

function lowerEmbedded(src: LowerSource, at: DocPath, spec: FieldSpecLike): NonNullable<Field["embedded"]> {
  const fields = Object.entries((spec.fields ?? {}) as Record<string, FieldSpecLike>);
  return { array: spec.array === true, fields: fields.map(([name, child]) => lowerField(src, [...at, "fields", name], name, child)) };
}

function pickDefined<K extends string>(spec: FieldSpecLike, keys: readonly K[]): Partial<Record<K, unknown>> {
  const picked: Partial<Record<K, unknown>> = {};
  for (const key of keys) if (spec[key] !== undefined) picked[key] = spec[key];
  return picked;
}
