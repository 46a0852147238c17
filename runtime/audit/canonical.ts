/**
 * Canonical JSON and sha256, for hashes that must come out the same when recomputed from what
 * the database gives back.
 */
import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and no whitespace; `undefined` members are left
 * out, as JSON.stringify does. Dates are ISO strings.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value);
}

/** Lowercase hex sha256 of a string's UTF-8 bytes. */
export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
