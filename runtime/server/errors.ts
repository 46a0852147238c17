/**
 * The runtime's one error type. Anything a request does wrong is thrown as a WeaveError made by
 * one of the factories below, and rendered once, by the server, as RFC 9457 problem+json.
 * Anything else that is thrown is a bug in weave: it becomes a 500 whose details stay in the log.
 *
 * @example
 *   throw unprocessable("the invoice has no lines", [{ path: "/lines", message: "add a line first", code: "rule" }]);
 */
export interface ProblemItem {
  /** JSON Pointer into the request: `/customer`, `/filter[due][lt]`. */
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

export class WeaveError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly ProblemItem[],
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail);
    this.name = "WeaveError";
  }
}

const make = (status: number, reason: string, title: string) => (detail: string, errors?: readonly ProblemItem[], headers?: Record<string, string>) =>
  new WeaveError(status, reason, title, detail, errors, headers);

export const badRequest = make(400, "bad-request", "Bad request");
export const unauthorized = make(401, "unauthorized", "Not signed in");
export const forbidden = make(403, "forbidden", "Forbidden");
export const notFound = make(404, "not-found", "Not found");
export const methodNotAllowed = make(405, "method-not-allowed", "Method not allowed");
export const conflict = make(409, "conflict", "Conflict");
export const preconditionFailed = make(412, "precondition-failed", "Precondition failed");
export const payloadTooLarge = make(413, "payload-too-large", "Payload too large");
export const unsupportedMediaType = make(415, "unsupported-media-type", "Unsupported media type");
export const unprocessable = make(422, "unprocessable", "Unprocessable content");
export const preconditionRequired = make(428, "precondition-required", "Precondition required");
export const tooManyRequests = make(429, "too-many-requests", "Too many requests");
export const notImplemented = make(501, "not-implemented", "Not implemented");
export const unavailable = make(503, "unavailable", "Service unavailable");

/** The problem+json body of an error. Outside production an unexpected error shows its message. */
export function problemOf(error: unknown, requestId: string, instance: string, production: boolean): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  if (error instanceof WeaveError) {
    const body: Record<string, unknown> = { type: `https://weave.dev/problems/${error.reason}`, title: error.title, status: error.status, detail: error.detail, instance, requestId };
    if (error.errors && error.errors.length > 0) body.errors = error.errors;
    return { status: error.status, body, headers: { ...error.headers } };
  }
  const detail = production ? "an unexpected error occurred; the request id identifies it in the server log" : String((error as Error)?.message ?? error);
  return { status: 500, body: { type: "https://weave.dev/problems/internal", title: "Internal server error", status: 500, detail, instance, requestId }, headers: {} };
}

/** A problem+json Response. */
export function problemResponse(error: unknown, requestId: string, instance: string, production: boolean): Response {
  const { status, body, headers } = problemOf(error, requestId, instance, production);
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/problem+json", "x-request-id": requestId } });
}
