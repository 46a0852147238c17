/**
 * One write request: its transaction (with the request's settings, so RLS and column defaults see
 * who is asking), the idempotency claim, the audit entries appended just before commit, and the
 * events published only after the commit succeeded.
 */
import type { Transaction } from "kysely";
import { appendAudit, type AuditEntry } from "../audit/append.ts";
import { withRequestTransaction } from "../db/index.ts";
import type { RequestContext, WeaveEvent } from "../server/context.ts";
import { WeaveError } from "../server/errors.ts";
import { databaseProblem } from "./database-errors.ts";
import { claimKey, idempotencyClaim, storeResponse } from "./idempotency.ts";
import { etagOf } from "./versions.ts";
import { expressionVariables, transactionSettings, type ExpressionVariables } from "./variables.ts";

/** What a write function returns: the HTTP status, the JSON body, and headers (ETag, replay). */
export interface WriteResult {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The transaction of one write request and what it collects. */
export interface WriteSession {
  readonly ctx: RequestContext;
  readonly trx: Transaction<any>;
  /** `user` and `tenant` for the expression lowering. */
  readonly variables: ExpressionVariables;
  /** Publishes after commit (dropped on rollback). */
  emit(event: Omit<WeaveEvent, "at">): void;
  /** Appended to the audit chain just before commit. */
  audit(entry: Omit<AuditEntry, "tenantId" | "userId" | "requestId">): void;
}

/** An Idempotency-Key and what it is scoped to. */
export interface IdempotencyRequest {
  readonly key: string;
  /** Method and path: `POST /api/invoices/<id>/transitions/send`. */
  readonly request: string;
  readonly body: unknown;
}

/**
 * Runs `fn` in one request transaction; audits, stores the idempotent response, commits, then
 * publishes the events. A Postgres refusal becomes the WeaveError that names the field; any
 * other error rolls back and is rethrown (a 500).
 *
 * @example
 *   return runWrite(ctx, { key, request: "POST /api/invoices", body }, async (s) => ({ status: 201, body: record }));
 */
export async function runWrite(ctx: RequestContext, idempotency: IdempotencyRequest | undefined, fn: (session: WriteSession) => Promise<WriteResult>): Promise<WriteResult> {
  const claim = idempotency ? idempotencyClaim(idempotency.key, ctx.identity, idempotency.request, idempotency.body) : undefined;
  const events: WeaveEvent[] = [];
  const audits: AuditEntry[] = [];
  let outcome: { result: WriteResult; replayed: boolean };
  try {
    outcome = await withRequestTransaction(ctx.database.kysely, transactionSettings(ctx.ir, ctx.identity), async (trx) => {
      if (claim) {
        const stored = await claimKey(trx, claim);
        if (stored) return { result: replay(stored.status, stored.body), replayed: true };
      }
      const session: WriteSession = {
        ctx,
        trx,
        variables: expressionVariables(ctx.ir, ctx.identity),
        emit: (event) => void events.push({ ...event, at: new Date().toISOString() }),
        audit: (entry) => void audits.push({ ...entry, tenantId: ctx.identity.tenantId, userId: ctx.identity.userId, requestId: ctx.requestId }),
      };
      const result = await fn(session);
      await appendAudit(trx, audits);
      if (claim) await storeResponse(trx, claim, result);
      return { result, replayed: false };
    });
  } catch (error) {
    if (error instanceof WeaveError) throw error;
    throw databaseProblem(ctx.ir, error) ?? error;
  }
  if (!outcome.replayed) for (const event of events) ctx.events.publish(event);
  return outcome.result;
}

/** A stored response as replayed: marked, with the ETag of a record body (the table keeps no headers). */
function replay(status: number, body: unknown): WriteResult {
  const version = typeof body === "object" && body !== null ? (body as { version?: unknown }).version : undefined;
  return { status, body, headers: { "idempotent-replayed": "true", ...(version === undefined ? {} : { etag: etagOf(version) }) } };
}
