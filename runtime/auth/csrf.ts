import { trustedOrigins } from "../server/cors.ts";
import { forbidden } from "../server/errors.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** POST, PUT, PATCH, DELETE: methods a cross-site form or fetch must not make with the user's cookie. */
export function isUnsafe(method: string): boolean {
  return !SAFE.has(method.toUpperCase());
}

/**
 * Refuses (403) an unsafe request that a browser says came from another site: `Sec-Fetch-Site`
 * present and not `same-origin` or `none`, or `Origin` present and not the request's own origin.
 * Origins listed in WEAVE_TRUSTED_ORIGINS pass (see runtime/server/cors.ts).
 * Requests without either header (programs, old browsers on same-site navigations) pass; SameSite=Lax
 * already keeps the cookie off cross-site POSTs in those browsers.
 *
 * @example checkSameOrigin(request); // throws forbidden(...) for a cross-site POST
 */
export function checkSameOrigin(request: Request, trusted: ReadonlySet<string> = trustedOrigins()): void {
  if (!isUnsafe(request.method)) return;
  const from = request.headers.get("origin")?.trim();
  // A page on a trusted origin (WEAVE_TRUSTED_ORIGINS) embeds the components: it may write.
  if (from && trusted.has(from)) return;
  const site = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") throw forbidden(`cross-site request refused (Sec-Fetch-Site: ${site})`);
  const origin = request.headers.get("origin")?.trim();
  if (origin && origin !== new URL(request.url).origin) throw forbidden(`cross-origin request refused (Origin: ${origin})`);
}
