import { type Kysely, sql } from "kysely";
import { tooManyRequests } from "../server/errors.ts";

/**
 * Counts one attempt under each key in fixed windows stored in `weave_rate_limits`, so every app
 * instance on the database shares the counters; when any key is over `limit` in its window, throws
 * a 429 with Retry-After (seconds to the window's end). The attempt counts even when refused, so
 * hammering does not reopen the window.
 *
 * @example await hitRateLimit(db, ["login:ip:203.0.113.7", "login:account:ann@x.test"], { limit: 10, windowSeconds: 900 });
 */
export async function hitRateLimit(db: Kysely<any>, keys: readonly string[], rule: { limit: number; windowSeconds: number }, now = Date.now()): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now / windowMs) * windowMs);
  let over = false;
  for (const key of keys) {
    const { rows } = await sql<{ count: number }>`
      insert into weave_rate_limits (key, window_start, count) values (${key}, ${start.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = weave_rate_limits.count + 1
      returning count`.execute(db);
    if (Number(rows[0]?.count) > rule.limit) over = true;
  }
  // Old windows are never read again; sweeping now and then keeps the table small.
  if (Math.random() < 0.01) await sql`delete from weave_rate_limits where window_start < ${new Date(now - 2 * windowMs).toISOString()}::timestamptz`.execute(db);
  if (over) {
    const retryAfter = Math.max(1, Math.ceil((start.getTime() + windowMs - now) / 1000));
    throw tooManyRequests(`too many attempts; try again in ${retryAfter} seconds`, undefined, { "retry-after": String(retryAfter) });
  }
}
