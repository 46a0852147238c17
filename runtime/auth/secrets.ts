/**
 * Random secrets and their digests. A client holds the token; the database holds only its hex
 * sha256, so a leaked table signs nobody in.
 */
import { createHash, randomBytes } from "node:crypto";

/**
 * A url-safe random token of `bytes` bytes (default 32: 256 bits), with an optional prefix that
 * makes a leaked token recognisable to secret scanners.
 *
 * @example randomToken(32, "weave_"); // "weave_3q2-…" (43 characters after the prefix)
 */
export function randomToken(bytes = 32, prefix = ""): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

/** The hex sha256 of a token: how sessions, API tokens and magic links are stored. */
export function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
