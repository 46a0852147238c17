import { type Kysely, sql } from "kysely";
import type { Quota } from "../../compiler/ir/index.ts";
import type { Identity } from "../server/context.ts";
import { tooManyRequests } from "../server/errors.ts";

/** `ir.app.quotas`: at most one quota per scope. */
export interface Quotas {
  readonly perUser?: Quota;
  readonly perTenant?: Quota;
  readonly anonymous?: Quota;
}

/** The headers of a counted answer: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`. */
export type QuotaHeaders = Record<string, string>;

/**
 * Whether a request counts against the API quotas: every /api request but sign-in, which has its
 * own per-address and per-account limits (rate-limit.ts). /health, /ready and /metrics are not
 * under /api.
 *
 * @example countsAgainstQuota("/api/invoices"); // true
 */
export function countsAgainstQuota(path: string): boolean {
  return path.startsWith("/api/") && !path.startsWith("/api/auth/");
}

/**
 * Counts one request against every quota that applies to `identity` (the user's and the tenant's,
 * or the client address's when anonymous), in one statement on `weave_rate_limits`, so every app
 * instance on the database shares the counters. Returns the headers for the tightest quota; when
 * any quota is exceeded, throws a 429 carrying them and `Retry-After`. A refused request still
 * counts, so hammering does not reopen the window.
 *
 * @example
 *   const headers = await hitQuotas(db, { perUser: { requests: 1000, perSeconds: 3600 } }, identity, "203.0.113.7");
 *   // { "ratelimit-limit": "1000", "ratelimit-remaining": "999", "ratelimit-reset": "1800" }
 */
export async function hitQuotas(db: Kysely<any>, quotas: Quotas, identity: Identity, address: string, now = Date.now()): Promise<QuotaHeaders | undefined> {
  const counters = countersFor(quotas, identity, address, now);
  if (counters.length === 0) return undefined;
  const rows = sql.join(counters.map((c) => sql`(${c.key}, ${new Date(c.start).toISOString()}::timestamptz, 1)`));
  const { rows: counts } = await sql<{ key: string; count: number }>`
    insert into weave_rate_limits (key, window_start, count) values ${rows}
    on conflict (key, window_start) do update set count = weave_rate_limits.count + 1
    returning key, count`.execute(db);
  const states = counters.map((c) => {
    const count = Number(counts.find((r) => r.key === c.key)?.count ?? 1);
    return { ...c, count, remaining: c.quota.requests - count, reset: Math.max(1, Math.ceil((c.start + c.quota.perSeconds * 1000 - now) / 1000)) };
  });
  const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  const headers: QuotaHeaders = {
    "ratelimit-limit": String(tightest.quota.requests),
    "ratelimit-remaining": String(Math.max(0, tightest.remaining)),
    "ratelimit-reset": String(tightest.reset),
  };
  const over = states.filter((s) => s.remaining < 0);
  if (over.length > 0) {
    // Every exceeded quota must have reopened before a retry can succeed.
    const retryAfter = Math.max(...over.map((s) => s.reset));
    throw tooManyRequests(`the ${over.map((s) => s.scope).join(" and ")} quota is used up; try again in ${retryAfter} seconds`, undefined, { ...headers, "retry-after": String(retryAfter) });
  }
  return headers;
}

interface Counter {
  readonly scope: string;
  readonly key: string;
  readonly start: number;
  readonly quota: Quota;
}

function countersFor(quotas: Quotas, identity: Identity, address: string, now: number): Counter[] {
  const counters: Counter[] = [];
  const add = (scope: string, quota: Quota | undefined, id: string) => {
    if (!quota) return;
    const windowMs = quota.perSeconds * 1000;
    counters.push({ scope, key: `quota:${scope}:${id}`, start: Math.floor(now / windowMs) * windowMs, quota });
  };
  if (identity.userId !== null) add("user", quotas.perUser, identity.userId);
  else add("anonymous", quotas.anonymous, address);
  if (identity.tenantId !== null) add("tenant", quotas.perTenant, identity.tenantId);
  return counters;
}
