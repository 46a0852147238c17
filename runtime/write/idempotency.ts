/**
 * `Idempotency-Key` on POST: the first response to a key is stored in `weave_idempotency` in the
 * same transaction as the write, and replayed for a retry with the same body. The claim is an
 * INSERT … ON CONFLICT DO NOTHING on the (scope, key) primary key, so a concurrent duplicate waits
 * for the first transaction: after its commit it finds the stored response and replays it; after
 * its rollback it claims the key itself. Exactly one of them writes.
 */
import { sql, type Transaction } from "kysely";
import { canonicalJson, sha256Hex } from "../audit/canonical.ts";
import type { Identity } from "../server/context.ts";
import { badRequest, unprocessable } from "../server/errors.ts";

/** A stored (or to be stored) response. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What identifies one idempotent request. */
export interface IdempotencyClaim {
  readonly key: string;
  /** The tenant, the user, the method and the path: a key means nothing outside them. */
  readonly scope: string;
  /** sha256 of the canonical JSON of the body. */
  readonly requestHash: string;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The claim for a request, or a 400 for a key that is empty, too long or not printable ASCII.
 *
 * @example idempotencyClaim("k-1", identity, "POST /api/invoices", body).scope; // "<tenant> <user> POST /api/invoices"
 */
export function idempotencyClaim(key: string, identity: Identity, request: string, body: unknown): IdempotencyClaim {
  if (!KEY.test(key)) throw badRequest("Idempotency-Key must be 1 to 255 printable ASCII characters", [{ path: "/headers/Idempotency-Key", message: "not a valid key" }]);
  const scope = `${identity.tenantId ?? "-"} ${identity.userId ?? "-"} ${request}`;
  return { key, scope, requestHash: sha256Hex(canonicalJson(body ?? null)) };
}

/**
 * Claims the key in `trx`: undefined when this request is the first (do the work, then
 * `storeResponse`), else the stored response to replay. The same key with another body is a 422.
 */
export async function claimKey(trx: Transaction<any>, claim: IdempotencyClaim): Promise<StoredResponse | undefined> {
  const inserted = await sql`insert into "weave_idempotency" ("key", "scope", "request_hash", "status") values (${claim.key}, ${claim.scope}, ${claim.requestHash}, 0)
    on conflict do nothing returning "key"`.execute(trx);
  if (inserted.rows.length > 0) return undefined;
  const { rows } = await sql<{ request_hash: string; status: number; body: unknown }>`select "request_hash", "status", "body" from "weave_idempotency"
    where "scope" = ${claim.scope} and "key" = ${claim.key}`.execute(trx);
  const stored = rows[0];
  // Gone between the two statements (a cleanup job): nothing to replay, and the key is free again.
  if (!stored) return claimKey(trx, claim);
  if (stored.request_hash !== claim.requestHash) {
    throw unprocessable("this Idempotency-Key was used with another request body", [{ path: "/headers/Idempotency-Key", message: "already used with another body", code: "idempotencyKeyReused" }]);
  }
  return { status: stored.status, body: stored.body };
}

/** Stores the response of a claimed key, in the same transaction as the write. */
export async function storeResponse(trx: Transaction<any>, claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
  await sql`update "weave_idempotency" set "status" = ${response.status}, "body" = ${response.body === undefined ? null : JSON.stringify(response.body)}::text::jsonb
    where "scope" = ${claim.scope} and "key" = ${claim.key}`.execute(trx);
}
