/**
 * `GET /api/queries/<name>`: a saved query of the model, run with the caller's rights. Its params
 * come from the URL, typed like fields (a missing required one, an unknown one or a bad value is a
 * 400 naming it) or from their defaults (`today()` included); `allow` must hold (403); then the
 * query compiles to one statement with the entity's tenant and read policy in it, and a selected
 * field the caller may not read is left out.
 */
import { evaluate } from "../../compiler/expr/index.ts";
import type { Expr, IR, IRField } from "../../compiler/ir/index.ts";
import { decideForIdentity } from "../policy/decide.ts";
import { parseScalar } from "../query/scalar-value.ts";
import { Problems } from "../query/problems.ts";
import { policyVariables, requireReadPolicy, requireTenant } from "../records/access.ts";
import { entityNamed, fieldScalar } from "../records/record-fields.ts";
import type { Identity, RequestContext } from "../server/context.ts";
import { forbidden, notFound } from "../server/errors.ts";
import type { ParamValues } from "./condition-sql.ts";
import type { QueryPlan } from "./compile-query.ts";
import { runQueryPlan, type QueryResult } from "./run-query.ts";

/** A saved query of the IR. */
export type SavedQuery = IR["queries"][number];

/** The most rows a saved query without its own `limit` returns. */
export const SAVED_QUERY_LIMIT = 1000;

/**
 * Runs the saved query `name` with the URL's params.
 *
 * @example await runSavedQuery(ctx, "overdueInvoices", new URLSearchParams("asOf=2026-03-01"))
 * // { columns: [{ name: "id", … }, { name: "number", … }, …], data: [{ id, number: "INV-2026-0001", "customer.name": "Acme Corp", … }] }
 * @throws WeaveError 404 for an unknown query, 400 for bad params or a missing tenant, 403 when the caller may not run it.
 */
export async function runSavedQuery(ctx: RequestContext, name: string, search: URLSearchParams, options: { readonly explain?: boolean } = {}): Promise<QueryResult> {
  const query = ctx.ir.queries.find((q) => q.name === name);
  if (!query) throw notFound(`no saved query ${name}`);
  const params = parseParams(ctx.ir, query, search, ctx.identity);
  requireRunnable(ctx, query, params);
  const result = await runQueryPlan(ctx, savedPlan(ctx.ir, query, params), options);
  // The model's labels (an alias gives its own) over the operands' generic ones.
  const labels = new Map((query.columns ?? []).map((c) => [c.name, c.label]));
  return { ...result, columns: result.columns.map((c) => ({ ...c, label: labels.get(c.name) ?? c.label })) };
}

/** The plan of a saved query, as the lowering wrote it into the IR. */
export function savedPlan(ir: IR, query: SavedQuery, params: ParamValues): QueryPlan {
  const entity = entityNamed(ir, query.from);
  const select = (query.columns ?? query.select.map((path) => ({ name: path, value: { field: path } }))).map((c) => ({ ...c.value, as: c.name }));
  return {
    entity,
    select,
    ...(query.where ? { whereExpression: query.where } : {}),
    ...(query.groupBy ? { groupBy: query.groupBy } : {}),
    ...(query.having ? { having: query.having } : {}),
    ...(query.orderBy ? { orderBy: query.orderBy } : {}),
    limit: query.limit ?? SAVED_QUERY_LIMIT,
    saved: { name: query.name, params },
  } as QueryPlan;
}

/** Whether the caller may run `query` with `params`: its `allow`, and a read policy of its entity that does not fail for them. */
export function mayRun(ir: IR, query: SavedQuery, params: ParamValues, identity: Identity): boolean {
  const entity = entityNamed(ir, query.from);
  if (!entity.policies.read || decideForIdentity(ir, entity, entity.policies.read, identity) === false) return false;
  if (!query.allow) return true;
  const variables = { ...policyVariables(identity), params: Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p.value])) };
  try {
    return evaluate(query.allow.ast as Expr, { variables }) === true;
  } catch {
    return false;
  }
}

function requireRunnable(ctx: RequestContext, query: SavedQuery, params: ParamValues): void {
  const entity = entityNamed(ctx.ir, query.from);
  requireTenant(ctx, entity);
  requireReadPolicy(entity);
  if (!mayRun(ctx.ir, query, params, ctx.identity)) throw forbidden(`you may not run ${query.name}`);
}

/**
 * The params of a query from URL text, typed, with defaults for those not given.
 *
 * @example parseParams(ir, overdueInvoices, new URLSearchParams("asOf=2026-02-30"), identity) // 400: asOf: "2026-02-30" is not a date (YYYY-MM-DD)
 */
export function parseParams(ir: IR, query: SavedQuery, search: URLSearchParams, identity: Identity): ParamValues {
  const problems = new Problems();
  const entity = entityNamed(ir, query.from);
  const known = new Set(query.params.map((p) => p.name));
  for (const key of new Set(search.keys())) {
    if (!known.has(key)) problems.add(`/${key}`, `unknown parameter ${key}: ${query.name} takes ${[...known].join(", ") || "none"}`, "unknownParam");
  }
  const values: Record<string, { value: unknown; scalar: ReturnType<typeof fieldScalar> }> = {};
  for (const param of query.params) {
    const scalar = fieldScalar(ir, entity, param);
    const text = search.get(param.name) ?? defaultText(param, identity);
    if (text === undefined) {
      if (param.required) problems.add(`/${param.name}`, `${param.name} is required`, "required");
      values[param.name] = { value: null, scalar };
      continue;
    }
    const parsed = parseScalar(scalar, text);
    if (!parsed.ok) problems.add(`/${param.name}`, parsed.message, "invalidValue");
    else values[param.name] = { value: parsed.value, scalar };
  }
  problems.throwIfAny();
  return values;
}

/** A param's default as URL text: its literal, or its expression evaluated for the caller (`today()`). */
function defaultText(param: IRField, identity: Identity): string | undefined {
  const fallback = param.default;
  if (!fallback) return undefined;
  const value = "value" in fallback ? fallback.value : evaluate(fallback.expr.ast as Expr, { variables: policyVariables(identity) });
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}
