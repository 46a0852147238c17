/**
 * The identity as expressions see it: `user` and `tenant`, with roles expanded by inheritance
 * (`admin` inherits `billing`, so `'billing' in tenant.roles` holds for an admin), and the same
 * values as the transaction settings RLS and column defaults read.
 */
import { expandRoles } from "../server/identity.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext as TransactionSettings } from "../db/index.ts";
import type { Identity } from "../server/context.ts";

/** `ctx.variables` for lowerCondition / lowerExpression. */
export type ExpressionVariables = Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;

/**
 * `user` and `tenant` for an identity. `tenant.member` is true whenever the request names a
 * tenant, as the transaction-setting fallback of the SQL lowering reads it, until memberships
 * exist (the auth issue).
 *
 * @example
 *   expressionVariables(ir, { userId, roles: [], tenantId, tenantRoles: ["admin"] });
 *   // { user: { id: userId, roles: [] }, tenant: { id: tenantId, roles: ["admin", "billing"], member: true } }
 */
export function expressionVariables(ir: IR, identity: Identity): ExpressionVariables {
  return {
    user: { id: identity.userId, roles: expandRoles(ir, identity.roles) },
    tenant: { id: identity.tenantId, roles: expandRoles(ir, identity.tenantRoles), member: identity.tenantId !== null },
  };
}

/** The settings of the request's transaction (`app.tenant_id`, `app.user_id`, roles expanded). */
export function transactionSettings(ir: IR, identity: Identity): TransactionSettings {
  return {
    ...(identity.tenantId ? { tenantId: identity.tenantId } : {}),
    ...(identity.userId ? { userId: identity.userId } : {}),
    roles: expandRoles(ir, identity.roles),
    tenantRoles: expandRoles(ir, identity.tenantRoles),
  };
}

export { expandRoles };
