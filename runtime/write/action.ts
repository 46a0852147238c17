import { notImplemented } from "../server/errors.ts";
import type { Transaction } from "kysely";
import { collectionSegment } from "../../compiler/generators/openapi/names.ts";
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { actionDefaults, actionPolicies } from "../policy/operation-policies.ts";
import { requireTenant } from "../records/access.ts";
import { visibleRecord, type RecordJson } from "../records/record-json.ts";
import type { Identity, RequestContext, WeaveEvent } from "../server/context.ts";
import { badRequest, forbidden } from "../server/errors.ts";
import { holds } from "./checks.ts";
import { eventTenant } from "./common.ts";
import { actionOf, camelName, entityOf } from "./model.ts";
import { loadFunction } from "./modules.ts";
import { recordRef } from "../records/record-ref.ts";
import { currentRecord, lockRecord, validRef } from "./rows.ts";
import { runWrite, type WriteResult, type WriteSession } from "./session.ts";

type Action = IREntity["actions"][number];

/** The second argument of an action handler. */
export interface ActionContext {
  /** The record a record-scope action runs on (locked for the transaction); null for a collection action. */
  readonly record: RecordJson | null;
  /** The request's transaction: the handler's writes commit or roll back with the request. */
  readonly db: Transaction<any>;
  readonly identity: Identity;
  readonly ir: IR;
  readonly entity: IREntity;
  readonly requestId: string;
  /** Publishes `<entity>.<type>` after commit (nothing on rollback). */
  emit(type: string, data?: Record<string, unknown>, id?: string): void;
}

/** An action handler module's default export (or `run`). */
export type ActionHandler = (input: Record<string, unknown>, context: ActionContext) => unknown;

export interface ActionOptions {
  /** The `Idempotency-Key` header. */
  readonly idempotencyKey?: string;
}

/**
 * `POST /api/<entities>/:id/actions/<name>` (record scope) and `POST /api/<entities>/actions/<name>`
 * (collection scope): checks `allow` (default: the `update` policy for a record, `create` for the
 * collection; ANDed with `policies.actions.<name>`; 403) in SQL, on the locked record when there is
 * one, then runs the handler (`options.appDir` + `action.handler`, its default export or `run`) in
 * the request's transaction and audits the call. Without a handler, a 501. The output: an entity
 * output is re-read as record JSON (the handler may return the record or its id); named outputs
 * are returned as they are; no output is a 204.
 *
 * @example
 *   await runAction(ctx, "Invoice", "remindOverdue", undefined, { olderThanDays: 14 });
 *   // { status: 200, body: { reminded: 3 } }
 */
export async function runAction(ctx: RequestContext, entityName: string, actionName: string, id: string | undefined, body: Readonly<Record<string, unknown>> = {}, options: ActionOptions = {}): Promise<WriteResult> {
  const entity = entityOf(ctx.ir, entityName);
  requireTenant(ctx, entity);
  const action = actionOf(entity, actionName);
  if (action.scope === "record" && id === undefined) throw badRequest(`${action.name} runs on one ${entity.label.toLowerCase()}: give its id`);
  if (action.scope === "collection" && id !== undefined) throw badRequest(`${action.name} runs on ${entity.plural.toLowerCase()} as a whole, not on one`);
  const path = `/api/${collectionSegment(entity)}${id === undefined ? "" : `/${id}`}/actions/${action.name}`;
  const idempotency = options.idempotencyKey === undefined ? undefined : { key: options.idempotencyKey, request: `POST ${path}`, body };
  const input = actionDefaults(action, body);
  return runWrite(ctx, idempotency, async (s) => {
    const record = id === undefined ? null : await lockRecord(s, entity, id);
    const recordId = record ? recordRef(entity, record) : undefined;
    const policies = actionPolicies(entity, action);
    if (!policies || !(await holds(s, entity, policies, recordId, { action: action.name, input }))) throw forbidden(`you may not ${action.name} ${record ? `this ${entity.label.toLowerCase()}` : entity.plural.toLowerCase()}`);
    if (!action.handler) throw notImplemented("action has no handler");
    const handler = await loadFunction(ctx.options.appDir, action.handler);
    const tenantId = eventTenant(s, entity);
    const emit = (type: string, data: Record<string, unknown> = {}, eventId = recordId ?? "") =>
      s.emit({ type: `${camelName(entity.name)}.${type}`, entity: entity.name, id: eventId, tenantId, data } satisfies Omit<WeaveEvent, "at">);
    const output = await handler(input, { record, db: s.trx, identity: ctx.identity, ir: ctx.ir, entity, requestId: ctx.requestId, emit });
    s.audit({ action: "action", entity: entity.name, recordId: recordId ?? null, name: action.name, changes: { input } });
    if (action.output.kind === "none") return { status: 204, body: null };
    if (action.output.kind === "fields") return { status: 200, body: output ?? {} };
    return { status: 200, body: visibleRecord(await outputRecord(s, entityOf(ctx.ir, action.output.entity), output)) };
  });
}

/** The record an entity output names (by id, or a record with an id) as record JSON, read in the transaction. */
async function outputRecord(s: WriteSession, target: IREntity, output: unknown): Promise<RecordJson | null> {
  const id = typeof output === "string" || typeof output === "number" ? String(output) : typeof output === "object" && output !== null && "id" in output ? String((output as { id: unknown }).id) : undefined;
  if (id === undefined || target.id === "none" || !validRef(s.ctx.ir, target, id)) return (output as RecordJson | null | undefined) ?? null;
  return currentRecord(s, target, id);
}
