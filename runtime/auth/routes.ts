import { transportFromEnvironment } from "./smtp.ts";
import type { Elysia, TSchema } from "elysia";
import { ACCOUNT, accountSchemas } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { conflict, forbidden, notFound, notImplemented, unauthorized } from "../server/errors.ts";
import { createApiToken, listApiTokens, revokeApiToken, TOKEN_SCOPES } from "./api-tokens.ts";
import { authenticationOf } from "./authenticate.ts";
import { withoutTenant } from "./caller.ts";
import { clientAddress } from "./client-address.ts";
import { sessionCookie, tenantCookie } from "./cookies.ts";
import { currentTenant } from "./current-tenant.ts";
import { checkSameOrigin } from "./csrf.ts";
import { createMagicLink, MAGIC_LINK_MINUTES, redeemMagicLink } from "./magic-links.ts";
import { devOutbox, type MailTransport } from "./mail.ts";
import { DEFAULT_RATE_LIMIT, type AuthOptions } from "./options.ts";
import { hitRateLimit } from "./rate-limit.ts";
import { createSession, revokeSession } from "./sessions.ts";
import { insertUser, membershipsOf, normalizeEmail, userByEmail, userById, type UserRow } from "./users.ts";

type App = Elysia<any, any, any, any, any, any, any>;
type ContextFor = (request: Request) => Promise<RequestContext>;
type Server = { requestIP(request: Request): { address: string } | null } | null;
interface Call {
  readonly request: Request;
  readonly body: Record<string, string | string[] | undefined>;
  readonly params: Record<string, string>;
  readonly server: Server;
}

export { MIN_PASSWORD_LENGTH } from "../../compiler/generators/openapi/account-schemas.ts";

/**
 * Registers the authentication routes under /api/auth (and the development outbox at
 * /api/_dev/outbox). `contextFor` is the server's: it resolves the identity (session cookie or
 * Bearer token, runtime/server/identity.ts) and gives the database. See spec/api.md, "Authentication".
 *
 * @example
 *   registerAuthRoutes(app, ir, contextFor, { transport: smtp, trustProxy: true });
 */
export function registerAuthRoutes(app: App, ir: IR, contextFor: ContextFor, options: AuthOptions = {}): void {
  const outbox = devOutbox();
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const address = (call: Call) => clientAddress(call.request, call.server, options.trustProxy ?? false);
  // The auth routes answer for the user, not a tenant: a tenant header is not checked here.
  const context = (request: Request) => contextFor(withoutTenant(request, ir));
  const schemas = accountSchemas(ir);
  const maxAge = ir.app.auth.session.absoluteHours * 3600;
  const session = async (call: Call, user: UserRow, status: number, db: RequestContext["database"]["kysely"]) => {
    const token = await createSession(db, user.id, ir.app.auth.session, { userAgent: call.request.headers.get("user-agent"), ip: address(call) });
    const cookies = [sessionCookie(call.request, token, maxAge)];
    // With exactly one membership, that is the session's tenant; otherwise none until one is chosen.
    if (ir.app.tenancy.enabled) {
      const memberships = await membershipsOf(db, user.id);
      cookies.push(tenantCookie(call.request, memberships.length === 1 ? memberships[0]!.tenant.id : null, maxAge));
    }
    return json(status, { user: userJson(user) }, cookies.map((c) => ["set-cookie", c]));
  };
  // An SMTP server from the environment (WEAVE_SMTP_URL) unless a transport is given; a bad setting fails at startup.
  const configured = options.transport ?? transportFromEnvironment();
  const route = (method: string, path: string, handler: (call: Call) => Promise<Response | unknown>, body?: string) =>
    app.route(method, path, ((call: Call) => handler(call)) as never, (body ? { body: schemas[body] as TSchema } : {}) as never);

  route(
    "POST",
    "/api/auth/register",
    async (call) => {
      enabled(ir.app.auth.password, "password sign-in");
      checkSameOrigin(call.request);
      const { database } = await context(call.request);
      const email = normalizeEmail(String(call.body.email));
      await hitRateLimit(database.kysely, [`register:ip:${address(call)}`, `register:account:${email}`], limit);
      const passwordHash = await Bun.password.hash(String(call.body.password), "argon2id");
      const user = await insertUser(database.kysely, { email, name: (call.body.name as string | undefined) ?? null, passwordHash });
      if (!user) throw conflict("an account with this email exists; sign in instead");
      return session(call, user, 201, database.kysely);
    },
    ACCOUNT.registerBody,
  );

  route(
    "POST",
    "/api/auth/login",
    async (call) => {
      enabled(ir.app.auth.password, "password sign-in");
      checkSameOrigin(call.request);
      const { database } = await context(call.request);
      const email = normalizeEmail(String(call.body.email));
      await hitRateLimit(database.kysely, [`login:ip:${address(call)}`, `login:account:${email}`], limit);
      const user = await userByEmail(database.kysely, email);
      // Verify against a dummy hash when there is no user, so timing does not tell whether the email exists.
      const ok = await Bun.password.verify(String(call.body.password), user?.passwordHash ?? (await dummyHash()));
      if (!user || !user.passwordHash || !ok || user.disabled) throw unauthorized("the email or password is incorrect");
      return session(call, user, 200, database.kysely);
    },
    ACCOUNT.loginBody,
  );

  route("POST", "/api/auth/logout", async (call) => {
    const synthetic = withoutTenant(call.request, ir);
    const { database } = await contextFor(synthetic);
    const who = authenticationOf(synthetic);
    if (who?.via === "session") await revokeSession(database.kysely, who.sessionId);
    const headers = new Headers([["set-cookie", sessionCookie(call.request, null)]]);
    if (ir.app.tenancy.enabled) headers.append("set-cookie", tenantCookie(call.request, null));
    return new Response(null, { status: 204, headers });
  });

  route("GET", "/api/auth/me", async (call) => {
    const synthetic = withoutTenant(call.request, ir);
    const ctx = await contextFor(synthetic);
    const userId = ctx.identity.userId;
    if (!userId) throw unauthorized("not signed in");
    const user = await userById(ctx.database.kysely, userId);
    // Dev identity may name a user that has no account: answer with what the headers said.
    if (!user) return { user: { id: userId, email: null, name: null, roles: ctx.identity.roles }, memberships: [], tenant: null };
    const memberships = await membershipsOf(ctx.database.kysely, user.id);
    const current = ir.app.tenancy.enabled ? currentTenant(call.request, ir, memberships, authenticationOf(synthetic)?.via === "session") : undefined;
    return { user: userJson(user), memberships, tenant: current ?? null };
  });

  route(
    "POST",
    "/api/auth/magic-link",
    async (call) => {
      enabled(ir.app.auth.magicLink, "magic links");
      checkSameOrigin(call.request);
      const ctx = await context(call.request);
      const transport: MailTransport | undefined = configured ?? (ctx.options.devIdentity ? outbox : undefined);
      if (!transport) throw notImplemented("no mail transport is configured, so magic links cannot be sent");
      const email = normalizeEmail(String(call.body.email));
      const ip = address(call);
      await hitRateLimit(ctx.database.kysely, [`magic-link:ip:${ip}`, `magic-link:account:${email}`], limit);
      const user = await userByEmail(ctx.database.kysely, email);
      // Same answer whether or not the account exists; only existing, enabled accounts get mail.
      if (user && !user.disabled) {
        const token = await createMagicLink(ctx.database.kysely, email, ip);
        const link = options.magicLinkUrl?.(token, call.request) ?? `${new URL(call.request.url).origin}/auth/magic-link?token=${token}`;
        // A failed send is logged, not answered: a 500 only for existing accounts would tell which exist.
        await transport
          .send({
            to: email,
            subject: `Sign in to ${ir.app.title}`,
            text: `Open this link to sign in to ${ir.app.title}. It works once, for ${MAGIC_LINK_MINUTES} minutes, from the device that asked for it:\n\n${link}\n\nIf you did not ask for it, ignore this mail.`,
          })
          .catch((error: unknown) => console.error(JSON.stringify({ level: "error", msg: "magic link mail failed", requestId: ctx.requestId, error: String((error as Error)?.message ?? error) })));
      }
      return json(202, { sent: true });
    },
    ACCOUNT.magicLinkBody,
  );

  route(
    "POST",
    "/api/auth/magic-link/redeem",
    async (call) => {
      enabled(ir.app.auth.magicLink, "magic links");
      checkSameOrigin(call.request);
      const { database } = await context(call.request);
      const ip = address(call);
      await hitRateLimit(database.kysely, [`magic-link-redeem:ip:${ip}`], limit);
      const redeemed = await redeemMagicLink(database.kysely, String(call.body.token), ip);
      if (!redeemed.ok && redeemed.reason === "address") throw forbidden("open the link on the device that asked for it");
      if (!redeemed.ok) throw unauthorized("the sign-in link is invalid, used or expired");
      const user = await userByEmail(database.kysely, redeemed.email);
      if (!user || user.disabled) throw unauthorized("the sign-in link is invalid, used or expired");
      return session(call, user, 200, database.kysely);
    },
    ACCOUNT.redeemBody,
  );

  const sessionUserId = async (call: Call) => {
    const synthetic = withoutTenant(call.request, ir);
    const ctx = await contextFor(synthetic);
    const who = authenticationOf(synthetic);
    // Only a signed-in person manages tokens: a token cannot mint or revoke tokens.
    if (who?.via !== "session") throw unauthorized("sign in to manage API tokens");
    return { db: ctx.database.kysely, userId: who.user.id };
  };
  route(
    "POST",
    "/api/auth/tokens",
    async (call) => {
      const { db, userId } = await sessionUserId(call);
      const scopes = (call.body.scopes as string[] | undefined) ?? [...TOKEN_SCOPES];
      return json(201, await createApiToken(db, userId, String(call.body.name), [...new Set(scopes)]));
    },
    ACCOUNT.newTokenBody,
  );
  route("GET", "/api/auth/tokens", async (call) => {
    const { db, userId } = await sessionUserId(call);
    return { data: await listApiTokens(db, userId) };
  });
  route("DELETE", "/api/auth/tokens/:id", async (call) => {
    const { db, userId } = await sessionUserId(call);
    if (!/^[0-9a-f-]{36}$/i.test(call.params.id ?? "") || !(await revokeApiToken(db, userId, call.params.id!))) throw notFound("no such API token");
    return new Response(null, { status: 204 });
  });

  route("GET", "/api/_dev/outbox", async (call) => {
    const ctx = await context(call.request);
    if (!ctx.options.devIdentity) throw notFound("no such route");
    return { data: [...outbox.messages].reverse() };
  });
}

function enabled(on: boolean, what: string): void {
  if (!on) throw notFound(`${what} is not enabled in weave.yaml`);
}

function userJson(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
}

function json(status: number, body: unknown, headers: [string, string][] = []): Response {
  return new Response(JSON.stringify(body), { status, headers: [...headers, ["content-type", "application/json"]] });
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= Bun.password.hash("weave-dummy-password", "argon2id");
  return dummy;
}

