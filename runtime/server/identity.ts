import type { IR } from "../../compiler/ir/index.ts";
import { authenticate } from "../auth/authenticate.ts";
import { sessionTenant } from "../auth/current-tenant.ts";
import { membershipRoles } from "../auth/users.ts";
import type { Identity, ServerOptions } from "./context.ts";
import { badRequest, forbidden, unauthorized } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEV_HEADERS = ["x-weave-user", "x-weave-roles", "x-weave-tenant-roles"];

/**
 * Who is asking. With a custom `options.identify`, whatever it says. Otherwise:
 *
 * - `devIdentity` (tests, `weave dev`) and any of `X-Weave-User`, `X-Weave-Roles`,
 *   `X-Weave-Tenant-Roles`: trusted as given, with the tenant from the tenancy header;
 * - a Bearer API token or the `weave_session` cookie (runtime/auth): the user and their app-wide
 *   roles; a tenant named by the tenancy header must be one the user is a member of, and the
 *   membership's roles become `tenantRoles`; naming another tenant is a 403 (anonymous: 401), so
 *   no tenant's data is reachable without a membership. Without the header, a session uses its
 *   tenant (the `weave_tenant` cookie) while the user is still a member of it;
 * - nothing: anonymous, and (outside dev mode) without a tenant.
 *
 * Malformed values are a 400, never ignored.
 *
 * @example
 *   await resolveIdentity(request, ir, { database, devIdentity: true });
 *   // { userId: "…", roles: ["billing"], tenantId: "…", tenantRoles: [] }
 */
export async function resolveIdentity(request: Request, ir: IR, options: ServerOptions): Promise<Identity> {
  const identity = await (options.identify ?? ((r: Request) => fromRequest(r, ir, options)))(request);
  // Roles include what they inherit, once, here: reads, writes and audit all see the same set.
  return { ...identity, roles: expandRoles(ir, identity.roles), tenantRoles: expandRoles(ir, identity.tenantRoles) };
}

/**
 * The roles and every role they inherit (`inherits` is closed transitively in the IR).
 *
 * @example expandRoles(ir, ["admin"]); // ["admin", "billing"]
 */
export function expandRoles(ir: IR, roles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const role of roles) {
    out.add(role);
    for (const inherited of ir.roles.find((r) => r.name === role)?.inherits ?? []) out.add(inherited);
  }
  return [...out];
}

async function fromRequest(request: Request, ir: IR, options: ServerOptions): Promise<Identity> {
  const header = (name: string) => request.headers.get(name)?.trim() || undefined;
  const tenantId = ir.app.tenancy.enabled ? uuidHeader(header(ir.app.tenancy.header), ir.app.tenancy.header) : null;
  if (options.devIdentity && DEV_HEADERS.some((name) => request.headers.has(name))) {
    return {
      userId: uuidHeader(header("x-weave-user"), "X-Weave-User"),
      roles: list(header("x-weave-roles")),
      tenantId,
      tenantRoles: list(header("x-weave-tenant-roles")),
    };
  }
  const db = options.database.kysely;
  const who = await authenticate(request, ir, db);
  if (!who) {
    // Dev mode keeps its old behaviour (the named tenant, no user); elsewhere a tenant needs a member.
    if (tenantId !== null && !options.devIdentity) throw unauthorized("sign in to use a tenant");
    return { userId: null, roles: [], tenantId, tenantRoles: [] };
  }
  const userId = who.user.id;
  if (tenantId === null) {
    // No header: the session's tenant, if it has one and the user is still a member (tokens use the header).
    const chosen = ir.app.tenancy.enabled && who.via === "session" ? await sessionTenant(request, db, userId) : undefined;
    return { userId, roles: [...who.user.roles], tenantId: chosen?.tenantId ?? null, tenantRoles: chosen?.roles ?? [] };
  }
  const tenantRoles = await membershipRoles(db, tenantId, userId);
  if (!tenantRoles) throw forbidden("you are not a member of this tenant");
  return { userId, roles: [...who.user.roles], tenantId, tenantRoles };
}

function uuidHeader(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (!UUID.test(value)) throw badRequest(`header ${name} must be a uuid`, [{ path: `/headers/${name}`, message: "not a uuid" }]);
  return value.toLowerCase();
}

function list(value: string | undefined): string[] {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
