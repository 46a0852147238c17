import type { Kysely } from "kysely";
import type { IR } from "../../compiler/ir/index.ts";
import { forbidden, unauthorized } from "../server/errors.ts";
import { tokenUser } from "./api-tokens.ts";
import { readCookie, SESSION_COOKIE } from "./cookies.ts";
import { checkSameOrigin, isUnsafe } from "./csrf.ts";
import { sessionUser } from "./sessions.ts";
import { userById, type UserRow } from "./users.ts";

/** How a request proved who it is. */
export type Authentication =
  | { readonly via: "session"; readonly sessionId: string; readonly user: UserRow }
  | { readonly via: "token"; readonly tokenId: string; readonly scopes: readonly string[]; readonly user: UserRow };

const seen = new WeakMap<Request, Authentication | null>();

/**
 * Reads `Authorization: Bearer <token>` or the `weave_session` cookie and loads the user. Returns
 * null for a request that presents neither, or a session cookie that is unknown, expired or revoked
 * (browsers keep sending cookies after their session ended). A Bearer token that is unknown or
 * revoked, or whose user is disabled, is a 401: a program must learn that its token is dead. Cookie-authenticated unsafe requests pass the same-origin check (csrf.ts); Bearer requests
 * are exempt, since a browser never attaches them by itself. A token without the `write` scope may
 * only read.
 *
 * @example const who = await authenticate(request, ir, db); // { via: "session", user, sessionId } | null
 */
export async function authenticate(request: Request, ir: IR, db: Kysely<any>): Promise<Authentication | null> {
  if (seen.has(request)) return seen.get(request)!;
  const result = await readCredential(request, ir, db);
  seen.set(request, result);
  return result;
}

/** What `authenticate` found for this request object, if it ran. */
export function authenticationOf(request: Request): Authentication | null | undefined {
  return seen.get(request);
}

async function readCredential(request: Request, ir: IR, db: Kysely<any>): Promise<Authentication | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    const found = await tokenUser(db, bearer);
    const user = found && (await userById(db, found.userId));
    if (!found || !user || user.disabled) throw unauthorized("the API token is unknown or revoked", undefined, { "www-authenticate": 'Bearer error="invalid_token"' });
    if (isUnsafe(request.method) && !found.scopes.includes("write")) throw forbidden("the API token has no write scope");
    return { via: "token", tokenId: found.tokenId, scopes: found.scopes, user };
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  if (!cookie) return null;
  const found = await sessionUser(db, cookie, ir.app.auth.session);
  const user = found && (await userById(db, found.userId));
  // A browser keeps sending a cookie after its session ended: that request is simply anonymous.
  if (!found || !user || user.disabled) return null;
  checkSameOrigin(request);
  return { via: "session", sessionId: found.sessionId, user };
}
