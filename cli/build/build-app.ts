/**
 * What `weave build` writes: everything `weave serve` needs to start without reading YAML or
 * building anything, in one folder (default `dist/`):
 *
 *   weave-build.json   what was built: app, model hash, weave version, the files
 *   ir.json            the compiled model
 *   migrations/        the app's migration files and snapshots, as committed
 *   openapi.json       the OpenAPI 3.1 document
 *   types.ts           the entity types
 *   client.ts          the typed client SDK
 *   weave.js           the components bundle served at /weave/weave.js
 *   charts.js          the chart renderer it loads for dashboards
 *   extras.js          the optional widgets (rich text) it loads when a form needs one
 *   custom-elements.json  the components' manifest, for editors and docs
 *   <handlers>         each action and hook module the model names, bundled with its imports
 *
 * It refuses to build a model that no migration covers: a build must be deployable as is.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateOpenApi } from "../../compiler/generators/openapi/index.ts";
import { planMigration } from "../../compiler/generators/sql/index.ts";
import { generateSdk } from "../../compiler/generators/sdk/index.ts";
import { generateEntityTypes } from "../../compiler/generators/types/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { readLatestSnapshot } from "../../runtime/db/migrations/migration-folder.ts";
import { weaveVersion } from "../version.ts";

/** The marker file of a build folder; `weave serve` looks for it. */
export const BUILD_MANIFEST = "weave-build.json";
const MANIFEST_SOURCE = fileURLToPath(new URL("../../components/custom-elements.json", import.meta.url));

export interface BuildResult {
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
}

/** A model the build cannot ship, with what to do. */
export class BuildRefusal extends Error {
  override readonly name = "BuildRefusal";
}

/**
 * Builds `ir` (compiled from `dir`) into `out`, replacing what was there.
 *
 * @example const { files } = await buildApp(ir, "/app", "/app/dist");
 */
export async function buildApp(ir: IR, dir: string, out: string): Promise<BuildResult> {
  const migrationsDir = join(dir, "migrations");
  const latest = readLatestSnapshot(migrationsDir);
  const plan = planMigration(latest?.ir, ir, { allowDestructive: true });
  if (plan.steps.length > 0) {
    const from = latest ? `migrations/${latest.fileName}` : "an empty database (there are no migrations)";
    throw new BuildRefusal(`the model differs from ${from} by ${plan.steps.length} ${plan.steps.length === 1 ? "step" : "steps"}: run 'weave migrate create' first, so the build can be deployed`);
  }
  clearBuild(out);
  const files: { path: string; bytes: number }[] = [];
  const write = (path: string, text: string) => {
    const file = join(out, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push({ path, bytes: Buffer.byteLength(text) });
  };
  write("ir.json", `${JSON.stringify(ir)}\n`);
  write("openapi.json", `${JSON.stringify(generateOpenApi(ir), null, 2)}\n`);
  write("types.ts", generateEntityTypes(ir));
  write("client.ts", generateSdk(ir));
  const { buildBundle } = await import("../../components/build.ts");
  const bundle = await buildBundle({ minify: true });
  write("weave.js", bundle.code);
  write("charts.js", bundle.charts);
  write("extras.js", bundle.extras);
  if (existsSync(MANIFEST_SOURCE)) {
    copyFileSync(MANIFEST_SOURCE, join(out, "custom-elements.json"));
    files.push({ path: "custom-elements.json", bytes: Bun.file(MANIFEST_SOURCE).size });
  }
  for (const name of existsSync(migrationsDir) ? readdirSync(migrationsDir).sort() : []) {
    mkdirSync(join(out, "migrations"), { recursive: true });
    copyFileSync(join(migrationsDir, name), join(out, "migrations", name));
    files.push({ path: `migrations/${name}`, bytes: Bun.file(join(migrationsDir, name)).size });
  }
  for (const handler of handlerPaths(ir)) write(handler, await bundleHandler(join(dir, handler)));
  write(BUILD_MANIFEST, `${JSON.stringify({ app: ir.app.name, hash: ir.hash, weave: weaveVersion(), files: files.map((f) => f.path).sort() }, null, 2)}\n`);
  return { files };
}

/** Empties the build folder but its `.weave/` (an embedded database served from it lives there). */
function clearBuild(out: string): void {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (name !== ".weave") rmSync(join(out, name), { recursive: true, force: true });
}

/** Every module path the model names (action handlers, entity hooks), relative to the app. */
export function handlerPaths(ir: IR): string[] {
  const paths = new Set<string>();
  for (const entity of ir.entities) {
    for (const action of entity.actions) if (action.handler) paths.add(action.handler);
    for (const hook of Object.values(entity.hooks ?? {})) if (hook) paths.add(hook);
  }
  return [...paths].map((p) => relative(".", p)).sort();
}

/**
 * One handler with its relative imports, as one module (packages stay imports, resolved from the
 * app's node_modules at run time). JavaScript is valid TypeScript, so the file keeps its name
 * and the model's path to it still holds.
 */
async function bundleHandler(path: string): Promise<string> {
  const result = await Bun.build({ entrypoints: [path], target: "bun", format: "esm", packages: "external" });
  if (!result.success) throw new BuildRefusal(`cannot bundle ${path}: ${result.logs.map((l) => String(l)).join("; ")}`);
  return `// Built by weave build from ${relative(process.cwd(), path)}\n${await result.outputs[0]!.text()}`;
}
