import type { IR } from "../../compiler/ir/index.ts";
import type { Identity, ServerOptions } from "./context.ts";
import { badRequest } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is asking. Until sessions and tokens exist (the auth issue), a request is anonymous unless
 * `devIdentity` is on, which trusts `X-Weave-User`, `X-Weave-Roles` and `X-Weave-Tenant-Roles`;
 * the tenant comes from the app's tenancy header. Malformed values are a 400, never ignored.
 *
 * @example
 *   await resolveIdentity(request, ir, { database, devIdentity: true });
 *   // { userId: "…", roles: ["billing"], tenantId: "…", tenantRoles: [] }
 */
export async function resolveIdentity(request: Request, ir: IR, options: ServerOptions): Promise<Identity> {
  const identity = await (options.identify ?? ((r: Request) => fromHeaders(r, ir, options)))(request);
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

function fromHeaders(request: Request, ir: IR, options: ServerOptions): Identity {
  const header = (name: string) => request.headers.get(name)?.trim() || undefined;
  const tenantId = ir.app.tenancy.enabled ? uuidHeader(header(ir.app.tenancy.header), ir.app.tenancy.header) : null;
  if (!options.devIdentity) return { userId: null, roles: [], tenantId, tenantRoles: [] };
  return {
    userId: uuidHeader(header("x-weave-user"), "X-Weave-User"),
    roles: list(header("x-weave-roles")),
    tenantId,
    tenantRoles: list(header("x-weave-tenant-roles")),
  };
}

function uuidHeader(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (!UUID.test(value)) throw badRequest(`header ${name} must be a uuid`, [{ path: `/headers/${name}`, message: "not a uuid" }]);
  return value.toLowerCase();
}

function list(value: string | undefined): string[] {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
