/**
 * Runs a Studio edit: apply it to the spec texts in memory, compile the app with the changed texts,
 * and write the files only when the compiler reports no errors (or the caller insists). The written
 * files trigger `weave dev`'s watcher, so the server reloads as after an edit by hand.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compileApp } from "../../compiler/index.ts";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";
import { writeFileAtomic } from "../write-file.ts";
import { unifiedDiff } from "./diff.ts";
import { applyEdit, Draft, type EditedElement, type EditNote, folderSource, type StudioEdit } from "./edits/index.ts";
import { linesOf } from "./edits/yaml-text.ts";

export interface RunOptions {
  /** false: only compile and report (live diagnostics while typing). Default true. */
  readonly write?: boolean;
  /** Write even when the compiler reports errors. */
  readonly force?: boolean;
}

/** A diagnostic, marked when it lies within the edited element. */
export type StudioDiagnostic = Diagnostic & { readonly element: boolean };

export interface EditOutcome {
  /** Errors anywhere, and warnings in the files the edit changes. */
  readonly diagnostics: readonly StudioDiagnostic[];
  readonly written: boolean;
  /** A unified diff of every file the edit changes. */
  readonly diff: string;
  readonly files: readonly string[];
  /** What the edit did not follow itself (expressions naming a renamed or removed element), for the user to check. */
  readonly notes: readonly EditNote[];
  /** The edited element and the lines it spans after the edit. */
  readonly element: EditedElement & { readonly lines?: { readonly from: number; readonly to: number } };
}

/**
 * Applies `edit` to the app in `dir`. Throws EditRefused (from the edit library) when the edit
 * names something the model lacks.
 *
 * @example
 *   const outcome = await runEdit("examples/invoicing", { kind: "addField", entity: "Invoice", field: "po", props: { type: "string" } });
 *   outcome.written; // true when it compiled without errors
 */
export async function runEdit(dir: string, edit: StudioEdit, options: RunOptions = {}): Promise<EditOutcome> {
  const source = folderSource(dir);
  const draft = new Draft(source);
  const element = applyEdit(draft, edit);
  const changes = draft.changes();
  const result = await compileApp(dir, changes);
  const text = draft.read(element.file) ?? "";
  const lines = linesOf(text, element.path);
  const diagnostics = result.diagnostics
    .filter((d) => d.severity === "error" || changes.has(d.file))
    .map((d) => ({ ...d, element: d.file === element.file && lines !== undefined && d.line >= lines.from && d.line <= lines.to }));
  const failed = diagnostics.some((d) => d.severity === "error");
  const written = (options.write ?? true) && changes.size > 0 && (!failed || options.force === true);
  const diff = [...changes].map(([path, content]) => unifiedDiff(path, source.read(path), content)).join("");
  // New files first, deleted ones last: a renamed entity is never missing from the folder.
  if (written) for (const [path, content] of changes) if (content !== null) writeFileAtomic(join(dir, path), content);
  if (written) for (const [path, content] of changes) if (content === null) rmSync(join(dir, path), { force: true });
  return { diagnostics, written, diff, files: [...changes.keys()], notes: element.notes ?? [], element: { ...element, ...(lines ? { lines } : {}) } };
}
