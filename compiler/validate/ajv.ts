import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import appSchema from "../../schema/app.schema.json" with { type: "json" };
import dashboardSchema from "../../schema/dashboard.schema.json" with { type: "json" };
import entitySchema from "../../schema/entity.schema.json" with { type: "json" };
import i18nSchema from "../../schema/i18n.schema.json" with { type: "json" };
import policySchema from "../../schema/policy.schema.json" with { type: "json" };
import querySchema from "../../schema/query.schema.json" with { type: "json" };
import seedSchema from "../../schema/seed.schema.json" with { type: "json" };
import themeSchema from "../../schema/theme.schema.json" with { type: "json" };
import workflowSchema from "../../schema/workflow.schema.json" with { type: "json" };
import type { FileKind } from "../load/source-file.ts";

/**
 * Keywords the YAML language server and VS Code read for completion and hover. Registered so
 * that ajv's strict mode stays on: any other unknown keyword in a schema is still an error.
 */
export const EDITOR_KEYWORDS = [
  "markdownDescription",
  "defaultSnippets",
  "enumDescriptions",
  "deprecationMessage",
  "doNotSuggest",
  "patternErrorMessage",
] as const;

const SCHEMAS: Record<FileKind, object> = {
  app: appSchema,
  entity: entitySchema,
  policy: policySchema,
  workflow: workflowSchema,
  query: querySchema,
  theme: themeSchema,
  i18n: i18nSchema,
  seed: seedSchema,
  dashboard: dashboardSchema,
};

/**
 * Creates the ajv instance weave validates spec files with: draft-07, strict, all errors,
 * OpenAPI-style discriminator for precise errors on field types, verbose for "did you mean" hints.
 *
 * @example
 *   const ajv = createAjv();
 *   ajv.validate(entitySchema, data);
 */
export function createAjv(options: { logger?: { log: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void } } = {}): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, discriminator: true, verbose: true, ...(options.logger ? { logger: options.logger } : {}) });
  addFormats(ajv);
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv;
}

let validators: Record<FileKind, ValidateFunction> | undefined;

/** The compiled validator of each file kind, built once per process. */
export function validatorFor(kind: FileKind): ValidateFunction {
  validators ??= compileAll();
  return validators[kind];
}

function compileAll(): Record<FileKind, ValidateFunction> {
  const ajv = createAjv();
  const entries = Object.entries(SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]);
  return Object.fromEntries(entries) as Record<FileKind, ValidateFunction>;
}
