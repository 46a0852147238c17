/**
 * weave's compiler: spec files in, IR or diagnostics out. It sequences the passes, one folder
 * each: load (YAML with positions) -> validate (JSON Schema) -> check (names, references,
 * expressions) -> lower (IR). It reports every problem it finds and never throws on bad input.
 *
 * @example
 *   const { ir, diagnostics } = await compileApp("examples/invoicing");
 *   if (ir) console.log(ir.hash);
 */
import { resolve } from "node:path";
import { checkDocuments } from "./check/index.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { Reporter } from "./diagnostics/reporter.ts";
import type { IR } from "./ir/index.ts";
import { loadApp, type Overlay } from "./load/index.ts";
import type { SourceFile } from "./load/source-file.ts";
import { lowerModel } from "./lower/index.ts";
import { validateFile } from "./validate/validate-file.ts";

export type { Diagnostic } from "./diagnostics/diagnostic.ts";
export type { IR } from "./ir/index.ts";

export interface CompileResult {
  /** The IR; absent when any error was reported. */
  readonly ir?: IR;
  /** Every problem found, sorted by file, line and column. */
  readonly diagnostics: Diagnostic[];
  /** The absolute app folder; diagnostic files are relative to it. */
  readonly root: string;
  /** The spec files read, relative to root. */
  readonly files: string[];
}

/** Names of entities whose files did not validate, so references to them do not cascade into WV301s. */
function invalidEntityNames(files: readonly SourceFile[], valid: readonly SourceFile[]): string[] {
  const invalid = files.filter((f) => f.kind === "entity" && !valid.includes(f));
  return invalid.map((f) => (f.data as { entity?: unknown } | undefined)?.entity).filter((n): n is string => typeof n === "string");
}

export type { Overlay } from "./load/index.ts";

/**
 * Compiles the app in `dir` (a folder holding weave.yaml). `overlay` compiles edited texts in place
 * of (or beside) the files on disk without writing them.
 */
export async function compileApp(dir: string, overlay?: Overlay): Promise<CompileResult> {
  const root = resolve(dir);
  const reporter = new Reporter();
  const files = await loadApp(root, reporter, overlay);
  const valid = files.filter((file) => file.data !== undefined && validateFile(file, reporter));
  const model = checkDocuments(root, valid, reporter, invalidEntityNames(files, valid));
  const complete = valid.length === files.length && model.app !== undefined;
  const ir = reporter.failed || !complete ? undefined : lowerModel(model);
  return { ...(ir ? { ir } : {}), diagnostics: reporter.sorted(), root, files: files.map((f) => f.path) };
}
