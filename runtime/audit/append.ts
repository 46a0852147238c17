/**
 * Appending to `weave_audit` inside the request's transaction, under the chain's advisory lock:
 * the lock is held until commit, so the next writer reads this row's hash as its `prev_hash`.
 */
import { sql, type Transaction } from "kysely";
import type { AuditChanges } from "./diff.ts";
import { atText, AUDIT_LOCK, auditHash, type AuditContent } from "./chain.ts";

/** The `action` column: what kind of write the entry records. */
export type AuditAction = "create" | "update" | "delete" | "transition" | "action" | "admin";

/** One entry to append. */
export interface AuditEntry {
  readonly tenantId: string | null;
  readonly userId: string | null;
  readonly requestId: string | null;
  readonly action: AuditAction;
  readonly entity: string | null;
  readonly recordId: string | null;
  /** The transition's or action's name. */
  readonly name?: string | null;
  readonly changes?: AuditChanges | Readonly<Record<string, unknown>> | null;
}

/**
 * Appends entries to the audit chain, in order. Call it last in a transaction: the lock it takes
 * serialises every audited write until this transaction ends.
 *
 * @example
 *   await appendAudit(trx, [{ tenantId, userId, requestId, action: "update", entity: "Invoice", recordId: id, changes }]);
 */
export async function appendAudit(trx: Transaction<any>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK[0])}, ${sql.lit(AUDIT_LOCK[1])})`.execute(trx);
  const head = await sql<{ prev: string | null; at: string }>`select (select "hash" from "weave_audit" order by "id" desc limit 1) as prev, ${sql.raw(atText("now()"))} as at`.execute(trx);
  let prev = head.rows[0]?.prev ?? null;
  const at = head.rows[0]!.at;
  for (const entry of entries) {
    const content: AuditContent = {
      at,
      tenantId: entry.tenantId?.toLowerCase() ?? null,
      userId: entry.userId?.toLowerCase() ?? null,
      requestId: entry.requestId,
      action: entry.action,
      entity: entry.entity,
      recordId: entry.recordId,
      name: entry.name ?? null,
      // Through JSON, as jsonb will give it back to a verifier.
      changes: entry.changes ? JSON.parse(JSON.stringify(entry.changes)) : null,
    };
    const hash = auditHash(prev, content);
    await sql`insert into "weave_audit" ("at", "tenant_id", "user_id", "request_id", "action", "entity", "record_id", "name", "changes", "prev_hash", "hash")
      values (${at}::text::timestamptz, ${content.tenantId}::uuid, ${content.userId}::uuid, ${content.requestId}, ${content.action}, ${content.entity}, ${content.recordId}, ${content.name},
              ${content.changes === null ? null : JSON.stringify(content.changes)}::text::jsonb, ${prev}, ${hash})`.execute(trx);
    prev = hash;
  }
}
