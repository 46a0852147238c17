/**
 * Telling a broken connection from a failed statement: after the first, nothing more may be sent
 * on that connection.
 */

const CLIENT_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
]);

/**
 * True when `error` means the connection is gone: a postgres.js connection error, a socket error,
 * a FATAL/PANIC from the server, or SQLSTATE class 08 (connection exception) or 57P (operator
 * intervention: `pg_terminate_backend`, shutdown, idle session timeout).
 *
 * @example
 * isConnectionError({ code: "57P01", severity: "FATAL" }); // true
 * isConnectionError({ code: "23505", severity: "ERROR" }); // false
 */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (severity === "FATAL" || severity === "PANIC") return true;
  if (typeof code !== "string") return false;
  return CLIENT_CODES.has(code) || code.startsWith("08") || code.startsWith("57P");
}

/**
 * The error every later query on a dead connection rejects with; keeps the original as `cause`.
 *
 * @example
 * throw new ConnectionLostError(closeError);
 */
export class ConnectionLostError extends Error {
  readonly code = "CONNECTION_LOST";

  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`the database connection was lost (${detail})`, { cause });
    this.name = "ConnectionLostError";
  }
}
