/**
 * The request id: the one the client (or a proxy in front) sent in `X-Request-Id` when it looks
 * like an id, else a new uuid. The same for the whole request wherever it is asked for: the log
 * line, the response header, problem+json bodies and audit rows agree.
 */

/** What an incoming `X-Request-Id` may look like; anything else is replaced, never echoed. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

const requestIds = new WeakMap<Request, string>();

/**
 * The id of `request`, made on first use.
 *
 * @example
 *   requestIdOf(new Request("http://localhost/", { headers: { "x-request-id": "abc-1" } })); // "abc-1"
 *   requestIdOf(new Request("http://localhost/")); // "0b6c2f5e-…" (a new uuid)
 */
export function requestIdOf(request: Request): string {
  const known = requestIds.get(request);
  if (known) return known;
  const given = request.headers.get("x-request-id");
  const id = given && REQUEST_ID_PATTERN.test(given) ? given : crypto.randomUUID();
  requestIds.set(request, id);
  return id;
}
