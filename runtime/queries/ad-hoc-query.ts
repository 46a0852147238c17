/**
 * `POST /api/query`: a query built with the DSL (components/client/query-dsl.ts), sent as JSON,
 * checked against the model (an unknown entity, path, operator or aggregate is a 400 naming it),
 * then compiled with the policy engine applied, like every read: the tenant and the read policy of
 * the entity and of every joined relation, and field policies.
 */
import { requireReadPolicy, requireTenant } from "../records/access.ts";
import type { RequestContext } from "../server/context.ts";
import { badRequest } from "../server/errors.ts";
import { LIMITS, parseQueryJson } from "./parse-query-json.ts";
import { runQueryPlan, type QueryResult } from "./run-query.ts";

/**
 * Runs a query sent as JSON.
 *
 * @example await runAdHocQuery(ctx, { from: "Invoice", select: [{ field: "status" }, { agg: "count" }], groupBy: [{ field: "status" }] })
 * // { columns: [{ name: "status", … }, { name: "count", … }], data: [{ status: "draft", count: 2 }, …] }
 * @throws WeaveError 400 for a body that is no query of this model; 403 for an entity without a read policy.
 */
export async function runAdHocQuery(ctx: RequestContext, body: unknown, options: { readonly explain?: boolean } = {}): Promise<QueryResult> {
  const query = parseQueryJson(body);
  const entity = ctx.ir.entities.find((e) => e.name === query.from && !e.generated);
  if (!entity) {
    const names = ctx.ir.entities.filter((e) => !e.generated).map((e) => e.name);
    throw badRequest(`unknown entity ${query.from}: one of ${names.join(", ")}`, [{ path: "/from", message: `unknown entity ${query.from}`, code: "unknownEntity" }]);
  }
  requireTenant(ctx, entity);
  requireReadPolicy(entity);
  return runQueryPlan(ctx, { ...query, entity, limit: query.limit ?? LIMITS.defaultLimit }, options);
}
