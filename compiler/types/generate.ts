/**
 * Generates TypeScript types from the JSON Schemas in schema/ with json-schema-to-typescript.
 * The IR types go to compiler/ir/ir.generated.ts, the spec document types to
 * compiler/types/<kind>.generated.ts. `tests/compiler/types/drift.test.ts` fails when the
 * committed files differ from a fresh generation.
 *
 * @example
 *   bun compiler/types/generate.ts          # write the files
 *   const files = await generateTypes();    // { path, content }[] without writing
 */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dir, "../..");
const schemaDir = join(root, "schema");
const banner = "/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */";

/** The output path of the types for one schema file. */
export function outputPathFor(schemaFile: string): string {
  const kind = schemaFile.replace(/\.schema\.json$/, "");
  return kind === "ir" ? join(root, "compiler/ir/ir.generated.ts") : join(root, `compiler/types/${kind}.generated.ts`);
}

/** Generates every types file, in memory. */
export async function generateTypes(): Promise<{ path: string; content: string }[]> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith(".schema.json")).sort();
  const out: { path: string; content: string }[] = [];
  for (const file of files) {
    const schema = (await Bun.file(join(schemaDir, file)).json()) as JSONSchema;
    const content = await compile(prepareForTypes(schema, schema), schema.title ?? file, {
      bannerComment: banner,
      additionalProperties: false,
      unreachableDefinitions: true,
      strictIndexSignatures: true,
      style: { singleQuote: false, printWidth: 120 },
      cwd: schemaDir,
      $refOptions: { resolve: { external: false } } as never,
    });
    out.push({ path: outputPathFor(file), content: keepTitles(content, schema) });
  }
  return out;
}

const editorKeywords = new Set([
  "defaultSnippets",
  "markdownDescription",
  "enumDescriptions",
  "examples",
  "patternErrorMessage",
  "deprecationMessage",
  "doNotSuggest",
]);

/**
 * Shapes a schema for json-schema-to-typescript without changing the types it means:
 * - editor-only keywords carry prose and snippets the types do not need; dropping them keeps the output stable;
 * - a discriminated union (`discriminator` + `oneOf`) repeats its tags in `properties`/`required` only so ajv can map
 *   them; left in, they would turn the union into an intersection (`A1 & A2`);
 * - a `$ref` with a sibling `description` would become a fresh alias per use (`FieldName1`, `FieldName2`, ...);
 *   naming the target's type (`tsType`) keeps one alias and the property's own comment.
 */
function prepareForTypes(value: unknown, root: JSONSchema): JSONSchema {
  if (Array.isArray(value)) return value.map((v) => prepareForTypes(v, root)) as never;
  if (value === null || typeof value !== "object") return value as never;
  const node = value as Record<string, unknown>;
  const title = typeof node.$ref === "string" ? refTitle(node.$ref, root) : undefined;
  if (title !== undefined && Object.keys(node).some((k) => k !== "$ref" && !editorKeywords.has(k))) {
    return { tsType: title, ...(node.description === undefined ? {} : { description: node.description }) } as JSONSchema;
  }
  const discriminated = "discriminator" in node && "oneOf" in node;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (editorKeywords.has(key)) continue;
    if (discriminated && (key === "discriminator" || key === "properties" || key === "required")) continue;
    out[key] = prepareForTypes(child, root);
  }
  return out as JSONSchema;
}

/**
 * json-schema-to-typescript upper-cases a letter after a digit (`I18nSpec` -> `I18NSpec`); titles that are already
 * valid identifiers are the names we chose, so they are put back.
 */
function keepTitles(content: string, schema: JSONSchema): string {
  const titles = [schema.title, ...Object.values(schema.definitions ?? {}).map((d) => (d as JSONSchema).title)];
  let out = content;
  for (const title of titles) {
    if (typeof title !== "string" || !/^[A-Za-z_$][\w$]*$/.test(title)) continue;
    const mangled = title.replace(/\d+[a-zA-Z]/g, (m) => m.toUpperCase());
    if (mangled !== title) out = out.replace(new RegExp(`\\b${mangled}\\b`, "g"), title);
  }
  return out;
}

/** The title of a local definition (`#/definitions/<name>`), which is the name of its generated type. */
function refTitle(ref: string, root: JSONSchema): string | undefined {
  const match = /^#\/definitions\/([^/]+)$/.exec(ref);
  const definition = match ? (root.definitions?.[match[1]!] as JSONSchema | undefined) : undefined;
  return typeof definition?.title === "string" ? definition.title : undefined;
}

if (import.meta.main) {
  for (const { path, content } of await generateTypes()) {
    await Bun.write(path, content);
    console.log(`wrote ${path.slice(root.length + 1)}`);
  }
}
