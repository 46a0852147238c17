import { join } from "node:path";
import type { Reporter } from "../diagnostics/reporter.ts";
import { discoverFiles } from "./discover.ts";
import { parseSpecFile } from "./parse-file.ts";
import { fileStart, type SourceFile } from "./source-file.ts";

/**
 * The load pass: finds an app's spec files, reads and parses them with source positions.
 * Files that cannot be read or parsed are reported and left out; nothing is thrown.
 *
 * @example
 *   const files = await loadApp("/abs/examples/invoicing", reporter);
 */
export async function loadApp(root: string, reporter: Reporter): Promise<SourceFile[]> {
  const found = await discoverFiles(root);
  if (!found.some((f) => f.kind === "app")) {
    reporter.report("WV104", fileStart("weave.yaml"), `no weave.yaml in ${root}`, "run `weave check` on an app folder, or create weave.yaml with `weave: 0` and `app: <name>`");
  }
  const files: SourceFile[] = [];
  for (const { path, kind } of found) {
    if (kind === undefined) {
      reporter.report("WV103", fileStart(path), `${path} is not a spec file weave knows and is ignored`, expectedName(path));
      continue;
    }
    const text = await readText(join(root, path), path, reporter);
    if (text !== undefined) files.push(parseSpecFile(path, kind, text, reporter));
  }
  return files;
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
