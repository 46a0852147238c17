/**
 * The session cookie: `weave_session`, HttpOnly, SameSite=Lax, Path=/, and Secure unless the
 * request is to localhost (browsers drop Secure cookies on plain http, which local development
 * uses).
 */
export const SESSION_COOKIE = "weave_session";

/**
 * The session's current tenant: the tenant a request of this browser uses when it sends no tenant
 * header. It grants nothing by itself: every request checks the membership again.
 */
export const TENANT_COOKIE = "weave_tenant";

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
  return cookie(request, SESSION_COOKIE, token, maxAgeSeconds);
}

/**
 * The Set-Cookie value of the session's tenant (`weave_tenant`), or clearing it when null.
 *
 * @example tenantCookie(request, tenantId, 3600); // "weave_tenant=…; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure"
 */
export function tenantCookie(request: Request, tenantId: string | null, maxAgeSeconds = 0): string {
  return cookie(request, TENANT_COOKIE, tenantId, maxAgeSeconds);
}

function cookie(request: Request, name: string, token: string | null, maxAgeSeconds: number): string {
  const parts = [`${name}=${token ?? ""}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${token === null ? 0 : Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (!isLocalhost(request)) parts.push("Secure");
  return parts.join("; ");
}
