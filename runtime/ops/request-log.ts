/**
 * Structured request logs: one entry per answered request. An entry holds the route pattern,
 * never the raw path, query string or body, so ids in paths, search terms and personal data in
 * fields (`pii: true` or not) never reach the log.
 */

/** One answered request. */
export interface RequestLogEntry {
  /** ISO 8601, when the response was handed over. */
  readonly time: string;
  /** `error` for 5xx answers, else `info`. */
  readonly level: "info" | "error";
  readonly msg: "request";
  readonly requestId: string;
  readonly method: string;
  /** The route pattern (`/api/invoices/:id`), or null when no route matched. */
  readonly route: string | null;
  readonly status: number;
  /** Null when the request was refused before the plugin saw it arrive. */
  readonly durationMs: number | null;
  /** The tenant the request ran in, or null. */
  readonly tenant: string | null;
  /** 5xx only: what went wrong, without the database's `detail` (which can quote row values). */
  readonly error?: { readonly name: string; readonly message: string; readonly code?: string };
}

/** Where entries go. */
export type LogSink = (entry: Record<string, unknown>) => void;

/**
 * Writes each entry as one JSON line.
 *
 * @example
 *   const log = jsonLines((line) => process.stdout.write(line));
 */
export function jsonLines(write: (line: string) => void = (line) => void process.stdout.write(line)): LogSink {
  return (entry) => write(`${JSON.stringify(entry)}\n`);
}

/**
 * Writes request entries as short lines for a person at a terminal (`weave dev`); other entries as JSON.
 *
 * @example
 *   textLines(console.log)(entry); // "12:04:05 GET /api/invoices/:id 200 3.1 ms"
 */
export function textLines(write: (line: string) => void = (line) => void process.stdout.write(line)): LogSink {
  return (entry) => {
    if (entry.msg !== "request") return write(`${JSON.stringify(entry)}\n`);
    const e = entry as unknown as RequestLogEntry;
    const error = e.error ? `  ${e.error.name}: ${e.error.message}` : "";
    write(`${e.time.slice(11, 19)} ${e.method} ${e.route ?? "(no route)"} ${e.status}${e.durationMs === null ? "" : ` ${e.durationMs} ms`}${error}\n`);
  };
}

/**
 * The `error` field of a 5xx entry: name, message and code (SQLSTATE or a client error code).
 *
 * @example
 *   errorSummary(Object.assign(new Error("connection lost"), { code: "CONNECTION_LOST" }));
 *   // { name: "Error", message: "connection lost", code: "CONNECTION_LOST" }
 */
export function errorSummary(error: unknown): RequestLogEntry["error"] {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}
