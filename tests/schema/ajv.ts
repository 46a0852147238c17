/**
 * The ajv set-up the schema tests use: the compiler's own (compiler/validate/ajv.ts: strict mode,
 * every error, the discriminator keyword, the formats, the editor keywords as annotations), with
 * warnings collected rather than printed, so a test can assert there are none.
 */
import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createAjv, EDITOR_KEYWORDS } from "../../compiler/validate/ajv.ts";
import { FILE_KINDS } from "../../compiler/load/source-file.ts";

export const schemaDir = resolve(import.meta.dir, "../../schema");

/** The spec file kinds, each with a schema/<kind>.schema.json. */
export const kinds = FILE_KINDS;
export type Kind = (typeof kinds)[number];

/** Keywords of the YAML and JSON language servers: annotations to ajv. */
export const editorKeywords: readonly string[] = EDITOR_KEYWORDS;

/** A strict ajv instance and the warnings it logged. */
export function strictAjv(): { ajv: Ajv; warnings: string[] } {
  const warnings: string[] = [];
  const log = (...args: unknown[]) => warnings.push(args.join(" "));
  return { ajv: createAjv({ logger: { log, warn: log, error: log } }), warnings };
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
