/**
 * Optimistic concurrency: a write names the version it read (`If-Match: "3"`, or `version` in a
 * PATCH body) and is refused with a 412 when the record has moved on.
 */
import type { RecordJson } from "../records/record-json.ts";
import { badRequest, preconditionFailed } from "../server/errors.ts";

/**
 * The versions an `If-Match` header accepts: `"3"`, `W/"3"`, `3`, a list of them, or `*` (any:
 * undefined). Anything else is a 400.
 *
 * @example ifMatchVersions('"3", W/"4"'); // [3, 4]
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === "" || header.trim() === "*") return undefined;
  return header.split(",").map((part) => {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(part);
    if (!match) throw badRequest(`If-Match must hold the record's version as an ETag ("3"), not ${part.trim()}`, [{ path: "/headers/If-Match", message: "not a version" }]);
    return Number(match[1]);
  });
}

/**
 * Refuses the write with a 412 when `If-Match` or the body's `version` names another version
 * than the record's. Neither given: no check.
 *
 * @example checkVersion(before, '"3"', undefined); // 412 "the record is at version 4, not 3: …"
 */
export function checkVersion(record: RecordJson, ifMatch: string | undefined, bodyVersion: unknown): void {
  const current = Number(record.version);
  const wanted = ifMatchVersions(ifMatch) ?? [];
  if (bodyVersion !== undefined && bodyVersion !== null) {
    if (!Number.isInteger(Number(bodyVersion))) throw badRequest("version must be an integer", [{ path: "/version", message: "not an integer" }]);
    wanted.push(Number(bodyVersion));
  }
  if (wanted.length === 0 || wanted.includes(current)) return;
  throw preconditionFailed(`the record is at version ${current}, not ${wanted.join(" or ")}: it changed since it was read; read it again and reapply the change`, undefined, { etag: etagOf(current) });
}

/** The ETag of a version: `"3"`. */
export const etagOf = (version: unknown): string => `"${version}"`;

/** The headers of a response that returns a record. */
export function recordHeaders(record: RecordJson): Record<string, string> {
  return record.version === undefined ? {} : { etag: etagOf(record.version) };
}
