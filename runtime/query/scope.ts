/**
 * Related collections (`/api/customers/:id/invoices`): the listed entity's rows that belong to one
 * parent through a relation to many. The parent must be visible too (its tenant and read policy):
 * otherwise the collection is a 404, as the parent itself would be.
 */
import type { Transaction } from "kysely";
import type { IREntity } from "../../compiler/ir/index.ts";
import { fieldReadCondition } from "../policy/field-policies.ts";
import { readFilter } from "../records/access.ts";
import { entityNamed, idScalar } from "../records/record-fields.ts";
import { relationJoin, type RelationJoin } from "../records/relations.ts";
import { and, columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { notFound } from "../server/errors.ts";
import { parseScalar } from "./scalar-value.ts";

/** The parent of a related collection, as the route gives it. */
export interface ListScope {
  readonly parentEntity: string;
  readonly parentId: string;
  /** The parent's relation field: `invoices` of Customer. */
  readonly relation: string;
}

/** A scope checked against the model, its id typed. */
export interface ResolvedScope {
  readonly parent: IREntity;
  readonly join: RelationJoin & { kind: "inverse" | "through" };
  readonly id: unknown;
  readonly text: string;
}

/** Checks the scope; a malformed parent id names no record (404). A relation that is not to many is the caller's bug. */
export function resolveScope(ctx: RequestContext, entity: IREntity, scope: ListScope): ResolvedScope {
  const parent = entityNamed(ctx.ir, scope.parentEntity);
  const join = relationJoin(ctx.ir, parent, scope.relation);
  if (!join || (join.kind !== "inverse" && join.kind !== "through") || join.target !== entity) {
    throw new Error(`${parent.name}.${scope.relation} is not a relation from ${parent.name} to many ${entity.plural}`);
  }
  const id = parseScalar(idScalar(parent), scope.parentId);
  if (!id.ok) throw notFound(`no ${parent.name} with id ${scope.parentId}`);
  return { parent, join, id: id.value, text: scope.parentId };
}

/** The rows of the scope, on row `alias`, with the parent's visibility folded in (evaluated once). */
export function scopeSql(q: SqlBuilder, ctx: RequestContext, scope: ResolvedScope, alias: string): string {
  const cast = idScalar(scope.parent).cast;
  const id = q.param(scope.id, cast);
  const { join } = scope;
  const member =
    join.kind === "inverse"
      ? `${columnOf(alias, join.column)} = ${id}`
      : `exists (select 1 from ${ident(join.through.table)} "l1" where ${and([`${columnOf("l1", join.targetColumn)} = ${columnOf(alias, "id")}`, `${columnOf("l1", join.sourceColumn)} = ${id}`, join.through.generated ? undefined : readFilter(q, ctx, join.through, "l1")])})`;
  return and([member, parentVisible(q, ctx, scope, id)]);
}

/** Throws 404 unless the parent is there for this request. Run when a scoped page came back empty. */
export async function requireParent(trx: Transaction<any>, ctx: RequestContext, scope: ResolvedScope): Promise<void> {
  const q = new SqlBuilder();
  const id = q.param(scope.id, idScalar(scope.parent).cast);
  const { rows } = await trx.executeQuery(q.compile(`select ${parentVisible(q, ctx, scope, id)} as "found"`));
  if (!(rows[0] as { found?: boolean } | undefined)?.found) throw notFound(`no ${scope.parent.name} with id ${scope.text}`);
}

/** The parent is readable, and so is its relation field (a related list under a field read policy the caller fails is a 404). */
function parentVisible(q: SqlBuilder, ctx: RequestContext, scope: ResolvedScope, id: string): string {
  const parent = scope.parent;
  const field = fieldReadCondition(q, ctx, parent, scope.join.field.name, "p1");
  return `exists (select 1 from ${ident(parent.table)} "p1" where ${and([`${columnOf("p1", "id")} = ${id}`, readFilter(q, ctx, parent, "p1"), field])})`;
}
