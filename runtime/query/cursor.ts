/**
 * `page[after]` cursors: opaque base64url JSON of the order they belong to and the sort values of
 * the last row of a page (as text, exactly as the database wrote them, so datetimes keep their
 * microseconds). Decoding validates every value by its key's type: a tampered cursor is a 400,
 * never a database error.
 */
import type { SortKey } from "./list-query.ts";
import { parseScalar } from "./scalar-value.ts";
import { sortSignature } from "./parse-sort.ts";

const MAX_LENGTH = 8192;

/**
 * @example encodeCursor(keys, ["2026-02-01", "0b6c…"]) // "eyJzIjoiLWR1ZSxpZCIsInYiOlsi…"
 */
export function encodeCursor(keys: readonly SortKey[], values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify({ s: sortSignature(keys), v: values })).toString("base64url");
}

export type DecodedCursor = { readonly ok: true; readonly values: readonly (string | null)[] } | { readonly ok: false; readonly message: string };

/** The sort values in a cursor, checked against the order of this request. */
export function decodeCursor(text: string, keys: readonly SortKey[]): DecodedCursor {
  const bad = (why: string): DecodedCursor => ({ ok: false, message: `not a cursor of this list (${why}): use page.after from a response` });
  if (text.length > MAX_LENGTH || !/^[A-Za-z0-9_-]*$/.test(text)) return bad("malformed");
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return bad("malformed");
  }
  const { s, v } = (cursor ?? {}) as { s?: unknown; v?: unknown };
  if (typeof s !== "string" || !Array.isArray(v)) return bad("malformed");
  if (s !== sortSignature(keys)) return { ok: false, message: "this cursor belongs to another sort order: send the same sort as the request that gave it" };
  if (v.length !== keys.length) return bad("wrong length");
  for (const [i, value] of v.entries()) {
    if (value === null) continue;
    if (typeof value !== "string" || !parseScalar(keys[i]!.path.scalar, value).ok) return bad(`value ${i + 1}`);
  }
  return { ok: true, values: v as (string | null)[] };
}
