/**
 * `/health` and `/ready`: is the process up, and can it serve (the database answers, the server
 * is not shutting down)? Load balancers route by /ready; orchestrators restart by /health.
 */
import { sql } from "kysely";
import type { Database } from "../db/create-database.ts";
import { unavailable, type WeaveError } from "../server/errors.ts";

/** How long /ready waits for `select 1` by default. */
export const READY_TIMEOUT_MS = 2000;

/**
 * Why the server is not ready, or undefined when it is.
 *
 * @example
 *   const problem = await readiness(database, { timeoutMs: 2000 });
 *   if (problem) throw problem; // 503 problem+json
 */
export async function readiness(database: Database, options: { timeoutMs?: number; draining?: () => boolean; production?: boolean } = {}): Promise<WeaveError | undefined> {
  if (options.draining?.()) return unavailable("the server is shutting down");
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const answer = await Promise.race([sql`select 1`.execute(database.kysely).then(() => "ok" as const), timeout]);
    return answer === "ok" ? undefined : unavailable(`the database did not answer within ${timeoutMs} ms`);
  } catch (error) {
    // The message says why (refused, authentication, no such database); production keeps host names to itself.
    if (options.production) return unavailable("the database cannot be reached");
    return unavailable(`the database cannot be reached: ${(error as Error)?.message ?? String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
