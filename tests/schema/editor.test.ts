/**
 * Editor-grade checks over every spec schema: the YAML language server shows descriptions on hover,
 * completes enum values with their descriptions, and explains a failed name pattern in words.
 */
import { describe, expect, test } from "bun:test";
import { kinds, readSchema } from "./ajv.ts";

type Node = Record<string, unknown>;

/** Every schema node with its JSON pointer, skipping snippets and examples (they are data). */
function* nodes(node: unknown, path = "#"): Generator<[string, Node]> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* nodes(item, `${path}/${i}`);
    return;
  }
  yield [path, node as Node];
  for (const [key, child] of Object.entries(node)) {
    if (key === "defaultSnippets" || key === "examples" || key === "default" || key === "const" || key === "enum")
      continue;
    yield* nodes(child, `${path}/${key}`);
  }
}

/** Property schemas: `properties/<name>` of every node. */
function* properties(schema: unknown): Generator<[string, Node]> {
  for (const [path, node] of nodes(schema)) {
    const props = node.properties;
    if (props && typeof props === "object" && !("discriminator" in node) && !/\/(not|if)(\/|$)/.test(path)) {
      for (const [name, prop] of Object.entries(props)) yield [`${path}/properties/${name}`, prop as Node];
    }
  }
}

describe.each(kinds.map((k) => [k]))("%s.schema.json", (kind) => {
  const schema = readSchema(kind);

  test("has a PascalCase title and every definition has one", () => {
    expect(schema.title).toMatch(/^[A-Z][A-Za-z0-9]*Spec$/);
    for (const [name, def] of Object.entries(schema.definitions as Record<string, Node>)) {
      expect(def.title, name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(def.description, name).toBeString();
      expect(def.markdownDescription, name).toBeString();
    }
  });

  test("every property has a description and a markdownDescription (its own, or its definition's)", () => {
    const definitions = schema.definitions as Record<string, Node>;
    const documented = (p: Node) => {
      const target = typeof p.$ref === "string" ? definitions[p.$ref.replace("#/definitions/", "")] : undefined;
      const source = p.description === undefined && target ? target : p;
      return typeof source.description === "string" && typeof source.markdownDescription === "string";
    };
    const missing = [...properties(schema)].filter(([, p]) => !documented(p)).map(([at]) => at);
    expect(missing).toEqual([]);
  });

  test("every enum has one description per value", () => {
    for (const [at, node] of nodes(schema)) {
      if (Array.isArray(node.enum) && node.type === "string") {
        expect((node.enumDescriptions as unknown[] | undefined)?.length, at).toBe(node.enum.length);
      }
    }
  });

  test("every pattern explains itself", () => {
    for (const [at, node] of nodes(schema)) {
      if (typeof node.pattern === "string" && !at.includes("/default/anyOf")) {
        expect(node.patternErrorMessage, at).toBeString();
      }
    }
  });

  test("objects are closed unless they are maps or free", () => {
    for (const [at, node] of nodes(schema)) {
      if (node.type === "object" && node.properties && !("discriminator" in node)) {
        expect(node.additionalProperties, at).toBeDefined();
      }
    }
  });
});
