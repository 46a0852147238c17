import type { Document, LineCounter } from "yaml";
import type { Place } from "../diagnostics/reporter.ts";

/** The kinds of spec file an app folder holds. */
export const FILE_KINDS = ["app", "entity", "policy", "workflow", "query", "theme", "i18n", "seed", "dashboard"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** One parsed spec file: its text, YAML document (with source ranges) and plain data. */
export interface SourceFile {
  readonly kind: FileKind;
  /** Relative to the app folder, forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document as plain JS; undefined when YAML errors made it unusable. */
  readonly data: unknown;
}

/** Converts a character range of a file into a 1-based place. */
export function placeOf(file: Pick<SourceFile, "path" | "lines">, start: number, end = start): Place {
  const from = file.lines.linePos(start);
  const to = file.lines.linePos(Math.max(start, end));
  return { file: file.path, line: Math.max(1, from.line), column: from.col, endLine: Math.max(1, to.line), endColumn: to.col };
}

/** The place of a whole file's first character: for problems that belong to no node. */
export function fileStart(path: string): Place {
  return { file: path, line: 1, column: 1 };
}
