/**
 * Lowered SQL kept between requests: a piece of a statement (a select list, the `_can` columns)
 * that comes out the same for the same key, with the parameters it pushed. A hit pushes those
 * parameters again, so the placeholders it holds stay right; the key must say where in the
 * statement it lands (the parameter count before it).
 */
import type { SqlBuilder } from "./sql-builder.ts";

const MAX_ENTRIES = 1024;

export type LoweredCache<T> = Map<string, { readonly value: T; readonly parameters: readonly unknown[] }>;

/**
 * The cached piece for `key`, or `lower()`'s, kept for next time.
 *
 * @example const sql = lowered(cache, `${alias}|${q.parameters.length}`, q, () => buildList(q, ...));
 */
export function lowered<T>(cache: LoweredCache<T>, key: string, q: SqlBuilder, lower: () => T): T {
  const hit = cache.get(key);
  if (hit) {
    q.parameters.push(...hit.parameters);
    return hit.value;
  }
  const start = q.parameters.length;
  const value = lower();
  if (cache.size >= MAX_ENTRIES) cache.clear(); // many callers or tenants: start over rather than grow
  cache.set(key, { value, parameters: q.parameters.slice(start) });
  return value;
}
