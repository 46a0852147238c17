import { transportFromEnvironment } from "./smtp.ts";
import { t, type Elysia } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { conflict, forbidden, notFound, notImplemented, unauthorized } from "../server/errors.ts";
import { createApiToken, listApiTokens, revokeApiToken, TOKEN_SCOPES } from "./api-tokens.ts";
import { authenticationOf } from "./authenticate.ts";
import { clientAddress } from "./client-address.ts";
import { sessionCookie } from "./cookies.ts";
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

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL = t.String({ format: "email", maxLength: 254 });
const PASSWORD = t.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 });
const closed = <T extends Record<string, any>>(properties: T) => t.Object(properties, { additionalProperties: false });

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
  const session = async (call: Call, user: UserRow, status: number, db: RequestContext["database"]["kysely"]) => {
    const token = await createSession(db, user.id, ir.app.auth.session, { userAgent: call.request.headers.get("user-agent"), ip: address(call) });
    return json(status, { user: userJson(user) }, { "set-cookie": sessionCookie(call.request, token, ir.app.auth.session.absoluteHours * 3600) });
  };
  // An SMTP server from the environment (WEAVE_SMTP_URL) unless a transport is given; a bad setting fails at startup.
  const configured = options.transport ?? transportFromEnvironment();
  const route = (method: string, path: string, handler: (call: Call) => Promise<Response | unknown>, body?: ReturnType<typeof closed>) =>
    app.route(method, path, ((call: Call) => handler(call)) as never, (body ? { body } : {}) as never);

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
    closed({ email: EMAIL, password: PASSWORD, name: t.Optional(t.String({ maxLength: 200 })) }),
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
    closed({ email: t.String({ maxLength: 254 }), password: t.String({ maxLength: 1024 }) }),
  );

  route("POST", "/api/auth/logout", async (call) => {
    const synthetic = withoutTenant(call.request, ir);
    const { database } = await contextFor(synthetic);
    const who = authenticationOf(synthetic);
    if (who?.via === "session") await revokeSession(database.kysely, who.sessionId);
    return new Response(null, { status: 204, headers: { "set-cookie": sessionCookie(call.request, null) } });
  });

  route("GET", "/api/auth/me", async (call) => {
    const ctx = await context(call.request);
    const userId = ctx.identity.userId;
    if (!userId) throw unauthorized("not signed in");
    const user = await userById(ctx.database.kysely, userId);
    // Dev identity may name a user that has no account: answer with what the headers said.
    if (!user) return { user: { id: userId, email: null, name: null, roles: ctx.identity.roles }, memberships: [] };
    return { user: userJson(user), memberships: await membershipsOf(ctx.database.kysely, user.id) };
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
    closed({ email: EMAIL }),
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
    closed({ token: t.String({ minLength: 1, maxLength: 200 }) }),
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
      const scopes = (call.body.scopes as string[] | undefined) ?? ["read", "write"];
      return json(201, await createApiToken(db, userId, String(call.body.name), [...new Set(scopes)]));
    },
    closed({ name: t.String({ minLength: 1, maxLength: 100 }), scopes: t.Optional(t.Array(t.Union(TOKEN_SCOPES.map((s) => t.Literal(s))), { minItems: 1 })) }),
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

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/json" } });
}

/** The request's headers and method without its tenancy header (and body): what identity needs. */
function withoutTenant(request: Request, ir: IR): Request {
  const headers = new Headers(request.headers);
  headers.delete(ir.app.tenancy.header);
  return new Request(request.url, { method: request.method, headers });
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= Bun.password.hash("weave-dummy-password", "argon2id");
  return dummy;
}

