/**
 * What every output format receives: the diagnostics with paths already relative to the working
 * directory, plus the few facts some formats need.
 */
import type { Diagnostic, Severity } from "../../compiler/diagnostics/diagnostic.ts";

export interface Report {
  /** Sorted; `file` is relative to `cwd` with forward slashes. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many spec files were checked, when the compiler says. */
  readonly fileCount?: number;
  /** Absolute working directory: SARIF's %SRCROOT%. */
  readonly cwd: string;
  /** Warnings exceed --max-warnings, so they fail the run too (JUnit marks them as failures). */
  readonly warningsFail: boolean;
  /** ANSI colour in human output. */
  readonly color: boolean;
  /** The text of a file (path as in `diagnostics`), or undefined when it cannot be read. */
  readonly readSource: (file: string) => string | undefined;
}

/** Renders a whole report as the text to print. */
export type Formatter = (report: Report) => string;

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * How many diagnostics of each severity.
 *
 * @example
 * countSeverities([{ severity: "error", ... }]); // { errors: 1, warnings: 0, infos: 0 }
 */
export function countSeverities(diagnostics: readonly Diagnostic[]): Counts {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

/**
 * The location of a diagnostic as editors and terminals link it.
 *
 * @example
 * location({ file: "domain/a.entity.yaml", line: 3, column: 5, ... }); // "domain/a.entity.yaml:3:5"
 */
export function location(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}
