/**
 * The audit log's hash chain. Each row's `hash` is sha256 of the previous row's hash followed by
 * the canonical JSON of the row's content, so changing a row breaks its own hash, and deleting
 * one breaks the `prev_hash` link of the row after it.
 */
import { canonicalJson, sha256Hex } from "./canonical.ts";

/** The two-int advisory lock (`"weav"`, `"audt"` in ASCII) that orders appends to the chain. */
export const AUDIT_LOCK = [2003132790, 1635083380] as const;

/**
 * SQL for a timestamptz as the chain hashes `at`: UTC to the microsecond, the way Postgres stores
 * it, so the text the writer hashed is the text a verifier reads back.
 *
 * @example atText("now()"); // `to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
 */
export const atText = (value: string): string => `to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What the hash covers: every column but `id`, `prev_hash` and `hash` themselves. */
export interface AuditContent {
  readonly at: string;
  readonly tenantId: string | null;
  readonly userId: string | null;
  readonly requestId: string | null;
  readonly action: string;
  readonly entity: string | null;
  readonly recordId: string | null;
  readonly name: string | null;
  readonly changes: unknown;
}

/**
 * The hash of a row, given the hash of the row before it (null for the first row).
 *
 * @example auditHash(null, content); // "9f86d0…"
 */
export function auditHash(prevHash: string | null, content: AuditContent): string {
  const { at, tenantId, userId, requestId, action, entity, recordId, name, changes } = content;
  return sha256Hex((prevHash ?? "") + canonicalJson({ at, tenantId, userId, requestId, action, entity, recordId, name, changes: changes ?? null }));
}
