/**
 * TypeBox schemas as OpenAPI 3.1 schema objects: plain JSON (TypeBox's symbols dropped), `$ref`s
 * to component names pointing into `#/components/schemas/`, no `$id` (the component's key names
 * it instead), and keys in a reading order (`type` before its constraints, `properties` last).
 */
import type { TSchema } from "@sinclair/typebox";

export type JsonSchema = { [key: string]: unknown };

/** The `$ref` of component `name`. */
export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * A TypeBox schema as a document schema.
 *
 * @example
 *   toJsonSchema(Type.Ref("Invoice")); // { $ref: "#/components/schemas/Invoice" }
 */
export function toJsonSchema(schema: TSchema): JsonSchema {
  const { $id: _id, ...rest } = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  return normalize(rest);
}

const ORDER = [
  "$ref", "title", "description", "type", "format", "const", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
  "minItems", "default", "readOnly", "examples", "required", "properties", "additionalProperties", "items", "anyOf",
];
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

/** One schema object: its keys ordered, sub-schemas normalized; property maps keep field order. */
function normalize(input: JsonSchema): JsonSchema {
  const schema = collapseEnum(input);
  const out: JsonSchema = {};
  for (const key of Object.keys(schema).sort((a, b) => rank(a) - rank(b))) {
    const value = schema[key];
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) out[key] = `#/components/schemas/${value}`;
    else if (key === "properties" && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isObject(v) ? normalize(v) : v]));
    else if ((key === "items" || key === "additionalProperties" || key === "not") && isObject(value)) out[key] = normalize(value);
    else if ((key === "anyOf" || key === "allOf" || key === "oneOf") && Array.isArray(value)) out[key] = value.map((v) => (isObject(v) ? normalize(v) : v));
    else out[key] = value;
  }
  return out;
}

/**
 * TypeBox writes a union of string literals as `anyOf: [{ const }, ...]`; the document says
 * `enum`, which reads better and generates better clients. A `null` member stays beside it.
 */
function collapseEnum(schema: JsonSchema): JsonSchema {
  const members = schema.anyOf;
  if (!Array.isArray(members)) return schema;
  const isLiteral = (m: unknown) => isObject(m) && m.type === "string" && typeof m.const === "string" && Object.keys(m).length === 2;
  const literals = members.filter(isLiteral) as JsonSchema[];
  const rest = members.filter((m) => !isLiteral(m));
  const isNull = (m: unknown) => isObject(m) && m.type === "null" && Object.keys(m).length === 1;
  if (literals.length === 0 || !rest.every(isNull)) return schema;
  const { anyOf: _, ...annotations } = schema;
  const values = { type: "string", enum: literals.map((m) => m.const) };
  return rest.length === 0 ? { ...annotations, ...values } : { ...annotations, anyOf: [values, { type: "null" }] };
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
