/**
 * No mass assignment: a body that names a field whose `policies.fields.<field>.write` does not
 * hold is a 403 naming each such field. Decided in SQL inside the write's transaction: on the row
 * before the change (update), or on the inserted row (create: the new values), so a refusal rolls
 * the insert back.
 */
import type { IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { policyVariables } from "../records/access.ts";
import { recordField } from "../records/record-fields.ts";
import { refCondition } from "../records/record-ref.ts";
import { ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { forbidden } from "../server/errors.ts";
import type { Transaction } from "kysely";
import { decideForIdentity } from "./decide.ts";
import { fieldWritePolicy } from "./field-policies.ts";

/** The fields of a body that carry a write policy (`<money>Currency` counts as its money field). */
export function policedFields(ctx: Pick<RequestContext, "ir">, entity: IREntity, body: Readonly<Record<string, unknown>>): { name: string; policy: IRExpression }[] {
  const found: { name: string; policy: IRExpression }[] = [];
  for (const key of Object.keys(body)) {
    if (body[key] === undefined) continue;
    const name = !recordField(ctx.ir, entity, key) && key.endsWith("Currency") ? key.slice(0, -"Currency".length) : key;
    const policy = fieldWritePolicy(entity, name);
    if (policy && !found.some((f) => f.name === name)) found.push({ name, policy });
  }
  return found;
}

/**
 * Throws 403 `fieldWrite` naming every field of `body` the caller may not write on row `id`.
 *
 * @example await checkFieldWrites(trx, ctx, customer, { email: "x@y.test" }, id);
 * // 403 { errors: [{ path: "/email", code: "fieldWrite", message: "you may not write email" }] }
 */
export async function checkFieldWrites(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, body: Readonly<Record<string, unknown>>, id: string): Promise<void> {
  const fields = policedFields(ctx, entity, body);
  if (fields.length === 0) return;
  const q = new SqlBuilder();
  const items: string[] = [];
  const denied: string[] = [];
  fields.forEach(({ name, policy }, i) => {
    const decided = decideForIdentity(ctx.ir, entity, policy, ctx.identity);
    if (decided === false) denied.push(name);
    else if (decided === undefined) {
      const sql = q.condition(policy.ast, { ir: ctx.ir, entity: entity.name, row: "t0", mode: "parameters", variables: policyVariables(ctx.identity) });
      items.push(`coalesce((${sql}), false) as ${ident(`f${i}`)}`);
    }
  });
  if (items.length > 0) {
    const text = `select ${items.join(", ")} from ${ident(entity.table)} ${ident("t0")} where ${refCondition(q, ctx.ir, entity, id, "t0") ?? "false"}`;
    const { rows } = await trx.executeQuery<Record<string, boolean>>(q.compile(text));
    fields.forEach(({ name }, i) => {
      if (`f${i}` in (rows[0] ?? {}) && rows[0]![`f${i}`] !== true) denied.push(name);
    });
  }
  if (denied.length === 0) return;
  const ordered = fields.map((f) => f.name).filter((n) => denied.includes(n));
  throw forbidden(`you may not write ${ordered.join(", ")}`, ordered.map((name) => ({ path: `/${name}`, message: `you may not write ${name}`, code: "fieldWrite" })));
}
