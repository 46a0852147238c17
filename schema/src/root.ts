/**
 * Assembles one schema file: the root object of a file kind plus the definitions it reaches.
 * Definitions live in one registry (so shared ones, like names and fields, are written once) and
 * each file carries only those its `$ref`s reach, in registry order.
 */
import { doc, type Schema, type Snippet } from "./dsl.ts";

/** The root of one file kind. */
export interface RootSpec {
  /** The file kind: `entity` -> schema/entity.schema.json. */
  kind: string;
  /** PascalCase title: the name of the generated root type. */
  title: string;
  /** Markdown description. */
  doc: string;
  properties: Record<string, Schema>;
  required?: string[];
  /** Further root keywords (e.g. `if`/`then`). */
  extra?: Schema;
  snippets?: Snippet[];
}

/** Every definition name a schema node refers to, directly. */
function refsOf(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsOf(item, out);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.add(value.replace("#/definitions/", ""));
      else if (key !== "defaultSnippets" && key !== "examples") refsOf(value, out);
    }
  }
  return out;
}

/** The definitions reachable from `node`, in registry order. */
function reachable(node: Schema, registry: Record<string, Schema>): Record<string, Schema> {
  const seen = new Set<string>();
  const queue = [...refsOf(node, new Set())];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const definition = registry[name];
    if (definition === undefined) throw new Error(`schema/src: no definition named ${name}`);
    seen.add(name);
    queue.push(...refsOf(definition, new Set()));
  }
  return Object.fromEntries(Object.entries(registry).filter(([name]) => seen.has(name)));
}

/**
 * The JSON Schema of one file kind.
 *
 * @example buildRoot(entity, registry).$id // "https://weave.dev/schema/entity.schema.json"
 */
export function buildRoot(spec: RootSpec, registry: Record<string, Schema>): Schema {
  const root: Schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: `https://weave.dev/schema/${spec.kind}.schema.json`,
    title: spec.title,
    ...doc(spec.doc),
    type: "object",
    additionalProperties: false,
    ...(spec.required ? { required: spec.required } : {}),
    properties: spec.properties,
    ...spec.extra,
    ...(spec.snippets ? { defaultSnippets: spec.snippets } : {}),
  };
  return { ...root, definitions: reachable(root, registry) };
}
