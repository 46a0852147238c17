/**
 * Cross-origin access for pages on other origins that embed the components (a Django or PHP page
 * beside the API). Only origins listed in `WEAVE_TRUSTED_ORIGINS` (comma-separated, e.g.
 * `https://shop.example.com,http://localhost:8000`) get CORS headers with credentials, and only
 * they pass the CSRF check for cookie requests (runtime/auth/csrf.ts). Deny by default: without
 * the variable, no other origin may call the API with the user's cookie.
 */
import { Elysia } from "elysia";

const ALLOWED_HEADERS = "content-type, if-match, idempotency-key, authorization, x-weave-tenant, x-request-id";
const EXPOSED_HEADERS = "etag, location, x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after";

let cache: { raw: string | undefined; origins: ReadonlySet<string> } | undefined;

/**
 * The trusted origins from the environment (normalised with `URL.origin`, bad entries dropped).
 *
 * @example process.env.WEAVE_TRUSTED_ORIGINS = "http://localhost:8000"; trustedOrigins().has("http://localhost:8000") // true
 */
export function trustedOrigins(env: Record<string, string | undefined> = process.env): ReadonlySet<string> {
  const raw = env.WEAVE_TRUSTED_ORIGINS;
  const cached = cache;
  if (cached && cached.raw === raw) return cached.origins;
  const origins = new Set<string>();
  for (const entry of (raw ?? "").split(",")) {
    try {
      if (entry.trim()) origins.add(new URL(entry.trim()).origin);
    } catch {
      // not a URL: never trusted
    }
  }
  cache = { raw, origins };
  return origins;
}

/**
 * The CORS plugin: answers preflights from trusted origins and marks their responses readable.
 *
 * @example new Elysia().use(cors())
 */
export function cors() {
  return new Elysia({ name: "weave/cors" }).onRequest(({ request, set }) => {
    const origin = request.headers.get("origin");
    if (!origin || !trustedOrigins().has(origin)) return;
    Object.assign(set.headers, { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", "access-control-expose-headers": EXPOSED_HEADERS, vary: "Origin" });
    if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": origin,
          "access-control-allow-credentials": "true",
          "access-control-allow-methods": "GET, POST, PATCH, DELETE",
          "access-control-allow-headers": ALLOWED_HEADERS,
          "access-control-max-age": "600",
          vary: "Origin",
        },
      });
    }
  });
}
