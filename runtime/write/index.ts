/**
 * The write side of the generated API: create, update, delete, transitions and actions. Each runs
 * in one request transaction (tenant and user set, so RLS and column defaults apply) with the
 * policies, rules and guards decided in SQL on the row, the app's hooks, the audit entry, and the
 * `Idempotency-Key` replay; events are published only after the commit. Each returns
 * `{ status, body, headers? }` for the route to send; refusals are thrown as WeaveErrors.
 *
 * @example
 *   const created = await createRecord(ctx, "Invoice", body, { idempotencyKey: request.headers.get("idempotency-key") ?? undefined });
 *   const updated = await updateRecord(ctx, "Invoice", id, { due: "2026-03-01" }, { ifMatch: '"1"' });
 *   const sent = await runTransition(ctx, "Invoice", id, "send", {});
 *   const output = await runAction(ctx, "Invoice", "remindOverdue", undefined, { olderThanDays: 14 });
 *   await deleteRecord(ctx, "Invoice", id);
 */
export { runAction, type ActionContext, type ActionHandler, type ActionOptions } from "./action.ts";
export { createRecord, type CreateOptions } from "./create.ts";
export { deleteRecord } from "./delete.ts";
export { HOOK_NAMES, hooksOf, type HookArgs, type HookName } from "./hooks.ts";
export { runTransition, type TransitionOptions } from "./transition.ts";
export { updateRecord, type ConcurrencyOptions } from "./update.ts";
export { expandRoles, expressionVariables, transactionSettings } from "./variables.ts";
export { etagOf, ifMatchVersions } from "./versions.ts";
export type { WriteResult } from "./session.ts";
