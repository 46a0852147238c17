/**
 * The audit log: an append-only, hash-chained record of every write, transition and action
 * (who, tenant, request, entity, record, what changed with personal data masked), written in the
 * request's transaction; `verifyAudit` walks the chain and `listAudit` serves `GET /api/_audit`.
 *
 * @example
 *   const { ok, broken } = await verifyAudit(database);
 *   if (!ok) throw new Error(broken!.message);
 */
export { appendAudit, type AuditAction, type AuditEntry } from "./append.ts";
export { AUDIT_LOCK, auditHash, type AuditContent } from "./chain.ts";
export { canonicalJson, sha256Hex } from "./canonical.ts";
export { auditChanges, isEmptyChange, MASK, type AuditChanges } from "./diff.ts";
export { listAudit, type AuditPage, type AuditQuery, type AuditRecord } from "./list.ts";
export { verifyAudit, type AuditBreak, type AuditVerification } from "./verify.ts";
