import { auditChanges } from "../audit/diff.ts";
import { requireTenant } from "../records/access.ts";
import { recordRef } from "../records/record-ref.ts";
import type { RequestContext } from "../server/context.ts";
import { forbidden } from "../server/errors.ts";
import { holds } from "./checks.ts";
import { eventTenant, eventType, hook } from "./common.ts";
import { entityOf } from "./model.ts";
import { lockRecord } from "./rows.ts";
import { runWrite, type WriteResult } from "./session.ts";
import { deleteRow } from "./statements.ts";
import type { ConcurrencyOptions } from "./update.ts";
import { checkVersion } from "./versions.ts";

/**
 * `DELETE /api/<entities>/:id`: locks the row, checks `If-Match`, decides the `delete` policy in
 * SQL on the row (403), deletes it (409 while other records still reference it), audits the
 * record as it was, publishes `<entity>.deleted` after commit. 204.
 *
 * @example await deleteRecord(ctx, "Invoice", id, { ifMatch: '"2"' }); // { status: 204, body: null }
 */
export async function deleteRecord(ctx: RequestContext, entityName: string, id: string, options: ConcurrencyOptions = {}): Promise<WriteResult> {
  const entity = entityOf(ctx.ir, entityName);
  requireTenant(ctx, entity);
  return runWrite(ctx, undefined, async (s) => {
    const before = await lockRecord(s, entity, id);
    const recordId = recordRef(entity, before);
    if (!(await holds(s, entity, [entity.policies.delete], recordId))) throw forbidden(`you may not delete this ${entity.label.toLowerCase()}`);
    checkVersion(before, options.ifMatch, undefined);
    await hook(s, entity, "beforePersist", "delete", {}, before);
    await deleteRow(s, entity, recordId);
    await hook(s, entity, "afterPersist", "delete", {}, before, { record: null });
    s.audit({ action: "delete", entity: entity.name, recordId, changes: auditChanges(entity, before, null) });
    s.emit({ type: eventType(entity, "deleted"), entity: entity.name, id: recordId, tenantId: eventTenant(s, entity), data: { version: before.version } });
    return { status: 204, body: null };
  });
}
