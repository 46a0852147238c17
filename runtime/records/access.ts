/**
 * Who may read what: the tenant a request must name, the values policies see (`user`, `tenant`),
 * and an entity's `read` policy as a SQL filter. Policies are enforced by rewriting the query
 * (a WHERE on every statement), never by checking rows after the fact.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { withRequestTransaction } from "../db/request-transaction.ts";
import type { Transaction } from "kysely";
import type { Identity, RequestContext } from "../server/context.ts";
import { badRequest, forbidden } from "../server/errors.ts";
import { simplifyForIdentity } from "../policy/decide.ts";
import { and, columnOf, type SqlBuilder } from "./sql-builder.ts";

/**
 * The values of `user` and `tenant` for the expression lowering, from the identity.
 *
 * @example policyVariables({ userId: null, roles: [], tenantId: "…", tenantRoles: ["billing"] })
 * // { user: { id: null, roles: [] }, tenant: { id: "…", roles: ["billing"], member: true } }
 */
export function policyVariables(identity: Identity): Record<string, Record<string, unknown>> {
  return {
    user: { id: identity.userId, roles: [...identity.roles] },
    tenant: { id: identity.tenantId, roles: [...identity.tenantRoles], member: identity.tenantId !== null },
  };
}

/** A tenant entity needs a tenant in the request: a 400 that names the header otherwise. */
export function requireTenant(ctx: RequestContext, entity: IREntity): void {
  if (entity.tenant && ctx.identity.tenantId === null) {
    const header = ctx.ir.app.tenancy.header;
    throw badRequest(`this entity is tenant-scoped: send the ${header} header`, [{ path: `/headers/${header}`, message: "missing", code: "tenantRequired" }]);
  }
}

/** The entity must have a read policy: deny by default (403). */
export function requireReadPolicy(entity: IREntity): void {
  if (!entity.policies.read) throw forbidden(`${entity.plural} cannot be read: ${entity.name} has no read policy`);
}

/**
 * The condition every read of `entity` (row alias `alias`) carries: its tenant (also enforced by
 * row-level security; written out so tenant-first indexes serve it) and its `read` policy.
 * Throws 400 without a tenant and 403 without a read policy.
 *
 * @example
 *   readFilter(q, ctx, invoice, "t0") // '("t0"."tenant_id" = $1::uuid) and ("t0"."owner" = $2::uuid)'
 */
export function readFilter(q: SqlBuilder, ctx: RequestContext, entity: IREntity, alias: string): string {
  requireReadPolicy(entity);
  const tenant = tenantFilter(q, ctx, entity, alias);
  // Role tests are decided here, not in SQL: the planner sees only what the row decides.
  const policy = simplifyForIdentity(ctx.ir, entity, entity.policies.read!, ctx.identity);
  if (policy === false) return "false";
  const condition = policy === true ? undefined : q.condition(policy, { ir: ctx.ir, entity: entity.name, row: alias, mode: "parameters", variables: policyVariables(ctx.identity) });
  return and([tenant, condition]);
}

/**
 * Runs `fn` in the request's transaction: `app.tenant_id`, `app.user_id` and the roles set, so
 * row-level security and column defaults see who is asking.
 */
export function inRequestTransaction<T>(ctx: RequestContext, fn: (trx: Transaction<any>) => Promise<T>): Promise<T> {
  const { tenantId, userId, roles, tenantRoles } = ctx.identity;
  const settings = { roles, tenantRoles, ...(tenantId ? { tenantId } : {}), ...(userId ? { userId } : {}) };
  return withRequestTransaction(ctx.database.kysely, settings, fn);
}

/**
 * Only the tenant condition (400 without a tenant on a tenant entity), for reads that must not
 * apply the read policy, such as returning a record its writer has just changed.
 */
export function tenantFilter(q: SqlBuilder, ctx: RequestContext, entity: IREntity, alias: string): string | undefined {
  requireTenant(ctx, entity);
  return entity.tenant ? `${columnOf(alias, "tenant_id")} = ${q.param(ctx.identity.tenantId, "uuid")}` : undefined;
}
