/**
 * Walking the audit chain from its first row: every row's hash must follow from its content and
 * its `prev_hash`, and every `prev_hash` must be the hash of the row before it.
 */
import { sql } from "kysely";
import type { Database } from "../db/index.ts";
import { atText, auditHash } from "./chain.ts";

/** Where the chain breaks. */
export interface AuditBreak {
  /** The first row that does not verify. */
  readonly id: string;
  /** `changed`: the row's content does not give its hash. `unlinked`: its prev_hash is not the hash of the row before (a row was deleted or rewritten). */
  readonly reason: "changed" | "unlinked";
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Rows read (up to and including the first broken one). */
  readonly rows: number;
  /** The last row that verified, and its hash: keep them to notice a truncated tail later. */
  readonly last?: { readonly id: string; readonly hash: string };
  readonly broken?: AuditBreak;
}

interface AuditRow {
  id: string;
  at: string;
  tenant_id: string | null;
  user_id: string | null;
  request_id: string | null;
  action: string;
  entity: string | null;
  record_id: string | null;
  name: string | null;
  changes: unknown;
  prev_hash: string | null;
  hash: string;
}

const BATCH = 1000;

/**
 * Verifies the whole chain and reports the first broken link. Ids may have gaps (a rolled-back
 * transaction uses up its identity value): only the hashes tell a deleted row. Removing rows from
 * the end leaves a valid, shorter chain; compare `last` with a copy kept elsewhere to notice that.
 *
 * @example
 *   const result = await verifyAudit(database);
 *   if (!result.ok) console.error(result.broken!.message); // "audit row 17 was changed: …"
 */
export async function verifyAudit(database: Database): Promise<AuditVerification> {
  let previous: { id: string; hash: string } | undefined;
  let rows = 0;
  for (;;) {
    const batch = await readBatch(database, previous?.id);
    for (const row of batch) {
      rows++;
      const broken = check(row, previous);
      if (broken) return { ok: false, rows, ...(previous ? { last: previous } : {}), broken };
      previous = { id: row.id, hash: row.hash };
    }
    if (batch.length < BATCH) return { ok: true, rows, ...(previous ? { last: previous } : {}) };
  }
}

function check(row: AuditRow, previous: { id: string; hash: string } | undefined): AuditBreak | undefined {
  const expected = previous?.hash ?? null;
  if (row.prev_hash !== expected) {
    const after = previous ? `the hash of row ${previous.id} before it` : "empty, as the first row's";
    return { id: row.id, reason: "unlinked", message: `audit row ${row.id} does not follow the chain: its prev_hash is not ${after}; a row before it was deleted or rewritten` };
  }
  const content = {
    at: row.at,
    tenantId: row.tenant_id,
    userId: row.user_id,
    requestId: row.request_id,
    action: row.action,
    entity: row.entity,
    recordId: row.record_id,
    name: row.name,
    changes: row.changes,
  };
  if (auditHash(row.prev_hash, content) !== row.hash) return { id: row.id, reason: "changed", message: `audit row ${row.id} was changed: its content does not give its hash` };
  return undefined;
}

async function readBatch(database: Database, after: string | undefined): Promise<AuditRow[]> {
  const { rows } = await sql<AuditRow>`
    select "id"::text as id, ${sql.raw(atText('"at"'))} as at, "tenant_id"::text as tenant_id, "user_id"::text as user_id, "request_id", "action",
           "entity", "record_id", "name", "changes", "prev_hash", "hash"
    from "weave_audit" where "id" > ${after ?? "0"}::bigint order by "id" limit ${sql.lit(BATCH)}`.execute(database.kysely);
  return rows;
}
