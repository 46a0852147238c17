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
    const content = await compile(stripEditorKeywords(schema), schema.title ?? file, {
      bannerComment: banner,
      additionalProperties: false,
      unreachableDefinitions: true,
      strictIndexSignatures: true,
      style: { singleQuote: false, printWidth: 120 },
      cwd: schemaDir,
      $refOptions: { resolve: { external: false } } as never,
    });
    out.push({ path: outputPathFor(file), content });
  }
  return out;
}

/** Editor-only keywords carry prose and snippets the types do not need; dropping them keeps the output stable. */
function stripEditorKeywords(value: unknown): JSONSchema {
  if (Array.isArray(value)) return value.map(stripEditorKeywords) as never;
  if (value === null || typeof value !== "object") return value as never;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "defaultSnippets" || key === "markdownDescription" || key === "enumDescriptions" || key === "examples") continue;
    out[key] = stripEditorKeywords(child);
  }
  return out as JSONSchema;
}

if (import.meta.main) {
  for (const { path, content } of await generateTypes()) {
    await Bun.write(path, content);
    console.log(`wrote ${path.slice(root.length + 1)}`);
  }
}
