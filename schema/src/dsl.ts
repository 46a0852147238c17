/**
 * Small builders for JSON Schema (draft-07) with the editor keywords of the YAML and JSON
 * language servers. Every schema in schema/*.schema.json except the IR's is written with these,
 * so the common shapes (documented properties, closed objects, keyed maps, enums with
 * descriptions) are spelled once.
 *
 * @example
 *   object({ label: str("Display label.") }, { required: ["label"] })
 */

/** A JSON Schema node. Loose on purpose: the builders below give it its shape. */
export type Schema = { [key: string]: unknown };

/** A `defaultSnippets` entry of the YAML and JSON language servers. */
export interface Snippet {
  label: string;
  description?: string;
  body: unknown;
}

/**
 * `description` and `markdownDescription` from one Markdown text: editors that render Markdown
 * show the second, the rest (and the generated TS comments) read the plain one.
 *
 * @example doc("Default `false`.") // { description: "Default false.", markdownDescription: "Default `false`." }
 */
export function doc(markdown: string): { description: string; markdownDescription: string } {
  const plain = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .replace(/`([^`]*)`/g, "$1");
  return { description: plain, markdownDescription: markdown };
}

/** A `$ref` to a definition of the same schema file. */
export function ref(definition: string, markdown?: string): Schema {
  return { $ref: `#/definitions/${definition}`, ...(markdown === undefined ? {} : doc(markdown)) };
}

/** Extra keywords accepted by most builders. */
export interface Extra {
  default?: unknown;
  examples?: unknown[];
  defaultSnippets?: Snippet[];
  [keyword: string]: unknown;
}

/** A documented string. */
export function str(markdown: string, extra: Extra = {}): Schema {
  return { ...doc(markdown), type: "string", ...extra };
}

/** A documented boolean with its default. */
export function bool(markdown: string, defaultValue = false): Schema {
  return { ...doc(markdown), type: "boolean", default: defaultValue };
}

/** A documented integer. */
export function int(markdown: string, extra: Extra = {}): Schema {
  return { ...doc(markdown), type: "integer", ...extra };
}

/** A documented number. */
export function num(markdown: string, extra: Extra = {}): Schema {
  return { ...doc(markdown), type: "number", ...extra };
}

/**
 * A string enum; every value carries its own description (`enumDescriptions`), in order.
 *
 * @example stringEnum("How to index.", { btree: "Ordered.", gin: "Inverted." }, { default: "btree" })
 */
export function stringEnum(markdown: string, values: Record<string, string>, extra: Extra = {}): Schema {
  return {
    ...doc(markdown),
    type: "string",
    enum: Object.keys(values),
    enumDescriptions: Object.values(values),
    ...extra,
  };
}

/** A documented array. */
export function array(markdown: string, items: Schema, extra: Extra = {}): Schema {
  return { ...doc(markdown), type: "array", items, ...extra };
}

/** A list of distinct names (the definition names one element). */
export function nameList(markdown: string, definition: string, extra: Extra = {}): Schema {
  return array(markdown, ref(definition), { uniqueItems: true, ...extra });
}

/**
 * A closed object: unknown keys are errors. `title` only on definitions, since the type
 * generator turns every titled schema into a named type.
 */
export function object(
  markdown: string,
  properties: Record<string, Schema>,
  extra: Extra & { required?: string[]; title?: string } = {},
): Schema {
  const { title, required, ...rest } = extra;
  return {
    ...(title === undefined ? {} : { title }),
    ...doc(markdown),
    type: "object",
    additionalProperties: false,
    ...(required === undefined ? {} : { required }),
    properties,
    ...rest,
  };
}

/**
 * A map keyed by names: every key must match the `key` definition (a name pattern), every value
 * the `value` schema.
 *
 * @example map("Fields by name.", "fieldName", ref("field"))
 */
export function map(markdown: string, key: string, value: Schema, extra: Extra = {}): Schema {
  return { ...doc(markdown), type: "object", propertyNames: ref(key), additionalProperties: value, ...extra };
}

/**
 * A name definition: a string with a pattern and the message editors show when it does not match.
 *
 * @example nameDef("FieldName", "A field name.", "^[a-z][A-Za-z0-9]*$", "Field names are camelCase, like `dueDate`")
 */
export function nameDef(title: string, markdown: string, pattern: string, message: string, examples: string[]): Schema {
  return { title, ...doc(markdown), type: "string", pattern, patternErrorMessage: message, examples };
}
