/**
 * Who calls an account route (sign-in, tenants, users): these answer for the user, not for a
 * tenant, so the tenancy header is left out before the identity is resolved.
 */
import { ADMIN_ROLE } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { unauthorized } from "../server/errors.ts";
import { expandRoles } from "../server/identity.ts";
import { authenticationOf, type Authentication } from "./authenticate.ts";
import { userById } from "./users.ts";

export type ContextFor = (request: Request) => Promise<RequestContext>;

/** A signed-in caller of an account route: their context, id and app-wide roles (inherited ones too). */
export interface Caller {
  readonly ctx: RequestContext;
  readonly userId: string;
  readonly roles: readonly string[];
  /** How they signed in; undefined for a development identity (X-Weave-User). */
  readonly via: Authentication["via"] | undefined;
}

/** The request's headers and method without its tenancy header (and body): what identity needs. */
export function withoutTenant(request: Request, ir: IR): Request {
  const headers = new Headers(request.headers);
  headers.delete(ir.app.tenancy.header);
  return new Request(request.url, { method: request.method, headers });
}

/**
 * The signed-in caller, with an account (a development identity naming no account is not one):
 * a 401 otherwise.
 *
 * @example const { userId, roles } = await signedIn(contextFor, ir, request);
 */
export async function signedIn(contextFor: ContextFor, ir: IR, request: Request): Promise<Caller> {
  const synthetic = withoutTenant(request, ir);
  const ctx = await contextFor(synthetic);
  const userId = ctx.identity.userId;
  if (!userId || !(await userById(ctx.database.kysely, userId))) throw unauthorized("sign in first");
  return { ctx, userId, roles: ctx.identity.roles, via: authenticationOf(synthetic)?.via };
}

/**
 * The roles that hold `admin`: itself and every role that inherits it.
 *
 * @example adminRoles(ir); // ["admin", "owner"] when owner inherits admin
 */
export function adminRoles(ir: IR): string[] {
  return [ADMIN_ROLE, ...ir.roles.filter((r) => r.name !== ADMIN_ROLE && r.inherits.includes(ADMIN_ROLE)).map((r) => r.name)];
}

/** Whether these roles (as granted, before inheritance) include `admin`. */
export const isAdmin = (ir: IR, roles: readonly string[]): boolean => expandRoles(ir, roles).includes(ADMIN_ROLE);
