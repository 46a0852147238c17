/**
 * The components' manifest (components/custom-elements.json, the Custom Elements Manifest
 * format): every element with its attributes, properties, events, slots and CSS parts, read from
 * the sources by @custom-elements-manifest/analyzer. Editors and docs read it; `weave build`
 * copies it into dist/. Written compact; a test fails when it is out of date.
 *
 *   bun components/manifest.ts          # rewrite components/custom-elements.json
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as analyzer from "@custom-elements-manifest/analyzer";
// The Lit plugin is what `cem analyze --litelement` adds; it is not in the package's main entry.
import { litPlugin } from "@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js";

/** What the analyzer's main module exports at run time (its .d.ts declares less). */
interface Analyzer {
  create(options: { modules: unknown[]; plugins: unknown[] }): unknown;
  ts: { createSourceFile(name: string, text: string, target: number, setParents: boolean): unknown; ScriptTarget: { ES2022: number } };
}
const { create, ts } = analyzer as unknown as Analyzer;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const MANIFEST_PATH = join(ROOT, "components/custom-elements.json");

/** The element sources: `weave-*.ts` files, and the widgets' shared base class. */
function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^weave-[a-z-]+\.ts$/.test(entry.name) || entry.name === "field-widget.ts") out.push(path);
    }
  };
  walk(join(ROOT, "components"));
  return out.sort();
}

/**
 * The manifest's JSON text.
 *
 * @example writeFileSync(MANIFEST_PATH, manifestJson());
 */
export function manifestJson(): string {
  const modules = sources().map((path) => ts.createSourceFile(relative(ROOT, path), readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true));
  return `${JSON.stringify(create({ modules, plugins: [...litPlugin()] }))}\n`;
}

if (import.meta.main) {
  writeFileSync(MANIFEST_PATH, manifestJson());
  console.log(`wrote ${relative(process.cwd(), MANIFEST_PATH)}`);
}
