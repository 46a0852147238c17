/**
 * The session cookie: `weave_session`, HttpOnly, SameSite=Lax, Path=/, and Secure unless the
 * request is to localhost (browsers drop Secure cookies on plain http, which local development
 * uses).
 */
export const SESSION_COOKIE = "weave_session";

/** The value of cookie `name` in the request, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === "" ? undefined : value;
  }
  return undefined;
}

/** True for localhost, 127.0.0.0/8 and ::1: the hosts where a cookie may go without Secure. */
export function isLocalhost(request: Request): boolean {
  const host = new URL(request.url).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "[::1]" || host === "::1";
}

/**
 * The Set-Cookie value that stores `token` for `maxAgeSeconds`, or clears the cookie when token is null.
 *
 * @example sessionCookie(request, token, 3600); // "weave_session=…; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure"
 */
export function sessionCookie(request: Request, token: string | null, maxAgeSeconds = 0): string {
  const parts = [`${SESSION_COOKIE}=${token ?? ""}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${token === null ? 0 : Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (!isLocalhost(request)) parts.push("Secure");
  return parts.join("; ");
}
