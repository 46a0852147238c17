import { join } from "node:path";
import type { Reporter } from "../diagnostics/reporter.ts";
import { discoverFiles, type FoundFile, kindOfPath } from "./discover.ts";
import { parseSpecFile } from "./parse-file.ts";
import { fileStart, type SourceFile } from "./source-file.ts";

/**
 * Texts that stand in for files of the app folder, by path relative to it: a text replaces or adds
 * the file, null removes it. The Studio compiles an edit this way before it writes the file.
 */
export type Overlay = ReadonlyMap<string, string | null>;

/**
 * The load pass: finds an app's spec files, reads and parses them with source positions.
 * Files that cannot be read or parsed are reported and left out; nothing is thrown.
 *
 * @example
 *   const files = await loadApp("/abs/examples/invoicing", reporter);
 *   const edited = await loadApp(root, reporter, new Map([["domain/tag.entity.yaml", "entity: Tag\n..."]]));
 */
export async function loadApp(root: string, reporter: Reporter, overlay: Overlay = new Map()): Promise<SourceFile[]> {
  const found = overlaid(await discoverFiles(root), overlay);
  if (!found.some((f) => f.kind === "app")) {
    reporter.report("WV104", fileStart("weave.yaml"), `no weave.yaml in ${root}`, "run `weave check` on an app folder, or create weave.yaml with `weave: 0` and `app: <name>`");
  }
  const files: SourceFile[] = [];
  for (const { path, kind } of found) {
    if (kind === undefined) {
      reporter.report("WV103", fileStart(path), `${path} is not a spec file weave knows and is ignored`, expectedName(path));
      continue;
    }
    const text = overlay.has(path) ? (overlay.get(path) ?? undefined) : await readText(join(root, path), path, reporter);
    if (text !== undefined) files.push(parseSpecFile(path, kind, text, reporter));
  }
  return withNamedTheme(root, files, reporter, overlay);
}

/**
 * `theme: <path>` in weave.yaml names the theme file: it is loaded as the theme (wherever it is),
 * and `ui/theme.yaml` is then not used. A missing file is reported by the check pass (WV502).
 */
async function withNamedTheme(root: string, files: SourceFile[], reporter: Reporter, overlay: Overlay): Promise<SourceFile[]> {
  const named = (files.find((f) => f.kind === "app")?.data as { theme?: unknown } | undefined)?.theme;
  if (typeof named !== "string" || !/\.ya?ml$/.test(named)) return files;
  const path = named.replace(/^\.\//, "");
  const others = files.filter((f) => f.kind !== "theme" || f.path === path);
  if (others.some((f) => f.path === path)) return others;
  const text = overlay.has(path) ? (overlay.get(path) ?? undefined) : (await Bun.file(join(root, path)).exists()) ? await readText(join(root, path), path, reporter) : undefined;
  return text === undefined ? others : [...others, parseSpecFile(path, "theme", text, reporter)];
}

/** The files found on disk, less those the overlay removes, plus those it adds; sorted by path. */
function overlaid(found: readonly FoundFile[], overlay: Overlay): FoundFile[] {
  const kept = found.filter((f) => overlay.get(f.path) !== null);
  for (const [path, text] of overlay) {
    const kind = kindOfPath(path);
    if (text !== null && kind !== null && !kept.some((f) => f.path === path)) kept.push({ path, kind });
  }
  return kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function readText(absolute: string, path: string, reporter: Reporter): Promise<string | undefined> {
  try {
    return await Bun.file(absolute).text();
  } catch (error) {
    // The message names the absolute path; diagnostics name files relative to the app folder.
    const reason = (error as Error).message.replaceAll(absolute, path);
    reporter.report("WV105", fileStart(path), `cannot read ${path}: ${reason}`, "make it a readable file: not a folder, nor a symbolic link to a missing file");
    return undefined;
  }
}

function expectedName(path: string): string {
  const folder = path.split("/")[0];
  const names: Record<string, string> = {
    domain: "entity files are named `<name>.entity.yaml`",
    policies: "policy files are named `<name>.policy.yaml`",
    workflows: "workflow files are named `<name>.workflow.yaml`",
    queries: "query files are named `<name>.query.yaml`",
    ui: "the theme is `ui/theme.yaml`",
    i18n: "message files are named after their locale, e.g. `i18n/de.yaml`",
  };
  return names[folder ?? ""] ?? "rename or move it";
}
