/**
 * The address a request came from. Behind a reverse proxy (`trustProxy`), the first entry of
 * `X-Forwarded-For`; otherwise the socket's address as Bun reports it. Never trust the header
 * without a proxy that overwrites it: a client could pick any address.
 *
 * @example clientAddress(request, server, false); // "203.0.113.7"
 */
export function clientAddress(request: Request, server: { requestIP(request: Request): { address: string } | null } | null | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return server?.requestIP(request)?.address ?? "unknown";
}
