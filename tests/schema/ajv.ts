/**
 * The ajv set-up the schema tests use: strict mode, every error, the discriminator keyword, the
 * formats, and the editor keywords as known annotations. Warnings are collected, not printed, so a
 * test can assert there are none. (The compiler's own set-up lives in compiler/validate.)
 */
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const schemaDir = resolve(import.meta.dir, "../../schema");

/** The spec file kinds, each with a schema/<kind>.schema.json. */
export const kinds = ["app", "entity", "policy", "workflow", "query", "theme", "i18n", "seed"] as const;
export type Kind = (typeof kinds)[number];

/** Keywords of the YAML and JSON language servers: annotations to ajv. */
export const editorKeywords = [
  "markdownDescription",
  "defaultSnippets",
  "enumDescriptions",
  "deprecationMessage",
  "doNotSuggest",
  "patternErrorMessage",
];

/** A strict ajv instance and the warnings it logged. */
export function strictAjv(): { ajv: Ajv; warnings: string[] } {
  const warnings: string[] = [];
  const log = (...args: unknown[]) => warnings.push(args.join(" "));
  const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true, logger: { log, warn: log, error: log } });
  addFormats(ajv);
  ajv.addVocabulary(editorKeywords);
  return { ajv, warnings };
}

/** Reads one spec schema. */
export function readSchema(kind: Kind): Record<string, unknown> {
  return JSON.parse(readFileSync(join(schemaDir, `${kind}.schema.json`), "utf8"));
}

/** The spec schema files in schema/ (the IR's excluded). */
export function specSchemaFiles(): string[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".schema.json") && f !== "ir.schema.json")
    .sort();
}

let validators: Record<Kind, ValidateFunction> | undefined;

/** One compiled validator per kind, compiled once per test file. */
export function validator(kind: Kind): ValidateFunction {
  if (!validators) {
    const { ajv } = strictAjv();
    validators = Object.fromEntries(kinds.map((k) => [k, ajv.compile(readSchema(k))])) as Record<
      Kind,
      ValidateFunction
    >;
  }
  return validators[kind];
}
