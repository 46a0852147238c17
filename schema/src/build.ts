/**
 * Builds every spec file schema (schema/<kind>.schema.json, all but the IR's) from the builders
 * in this folder. `tests/schema/build.test.ts` fails when the committed JSON differs from a fresh
 * build.
 *
 * @example
 *   bun schema/src/build.ts            # write the files
 *   const files = buildSchemas();      // { file, schema }[] without writing
 */
import { join, resolve } from "node:path";
import { actionDefinitions } from "./actions.ts";
import { app, appDefinitions } from "./app.ts";
import { dashboard } from "./dashboard.ts";
import type { Schema } from "./dsl.ts";
import { entity, entityPolicyDefinitions } from "./entity.ts";
import { fieldDefinitions } from "./fields.ts";
import { i18n, i18nDefinitions } from "./i18n.ts";
import { nameDefinitions } from "./names.ts";
import { policy, policyDefinitions } from "./policy.ts";
import { query } from "./query.ts";
import { buildRoot, type RootSpec } from "./root.ts";
import { seed, seedDefinitions } from "./seed.ts";
import { stateDefinitions } from "./states.ts";
import { theme, themeDefinitions } from "./theme.ts";
import { viewDefinitions } from "./views.ts";
import { workflow, workflowDefinitions } from "./workflow.ts";

const schemaDir = resolve(import.meta.dir, "..");

/** Every definition, in the order the files list them. */
const registry: Record<string, Schema> = {
  ...nameDefinitions,
  ...appDefinitions,
  ...fieldDefinitions,
  ...stateDefinitions,
  ...actionDefinitions,
  ...entityPolicyDefinitions,
  ...viewDefinitions,
  ...policyDefinitions,
  ...workflowDefinitions,
  ...themeDefinitions,
  ...i18nDefinitions,
  ...seedDefinitions,
};

/** The file kinds, each with its root. */
export const roots: RootSpec[] = [app, entity, policy, workflow, query, theme, i18n, seed, dashboard];

/** Every schema file, in memory: its absolute path and its JSON text. */
export function buildSchemas(): { path: string; content: string }[] {
  return roots.map((root) => ({
    path: join(schemaDir, `${root.kind}.schema.json`),
    content: `${JSON.stringify(buildRoot(root, registry), null, 2)}\n`,
  }));
}

if (import.meta.main) {
  for (const { path, content } of buildSchemas()) {
    await Bun.write(path, content);
    console.log(`wrote ${path.slice(schemaDir.length - "schema".length)}`);
  }
}
