/**
 * Turns a compile result into a `Report` for the formatters: paths relative to the working
 * directory, optional filtering, and source reading for code frames.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.ts";
import { displayPath } from "./app-dir.ts";
import type { Report } from "./format/report.ts";

/** The part of the compiler's `CompileResult` the CLI reports on. */
export interface CompileOutcome {
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute app folder; diagnostic files are relative to it. */
  readonly root: string;
  /** The spec files read, if the compiler lists them (only the count is used). */
  readonly files?: readonly unknown[];
}

export interface ReportOptions {
  readonly cwd: string;
  readonly color: boolean;
  /** Keep errors only. */
  readonly quiet?: boolean;
  readonly warningsFail?: boolean;
}

/**
 * Builds the report the formatters print.
 *
 * @example
 * const report = buildReport(await compileApp(dir), { cwd: io.cwd, color: false });
 * io.stdout.write(formats.pretty(report));
 */
export function buildReport(outcome: CompileOutcome, options: ReportOptions): Report {
  const shown = options.quiet ? outcome.diagnostics.filter((d) => d.severity === "error") : outcome.diagnostics;
  return {
    diagnostics: shown.map((d) => ({ ...d, file: displayPath(join(outcome.root, d.file), options.cwd) })),
    fileCount: Array.isArray(outcome.files) ? outcome.files.length : undefined,
    cwd: options.cwd,
    warningsFail: options.warningsFail ?? false,
    color: options.color,
    readSource: sourceReader(options.cwd),
  };
}

/** Reads each file once; a file that cannot be read just gets no code frame. */
function sourceReader(cwd: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, readOrUndefined(resolve(cwd, file)));
    return cache.get(file);
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
