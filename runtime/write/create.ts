import { collectionSegment } from "../../compiler/generators/openapi/names.ts";
import { auditChanges } from "../audit/diff.ts";
import { deniedForIdentity } from "../policy/decide.ts";
import { checkFieldWrites } from "../policy/field-writes.ts";
import { requireTenant } from "../records/access.ts";
import { visibleRecord } from "../records/record-json.ts";
import type { RequestContext } from "../server/context.ts";
import { forbidden } from "../server/errors.ts";
import { checkRules, holds, readsRecord } from "./checks.ts";
import { eventTenant, eventType, hook } from "./common.ts";
import { hooksOf } from "./hooks.ts";
import { inputColumns } from "./input.ts";
import { entityOf } from "./model.ts";
import { currentRecord } from "./rows.ts";
import { runWrite, type WriteResult } from "./session.ts";
import { insertRow } from "./statements.ts";
import { recordHeaders } from "./versions.ts";

export interface CreateOptions {
  /** The `Idempotency-Key` header. */
  readonly idempotencyKey?: string;
}

/**
 * `POST /api/<entities>`: creates a record in one transaction: hooks, the `create` policy (in SQL:
 * before the insert when it does not read `record`, else on the inserted row), the insert, the
 * rules, the audit entry; publishes `<entity>.created` after commit. 201 with the record.
 *
 * @example
 *   await createRecord(ctx, "Invoice", { number: "INV-2026-0001", customer: customerId }, { idempotencyKey: "k-1" });
 *   // { status: 201, body: { id, number: "INV-2026-0001", status: "draft", version: 1, ... },
 *   //   headers: { etag: '"1"', location: "/api/invoices/<id>" } }
 */
export async function createRecord(ctx: RequestContext, entityName: string, body: Readonly<Record<string, unknown>>, options: CreateOptions = {}): Promise<WriteResult> {
  const entity = entityOf(ctx.ir, entityName);
  requireTenant(ctx, entity);
  const idempotency = options.idempotencyKey === undefined ? undefined : { key: options.idempotencyKey, request: `POST /api/${collectionSegment(entity)}`, body };
  return runWrite(ctx, idempotency, async (s) => {
    const denied = () => forbidden(`you may not create ${entity.plural.toLowerCase()}`);
    const policy = entity.policies.create;
    if (!policy || deniedForIdentity(ctx.ir, entity, policy, ctx.identity)) throw denied();
    const early = !readsRecord(s, entity, policy);
    if (early && !(await holds(s, entity, [policy], undefined))) throw denied();
    let input = await hook(s, entity, "beforeValidate", "create", { ...body }, null);
    inputColumns(ctx.ir, entity, input, "create");
    input = await hook(s, entity, "afterValidate", "create", input, null);
    input = await hook(s, entity, "beforePersist", "create", input, null);
    const id = await insertRow(s, entity, inputColumns(ctx.ir, entity, input, "create"));
    if (!early && !(await holds(s, entity, [policy], id))) throw denied();
    await checkFieldWrites(s.trx, ctx, entity, body, id);
    await checkRules(s, entity, id);
    let record = await currentRecord(s, entity, id);
    await hook(s, entity, "afterPersist", "create", input, null, { record });
    if (hooksOf(entity).afterPersist) record = await currentRecord(s, entity, id);
    s.audit({ action: "create", entity: entity.name, recordId: id, changes: auditChanges(entity, null, record) });
    s.emit({ type: eventType(entity, "created"), entity: entity.name, id, tenantId: eventTenant(s, entity), data: { version: record.version } });
    return { status: 201, body: visibleRecord(record), headers: { ...recordHeaders(record), location: `/api/${collectionSegment(entity)}/${entity.id === "none" ? "by-key/" : ""}${id}` } };
  });
}
