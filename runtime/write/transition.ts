import { collectionSegment } from "../../compiler/generators/openapi/names.ts";
import type { ExprAst } from "../../compiler/generators/sql/expr/index.ts";
import type { IREntity } from "../../compiler/ir/index.ts";
import { auditChanges } from "../audit/diff.ts";
import { sealColumn } from "../crypto/fields.ts";
import { transitionPolicies } from "../policy/operation-policies.ts";
import { requireTenant } from "../records/access.ts";
import { visibleRecord } from "../records/record-json.ts";
import { recordRef } from "../records/record-ref.ts";
import { recordField, type RecordField } from "../records/record-fields.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { conflict, forbidden, unprocessable } from "../server/errors.ts";
import { checkRules, holds, lowerContext } from "./checks.ts";
import { eventTenant, eventType, hook } from "./common.ts";
import { hooksOf } from "./hooks.ts";
import { entityOf, transitionOf } from "./model.ts";
import type { ColumnValue } from "./input.ts";
import { currentRecord, lockRecord, rowCondition } from "./rows.ts";
import { runWrite, type WriteResult, type WriteSession } from "./session.ts";
import { updateRow } from "./statements.ts";
import { checkVersion, recordHeaders } from "./versions.ts";

type Transition = IREntity["states"][number]["transitions"][number];

export interface TransitionOptions {
  /** The `Idempotency-Key` header. */
  readonly idempotencyKey?: string;
  /** The `If-Match` header. */
  readonly ifMatch?: string;
}

/**
 * `POST /api/<entities>/:id/transitions/<name>`: moves the record's state machine in one
 * transaction: the row locked; `allow` (default: the `update` policy; ANDed with
 * `policies.transitions.<name>`) decided in SQL on the row (403); `If-Match` or the body's
 * `version` checked (412); the state checked against `from` (409 naming the current state and
 * where the transition starts); the `guard` decided in SQL (422); then the state and the `set`
 * effects written in one UPDATE whose expressions read the record as it was, the version bumped,
 * the rules checked (422), the audit entry written. After commit it publishes
 * `<entity>.transitioned` and each `emit` effect as `<entity>.<event>`. 200 with the record.
 * Nothing of the body but `version` is read.
 *
 * @example
 *   await runTransition(ctx, "Invoice", id, "send", {});
 *   // { status: 200, body: { …, status: "sent", sentAt: "2026-…", version: 3 } }; events: invoice.transitioned, invoice.invoiceSent
 */
export async function runTransition(ctx: RequestContext, entityName: string, id: string, transitionName: string, body: Readonly<Record<string, unknown>> = {}, options: TransitionOptions = {}): Promise<WriteResult> {
  const entity = entityOf(ctx.ir, entityName);
  requireTenant(ctx, entity);
  const { machine, transition } = transitionOf(entity, transitionName);
  const idempotency = options.idempotencyKey === undefined ? undefined : { key: options.idempotencyKey, request: `POST /api/${collectionSegment(entity)}/${id}/transitions/${transition.name}`, body };
  return runWrite(ctx, idempotency, async (s) => {
    const before = await lockRecord(s, entity, id);
    const recordId = recordRef(entity, before);
    if (!(await allowed(s, entity, transition, recordId))) throw forbidden(`you may not ${transition.name} this ${entity.label.toLowerCase()}`);
    checkVersion(before, options.ifMatch, body.version);
    const from = before[machine.field] as string | null;
    if (from === null || !transition.from.includes(from)) {
      throw conflict(`cannot ${transition.name} this ${entity.label.toLowerCase()}: it is ${from === null ? "in no state" : `'${from}'`}, and ${transition.name} starts from ${transition.from.map((f) => `'${f}'`).join(" or ")}`, [
        { path: `/${machine.field}`, message: `is '${from}'; ${transition.name} needs ${transition.from.join(" or ")}`, code: "state" },
      ]);
    }
    if (transition.guard && !(await holds(s, entity, [transition.guard], recordId))) {
      throw unprocessable(`cannot ${transition.name} this ${entity.label.toLowerCase()} now: ${transition.guard.source} does not hold`, [{ path: "/", message: transition.guard.source, code: "guard" }]);
    }
    await hook(s, entity, "beforePersist", "transition", {}, before, { transition: transition.name });
    await applyTransition(s, entity, recordId, machine.field, transition);
    await checkRules(s, entity, recordId);
    let record = await currentRecord(s, entity, recordId);
    await hook(s, entity, "afterPersist", "transition", {}, before, { record, transition: transition.name });
    if (hooksOf(entity).afterPersist) record = await currentRecord(s, entity, recordId);
    s.audit({ action: "transition", entity: entity.name, recordId, name: transition.name, changes: auditChanges(entity, before, record) });
    const tenantId = eventTenant(s, entity);
    s.emit({ type: eventType(entity, "transitioned"), entity: entity.name, id: recordId, tenantId, data: { version: record.version, transition: transition.name, from, to: transition.to } });
    for (const effect of transition.effects) {
      if (effect.kind === "emit") s.emit({ type: eventType(entity, effect.event), entity: entity.name, id: recordId, tenantId, data: { transition: transition.name } });
    }
    return { status: 200, body: visibleRecord(record), headers: recordHeaders(record) };
  });
}

/** `allow` (default: the update policy) and the entity's `policies.transitions.<name>`, both on the row. */
function allowed(s: WriteSession, entity: IREntity, transition: Transition, id: string): Promise<boolean> {
  const policies = transitionPolicies(entity, transition);
  return policies ? holds(s, entity, policies, id) : Promise.resolve(false);
}

/** The state and every `set` effect in one UPDATE: the effects' expressions read the row as it was. */
async function applyTransition(s: WriteSession, entity: IREntity, id: string, stateField: string, transition: Transition): Promise<void> {
  const q = new SqlBuilder();
  const ctx = lowerContext(s, entity);
  const sets: string[] = [];
  const sealed: ColumnValue[] = [];
  for (const effect of transition.effects) {
    if (effect.kind !== "set") continue;
    const field = recordField(s.ctx.ir, entity, effect.field);
    if (field?.source !== "column") throw new Error(`weave: transition ${entity.name}.${transition.name} sets ${effect.field}, which has no column`);
    if (field.field.encrypted) sealed.push(await sealedEffect(s, entity, id, field, effect.value.ast));
    else sets.push(`${ident(field.column)} = (${q.expression(effect.value.ast, ctx)})::${field.scalar.cast}`);
  }
  const state = recordField(s.ctx.ir, entity, stateField);
  if (state?.source !== "column") throw new Error(`weave: state field ${entity.name}.${stateField} has no column`);
  sets.unshift(`${ident(state.column)} = ${q.param(transition.to, "text")}`);
  await updateRow(s, entity, id, sealed, q, sets);
}

/**
 * An effect's value for an encrypted field: evaluated by the database on the row as it is (the
 * UPDATE has not run yet), then sealed here, as a request's value would be.
 */
async function sealedEffect(s: WriteSession, entity: IREntity, id: string, field: RecordField & { source: "column" }, ast: ExprAst): Promise<ColumnValue> {
  const q = new SqlBuilder();
  const value = `((${q.expression(ast, lowerContext(s, entity))})::${field.scalar.cast})::text`;
  const { rows } = await s.trx.executeQuery<{ v: string | null }>(q.compile(`select ${value} as v from ${ident(entity.table)} as ${ident("t0")} where ${rowCondition(q, s, entity, id)}`));
  const text = rows[0]?.v ?? null;
  const parsed = text === null ? null : field.scalar.kind === "int" ? Number(text) : field.scalar.kind === "boolean" ? text === "true" : text;
  return { column: field.column, value: sealColumn(entity, field.field, parsed, { json: field.scalar.kind === "json" }), cast: "text" };
}
