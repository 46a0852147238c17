/**
 * Events pass the same read policies as the records they are about: a subscriber receives an
 * event only when it may read the record (its entity's `read` policy, decided for the identity or,
 * when it reads the record, in SQL on the row at delivery), and the changed field names of an
 * update leave out fields it may not read. A deleted record can no longer be read: its event
 * reaches a subscriber only when the read policy holds for the identity alone.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { inRequestTransaction, policyVariables } from "../records/access.ts";
import { refCondition } from "../records/record-ref.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext, WeaveEvent } from "../server/context.ts";
import { decideForIdentity } from "./decide.ts";
import { fieldAccess, fieldReadPolicy } from "./field-policies.ts";

/**
 * The event as this subscriber may see it, or undefined when it may not see it at all.
 *
 * @example await eventReadable(viewerCtx, { type: "customer.updated", entity: "Customer", id, data: { fields: ["name", "email"] }, … })
 * // { …, data: { fields: ["name"] } }
 */
export async function eventReadable(ctx: RequestContext, event: WeaveEvent): Promise<WeaveEvent | undefined> {
  const entity = ctx.ir.entities.find((e) => e.name === event.entity);
  if (!entity?.policies.read) return undefined;
  if (entity.tenant && event.tenantId !== ctx.identity.tenantId) return undefined;
  const read = decideForIdentity(ctx.ir, entity, entity.policies.read, ctx.identity);
  if (read === false) return undefined;
  const changed = Array.isArray(event.data.fields) ? (event.data.fields as string[]) : [];
  const perRow = changed.filter((f) => fieldAccess(ctx.ir, entity, f, ctx.identity) === "row");
  if (read === true && perRow.length === 0) return withFields(event, changed.filter((f) => fieldAccess(ctx.ir, entity, f, ctx.identity) === "visible"));
  const row = await readRow(ctx, entity, event.id, read === undefined, perRow);
  if (!row || row.ok !== true) return undefined;
  return withFields(event, changed.filter((f) => fieldAccess(ctx.ir, entity, f, ctx.identity) === "visible" || row[`f${perRow.indexOf(f)}`] === true));
}

/** The read policy and the field markers on the record, in a transaction of the subscriber's identity. */
async function readRow(ctx: RequestContext, entity: IREntity, id: string, policy: boolean, fields: readonly string[]): Promise<Record<string, unknown> | undefined> {
  const q = new SqlBuilder();
  const match = refCondition(q, ctx.ir, entity, id, "t0");
  if (match === undefined) return undefined;
  const lower = (ast: Parameters<SqlBuilder["condition"]>[0]) => `coalesce((${q.condition(ast, { ir: ctx.ir, entity: entity.name, row: "t0", mode: "parameters", variables: policyVariables(ctx.identity) })}), false)`;
  const items = [`${policy ? lower(entity.policies.read!.ast) : "true"} as "ok"`, ...fields.map((f, i) => `${lower(fieldReadPolicy(ctx.ir, entity, f)!.ast)} as ${ident(`f${i}`)}`)];
  const tenant = entity.tenant ? ` and ${columnOf("t0", "tenant_id")} = ${q.param(ctx.identity.tenantId, "uuid")}` : "";
  const where = `${match}${tenant}`;
  const { rows } = await inRequestTransaction(ctx, (trx) => trx.executeQuery<Record<string, unknown>>(q.compile(`select ${items.join(", ")} from ${ident(entity.table)} "t0" where ${where}`)));
  return rows[0];
}

function withFields(event: WeaveEvent, fields: string[]): WeaveEvent {
  if (!Array.isArray(event.data.fields)) return event;
  return { ...event, data: { ...event.data, fields } };
}
