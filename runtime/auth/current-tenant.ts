/**
 * The tenant a request works in: the tenancy header when it sends one, else the session's tenant
 * (the `weave_tenant` cookie, set at sign-in or by `POST /api/auth/tenant`). Either way the
 * membership is checked on every request, so the cookie grants nothing by itself.
 */
import type { Kysely } from "kysely";
import type { IR } from "../../compiler/ir/index.ts";
import { readCookie, TENANT_COOKIE } from "./cookies.ts";
import { membershipRoles, type Membership } from "./users.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The session's tenant id from the cookie, when it holds a uuid. */
export function sessionTenantId(request: Request): string | undefined {
  const value = readCookie(request, TENANT_COOKIE);
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

/**
 * The session's tenant and the user's roles in it; undefined without the cookie, or when the user
 * is no longer a member (the cookie is then ignored, not an error: the request has no tenant).
 *
 * @example await sessionTenant(request, db, userId); // { tenantId: "…", roles: ["billing"] }
 */
export async function sessionTenant(request: Request, db: Kysely<any>, userId: string): Promise<{ tenantId: string; roles: string[] } | undefined> {
  const tenantId = sessionTenantId(request);
  const roles = tenantId ? await membershipRoles(db, tenantId, userId) : undefined;
  return tenantId && roles ? { tenantId, roles } : undefined;
}

/**
 * The membership a request works in, among the user's: the header's tenant when it sends one
 * (none when they are not a member of it), else the session's (`cookie`: only for sessions).
 *
 * @example currentTenant(request, ir, memberships, true); // { tenant: { id, key, name }, roles }
 */
export function currentTenant(request: Request, ir: IR, memberships: readonly Membership[], cookie: boolean): Membership | undefined {
  const header = request.headers.get(ir.app.tenancy.header)?.trim().toLowerCase();
  const id = header || (cookie ? sessionTenantId(request) : undefined);
  return id ? memberships.find((m) => m.tenant.id === id) : undefined;
}
