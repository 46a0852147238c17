/**
 * TypeScript type text from the JSON Schemas the API validates with (`entitySchemas`), so the SDK's
 * types are the API's by construction: nullability, optional keys, decimals as strings, files,
 * polymorphic refs and currency companions all come from the one source.
 */

/** The subset of JSON Schema that TypeBox writes for the API's bodies and records. */
export interface JsonSchema {
  readonly type?: string;
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly $ref?: string;
  readonly not?: JsonSchema;
  readonly description?: string;
}

/** How a schema becomes a type: component names to type names, and whether objects are read-only. */
export interface TypeContext {
  /** `$ref` targets (component names, `Invoice`) to TypeScript names. */
  readonly refName: (ref: string) => string;
  /** Responses are read-only; request bodies are not. */
  readonly readonly: boolean;
}

const SCALAR: Readonly<Record<string, string>> = { string: "string", integer: "number", number: "number", boolean: "boolean", null: "null" };

/**
 * The TypeScript type of `schema`, at indentation `indent` (objects span several lines).
 *
 * @example
 *   tsType({ anyOf: [{ type: "string" }, { type: "null" }] }, ctx); // "string | null"
 *   tsType({ type: "array", items: { $ref: "InvoiceLine" } }, ctx); // "readonly InvoiceLine[]"
 */
export function tsType(schema: JsonSchema, ctx: TypeContext, indent = ""): string {
  if (schema.$ref !== undefined) return ctx.refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return union(schema.anyOf.map((member) => tsType(member, ctx, indent)));
  if (schema.not) return "never";
  if (schema.type === "array") return `readonly ${arrayElement(tsType(schema.items ?? {}, ctx, indent))}[]`;
  if (schema.type === "object") return objectType(schema, ctx, indent);
  return (schema.type && SCALAR[schema.type]) ?? "unknown";
}

/** `{ a: string; b?: number }` over several lines; a map-like object is a `Record`. */
function objectType(schema: JsonSchema, ctx: TypeContext, indent: string): string {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return schema.additionalProperties === false ? "Record<string, never>" : "Record<string, unknown>";
  const inner = `${indent}  `;
  const lines = entries.map(([name, property]) => `${inner}${propertySignature(name, property, schema, ctx, inner)}`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `readonly name?: type;` for one property of an object schema. */
export function propertySignature(name: string, property: JsonSchema, owner: JsonSchema, ctx: TypeContext, indent: string, type?: string): string {
  const optional = owner.required?.includes(name) ? "" : "?";
  return `${ctx.readonly ? "readonly " : ""}${propertyKey(name)}${optional}: ${type ?? tsType(property, ctx, indent)};`;
}

/** A property name as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function union(members: readonly string[]): string {
  const unique = [...new Set(members)];
  return unique.length === 0 ? "never" : unique.join(" | ");
}

/** Array elements that are unions need parentheses: `readonly (A | B)[]`. */
function arrayElement(type: string): string {
  return type.includes(" | ") ? `(${type})` : type;
}
