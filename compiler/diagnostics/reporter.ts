import { codes, type KnownCode } from "./codes.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.ts";

/** A place in a file: 1-based line and column, end exclusive. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * Collects diagnostics for one compilation. Severity comes from the code table, so a code
 * is an error or a warning everywhere it is reported.
 *
 * @example
 *   const reporter = new Reporter();
 *   reporter.report("WV301", place, "unknown entity `Custmer`", "did you mean `Customer`?");
 *   reporter.sorted(); // [{ code: "WV301", severity: "error", ... }]
 */
export class Reporter {
  readonly #items: Diagnostic[] = [];

  report(code: KnownCode, place: Place, message: string, hint?: string): void {
    const diagnostic: Diagnostic = { code, severity: codes[code].severity, message, ...place };
    this.#items.push(hint === undefined ? diagnostic : { ...diagnostic, hint });
  }

  /** True once any error was reported. */
  get failed(): boolean {
    return this.#items.some((d) => d.severity === "error");
  }

  /** All diagnostics, de-duplicated and in a stable order. */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const unique = this.#items.filter((d) => {
      const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return unique.sort(compareDiagnostics);
  }
}
