import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FileKind } from "./source-file.ts";

/** A spec file found in an app folder, before parsing. */
export interface FoundFile {
  readonly path: string;
  readonly kind: FileKind | undefined;
}

/** Where each file kind lives; the i18n locale comes from the file name. */
const LOCATIONS: readonly { folder: string; pattern: RegExp; kind: FileKind }[] = [
  { folder: "domain", pattern: /^[^/]+\.entity\.ya?ml$/, kind: "entity" },
  { folder: "policies", pattern: /^[^/]+\.policy\.ya?ml$/, kind: "policy" },
  { folder: "workflows", pattern: /^[^/]+\.workflow\.ya?ml$/, kind: "workflow" },
  { folder: "queries", pattern: /^[^/]+\.query\.ya?ml$/, kind: "query" },
  { folder: "ui", pattern: /^theme\.ya?ml$/, kind: "theme" },
  { folder: "ui", pattern: /^[^/]+\.dashboard\.ya?ml$/, kind: "dashboard" },
  { folder: "i18n", pattern: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\.ya?ml$/, kind: "i18n" },
  { folder: "seed", pattern: /^[^/]+\.ya?ml$/, kind: "seed" },
];

/**
 * Lists the YAML files of an app folder with their kind, sorted by path so that compilation
 * is deterministic. A YAML file in a known folder that fits no kind gets kind undefined
 * (the loader warns about it, WV103).
 *
 * @example
 *   await discoverFiles("examples/invoicing");
 *   // [{ path: "domain/customer.entity.yaml", kind: "entity" }, ..., { path: "weave.yaml", kind: "app" }]
 */
export async function discoverFiles(root: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const top = await listYaml(root);
  if (top.includes("weave.yaml")) found.push({ path: "weave.yaml", kind: "app" });
  for (const { folder } of uniqueFolders()) {
    for (const name of await listYaml(join(root, folder))) {
      const rule = LOCATIONS.find((l) => l.folder === folder && l.pattern.test(name));
      found.push({ path: `${folder}/${name}`, kind: rule?.kind });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The kind of a file at `path` (relative to the app folder), as discovery would find it; undefined
 * for a YAML file in a known folder that fits no kind, null for a path outside the spec folders.
 *
 * @example kindOfPath("domain/invoice.entity.yaml") // "entity"
 */
export function kindOfPath(path: string): FileKind | undefined | null {
  if (path === "weave.yaml") return "app";
  const [folder, name, ...rest] = path.split("/");
  if (!name || rest.length > 0 || !/\.ya?ml$/.test(name) || !LOCATIONS.some((l) => l.folder === folder)) return null;
  return LOCATIONS.find((l) => l.folder === folder && l.pattern.test(name))?.kind;
}

function uniqueFolders(): { folder: string }[] {
  return [...new Set(LOCATIONS.map((l) => l.folder))].map((folder) => ({ folder }));
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Links count (a policy file shared between apps). A broken link or a folder named like a spec
    // file is kept too, so that reading it reports it (WV105) instead of silently leaving it out.
    const kept = entries.filter((e) => e.isFile() || e.isSymbolicLink() || e.isDirectory());
    return kept.filter((e) => /\.ya?ml$/.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
}
