/**
 * The spec document shapes the checker and lowering read, re-exported from the types generated
 * out of schema/ (compiler/types/*.generated.ts). Data reaches these types only after it passed
 * JSON Schema validation.
 */
export type { AppSpec } from "../types/app.generated.ts";
export type { EntitySpec } from "../types/entity.generated.ts";
export type { PolicySpec } from "../types/policy.generated.ts";
export type { WorkflowSpec } from "../types/workflow.generated.ts";
export type { QuerySpec } from "../types/query.generated.ts";
export type { ThemeSpec } from "../types/theme.generated.ts";
export type { I18nSpec } from "../types/i18n.generated.ts";
export type { SeedSpec } from "../types/seed.generated.ts";
