/**
 * What the write operations share: the hook call, the event type, the tenant of an event.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import type { RecordJson } from "../records/record-json.ts";
import { runHook, type HookArgs, type HookName } from "./hooks.ts";
import { camelName } from "./model.ts";
import type { WriteSession } from "./session.ts";

/** Runs one of the entity's hooks in the session's transaction; returns the (possibly changed) input. */
export function hook(
  s: WriteSession,
  entity: IREntity,
  name: HookName,
  operation: HookArgs["operation"],
  input: Record<string, unknown>,
  before: RecordJson | null,
  extra: Pick<HookArgs, "record" | "transition"> = {},
): Promise<Record<string, unknown>> {
  const { ctx, trx } = s;
  return runHook(ctx.options.appDir, { hook: name, operation, entity, input, before, db: trx, identity: ctx.identity, ir: ctx.ir, requestId: ctx.requestId, ...extra });
}

/**
 * `<entity>.<verb>` with the entity in camelCase.
 *
 * @example eventType(invoiceLine, "created"); // "invoiceLine.created"
 */
export const eventType = (entity: IREntity, verb: string): string => `${camelName(entity.name)}.${verb}`;

/** The tenant an event of `entity` belongs to: the request's, for tenant entities. */
export const eventTenant = (s: WriteSession, entity: IREntity): string | null => (entity.tenant ? s.ctx.identity.tenantId : null);

/** The body without `version`, which names the version read, not a value to write. */
export function withoutVersion(body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { version: _version, ...rest } = body;
  return rest;
}
