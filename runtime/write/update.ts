import { auditChanges } from "../audit/diff.ts";
import { checkFieldWrites } from "../policy/field-writes.ts";
import { requireTenant } from "../records/access.ts";
import { visibleRecord } from "../records/record-json.ts";
import { recordRef } from "../records/record-ref.ts";
import type { RequestContext } from "../server/context.ts";
import { forbidden } from "../server/errors.ts";
import { checkRules, holds } from "./checks.ts";
import { eventTenant, eventType, hook, withoutVersion } from "./common.ts";
import { hooksOf } from "./hooks.ts";
import { inputColumns } from "./input.ts";
import { entityOf } from "./model.ts";
import { currentRecord, lockRecord } from "./rows.ts";
import { runWrite, type WriteResult } from "./session.ts";
import { updateRow } from "./statements.ts";
import { checkVersion, recordHeaders } from "./versions.ts";

export interface ConcurrencyOptions {
  /** The `If-Match` header: the version the client read, as an ETag (`"3"`). */
  readonly ifMatch?: string;
}

/**
 * `PATCH /api/<entities>/:id`: changes the fields given. The row is locked, its version checked
 * (`If-Match` or `version` in the body; 412 when it moved on), the `update` policy decided in SQL
 * on the row as stored (403), the rules checked on the row as written (422, rolled back). Bumps the
 * version; audits the changed fields; publishes `<entity>.updated` after commit.
 *
 * @example
 *   await updateRecord(ctx, "Invoice", id, { due: "2026-03-01", version: 1 });
 *   // { status: 200, body: { …, due: "2026-03-01", version: 2 }, headers: { etag: '"2"' } }
 */
export async function updateRecord(ctx: RequestContext, entityName: string, id: string, body: Readonly<Record<string, unknown>>, options: ConcurrencyOptions = {}): Promise<WriteResult> {
  const entity = entityOf(ctx.ir, entityName);
  requireTenant(ctx, entity);
  return runWrite(ctx, undefined, async (s) => {
    const before = await lockRecord(s, entity, id);
    const recordId = recordRef(entity, before);
    if (!(await holds(s, entity, [entity.policies.update], recordId))) throw forbidden(`you may not change this ${entity.label.toLowerCase()}`);
    checkVersion(before, options.ifMatch, body.version);
    await checkFieldWrites(s.trx, ctx, entity, withoutVersion(body), recordId);
    let input = await hook(s, entity, "beforeValidate", "update", withoutVersion(body), before);
    inputColumns(ctx.ir, entity, input, "update");
    input = await hook(s, entity, "afterValidate", "update", input, before);
    input = await hook(s, entity, "beforePersist", "update", input, before);
    await updateRow(s, entity, recordId, inputColumns(ctx.ir, entity, input, "update"));
    await checkRules(s, entity, recordId);
    let record = await currentRecord(s, entity, recordId);
    await hook(s, entity, "afterPersist", "update", input, before, { record });
    if (hooksOf(entity).afterPersist) record = await currentRecord(s, entity, recordId);
    const changes = auditChanges(entity, before, record);
    s.audit({ action: "update", entity: entity.name, recordId, changes });
    s.emit({ type: eventType(entity, "updated"), entity: entity.name, id: recordId, tenantId: eventTenant(s, entity), data: { version: record.version, fields: Object.keys(changes.after ?? {}) } });
    return { status: 200, body: visibleRecord(record), headers: recordHeaders(record) };
  });
}
