/**
 * Authentication and tenancy through `createServer` (in process, `app.handle`), on PGlite and on
 * Postgres, with the invoicing example's model migrated from empty: register, login, logout, me;
 * session fixation and expiry; magic links (reuse, expiry, another address); CSRF; API tokens;
 * rate limits; tenant membership gating.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { devOutbox } from "../../../runtime/auth/mail.ts";
import { isLocalhost, sessionCookie } from "../../../runtime/auth/cookies.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { forEachDatabase } from "../../helpers/db.ts";

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
const TENANT_A = "00000000-0000-4000-8000-0000000000a1";
const TENANT_B = "00000000-0000-4000-8000-0000000000b2";
const PASSWORD = "correct horse battery";
const dir = mkdtempSync(join(tmpdir(), "weave-auth-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plan = planMigration(undefined, ir!);
writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir!.hash, plan.steps), ir!);

describe("cookies", () => {
  test("HttpOnly, SameSite=Lax, Secure except on localhost; clearing sets Max-Age=0", () => {
    const local = new Request("http://localhost:3000/api/auth/login");
    const remote = new Request("https://books.example.com/api/auth/login");
    expect(isLocalhost(local)).toBe(true);
    expect(sessionCookie(local, "abc", 60)).toBe("weave_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(sessionCookie(remote, "abc", 60)).toBe("weave_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
    expect(sessionCookie(remote, null)).toContain("Max-Age=0");
  });
});

forEachDatabase("authentication", (target) => {
  let server: WeaveServer;
  const outbox = devOutbox(() => {});
  let ipCounter = 0;
  /** A fresh client address per test, so the per-address rate limits of one test do not touch another. */
  const newIp = () => `198.51.100.${++ipCounter}`;

  interface Reply {
    status: number;
    headers: Headers;
    body: any;
  }
  const call = async (method: string, path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string>; ip?: string; host?: string } = {}): Promise<Reply> => {
    const headers: Record<string, string> = { "x-forwarded-for": options.ip ?? "192.0.2.1", ...options.headers };
    if (options.cookie) headers.cookie = `weave_session=${options.cookie}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    const response = await server.app.handle(new Request(`${options.host ?? "http://localhost"}${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const cookieOf = (reply: Reply) => /weave_session=([^;]*)/.exec(reply.headers.get("set-cookie") ?? "")?.[1];
  const register = async (email: string, ip = newIp()) => {
    const reply = await call("POST", "/api/auth/register", { body: { email, password: PASSWORD, name: "Ann" }, ip });
    expect(reply.status).toBe(201);
    return { id: reply.body.user.id as string, cookie: cookieOf(reply)! };
  };

  beforeAll(async () => {
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    server = createServer(ir!, { database: target.database, log: false, appDir: example, auth: { transport: outbox, trustProxy: true } });
  });

  test("register: 201, a session cookie, the user; a taken email is a 409; a short password a 400", async () => {
    const reply = await call("POST", "/api/auth/register", { body: { email: "Ann@Example.test", password: PASSWORD, name: "Ann" }, ip: newIp() });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email: "ann@example.test", name: "Ann", roles: [] });
    const [session, tenant] = reply.headers.getSetCookie();
    expect(session).toMatch(/^weave_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
    // No membership yet: the session has no tenant (the cookie is cleared).
    expect(tenant).toBe("weave_tenant=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect((await call("POST", "/api/auth/register", { body: { email: "ann@example.test", password: PASSWORD }, ip: newIp() })).status).toBe(409);
    const short = await call("POST", "/api/auth/register", { body: { email: "bob@example.test", password: "short" }, ip: newIp() });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { path: string }) => e.path)).toContain("/password");
    const [stored] = (await sql<{ password_hash: string }>`select password_hash from weave_credentials c join weave_users u on u.id = c.user_id where u.email = 'ann@example.test'`.execute(target.db)).rows;
    expect(stored!.password_hash).toStartWith("$argon2id$");
  });

  test("login, me, logout: a new session id on every login; a logged-out session stops working", async () => {
    const { cookie: first } = await register("carol@example.test");
    const login = await call("POST", "/api/auth/login", { body: { email: "CAROL@example.test", password: PASSWORD }, ip: newIp(), cookie: first });
    expect(login.status).toBe(200);
    const second = cookieOf(login)!;
    expect(second).not.toBe(first);
    const me = await call("GET", "/api/auth/me", { cookie: second });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: "carol@example.test" }, memberships: [] });
    expect((await call("POST", "/api/auth/logout", { cookie: second })).status).toBe(204);
    expect((await call("GET", "/api/auth/me", { cookie: second })).status).toBe(401);
    // The first session is its own: logging out of the second does not end it.
    expect((await call("GET", "/api/auth/me", { cookie: first })).status).toBe(200);
    const [row] = (await sql<{ n: number }>`select count(*)::int as n from weave_sessions where id = ${second}`.execute(target.db)).rows;
    expect(row!.n).toBe(0); // stored hashed, never as the cookie's value
  });

  test("a wrong password and an unknown email get the same answer", async () => {
    await register("dave@example.test");
    const wrong = await call("POST", "/api/auth/login", { body: { email: "dave@example.test", password: "not the password!" }, ip: newIp() });
    const unknown = await call("POST", "/api/auth/login", { body: { email: "nobody@example.test", password: "not the password!" }, ip: newIp() });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  test("idle and absolute expiry end a session", async () => {
    const idle = await register("erin@example.test");
    const absolute = await register("frank@example.test");
    await sql`update weave_sessions set last_seen_at = now() - interval '2 hours' where user_id = ${idle.id}::uuid`.execute(target.db);
    await sql`update weave_sessions set expires_at = now() - interval '1 second' where user_id = ${absolute.id}::uuid`.execute(target.db);
    expect((await call("GET", "/api/auth/me", { cookie: idle.cookie })).status).toBe(401);
    expect((await call("GET", "/api/auth/me", { cookie: absolute.cookie })).status).toBe(401);
  });

  test("magic link: mailed, single use, from the requesting address only, and expiring", async () => {
    await register("gina@example.test");
    const ip = newIp();
    const ask = async () => {
      const before = outbox.messages.length;
      expect((await call("POST", "/api/auth/magic-link", { body: { email: "gina@example.test" }, ip })).status).toBe(202);
      expect(outbox.messages.length).toBe(before + 1);
      return /token=([\w-]+)/.exec(outbox.messages.at(-1)!.text)![1]!;
    };
    const token = await ask();
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect((await call("POST", "/api/auth/magic-link/redeem", { body: { token }, ip: newIp() })).status).toBe(403);
    const redeemed = await call("POST", "/api/auth/magic-link/redeem", { body: { token }, ip });
    expect(redeemed.status).toBe(200);
    expect((await call("GET", "/api/auth/me", { cookie: cookieOf(redeemed)! })).body.user.email).toBe("gina@example.test");
    expect((await call("POST", "/api/auth/magic-link/redeem", { body: { token }, ip })).status).toBe(401);

    const late = await ask();
    await sql`update weave_magic_links set expires_at = now() - interval '1 second' where used_at is null`.execute(target.db);
    expect((await call("POST", "/api/auth/magic-link/redeem", { body: { token: late }, ip })).status).toBe(401);

    // An unknown email gets the same answer and no mail.
    const before = outbox.messages.length;
    expect((await call("POST", "/api/auth/magic-link", { body: { email: "stranger@example.test" }, ip })).status).toBe(202);
    expect(outbox.messages.length).toBe(before);
  });

  test("CSRF: a cookie-authenticated unsafe request from another site is refused; Bearer is exempt", async () => {
    const { cookie } = await register("hank@example.test");
    const make = (headers: Record<string, string>) => call("POST", "/api/auth/tokens", { cookie, headers, body: { name: "ci" } });
    expect((await make({ origin: "https://evil.test" })).status).toBe(403);
    expect((await make({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await make({ "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await make({ origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(201);
    const created = await make({});
    expect(created.status).toBe(201);
    // A read is never refused, and a Bearer write from another origin is fine (browsers never attach it on their own).
    expect((await call("GET", "/api/auth/me", { cookie, headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" } })).status).toBe(200);
    expect((await call("POST", "/api/auth/logout", { headers: { authorization: `Bearer ${created.body.token}`, origin: "https://evil.test" } })).status).toBe(204);
    // A cross-site login is refused too (login CSRF).
    expect((await call("POST", "/api/auth/login", { body: { email: "hank@example.test", password: PASSWORD }, headers: { origin: "https://evil.test" }, ip: newIp() })).status).toBe(403);
  });

  test("API tokens: shown once, hashed at rest, listed, scoped, revocable", async () => {
    const { id, cookie } = await register("ivy@example.test");
    const created = await call("POST", "/api/auth/tokens", { cookie, body: { name: "reports", scopes: ["read"] } });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toStartWith("weave_");
    const bearer = { authorization: `Bearer ${token}` };
    const me = await call("GET", "/api/auth/me", { headers: bearer });
    expect(me.body.user.id).toBe(id);
    const list = await call("GET", "/api/auth/tokens", { cookie });
    expect(list.body.data).toEqual([expect.objectContaining({ id: created.body.id, name: "reports", scopes: ["read"] })]);
    expect(list.body.data[0].token).toBeUndefined();
    const stored = (await sql<{ token_hash: string }>`select token_hash from weave_api_tokens where id = ${created.body.id}::uuid`.execute(target.db)).rows[0]!;
    expect(stored.token_hash).not.toBe(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // read scope: no writes; and a token cannot manage tokens.
    expect((await call("POST", "/api/auth/logout", { headers: bearer })).status).toBe(403);
    expect((await call("GET", "/api/auth/tokens", { headers: bearer })).status).toBe(401);
    expect((await call("DELETE", `/api/auth/tokens/${created.body.id}`, { cookie })).status).toBe(204);
    expect((await call("GET", "/api/auth/me", { headers: bearer })).status).toBe(401);
    expect((await call("GET", "/api/auth/me", { headers: { authorization: "Bearer weave_forged" } })).status).toBe(401);
    expect((await call("DELETE", `/api/auth/tokens/${created.body.id}`, { cookie })).status).toBe(404);
  });

  test("rate limits: the 11th login from one address, or for one account, in 15 minutes is a 429 with Retry-After", async () => {
    await register("jack@example.test");
    const ip = newIp();
    for (let i = 0; i < 10; i++) {
      expect((await call("POST", "/api/auth/login", { body: { email: `nobody${i}@example.test`, password: "whatever it is" }, ip })).status).toBe(401);
    }
    const limited = await call("POST", "/api/auth/login", { body: { email: "jack@example.test", password: PASSWORD }, ip });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Per account: ten addresses guessing one account's password.
    for (let i = 0; i < 9; i++) await call("POST", "/api/auth/login", { body: { email: "jack@example.test", password: "a wrong guess!" }, ip: newIp() });
    expect((await call("POST", "/api/auth/login", { body: { email: "jack@example.test", password: PASSWORD }, ip: newIp() })).status).toBe(429);
    const [row] = (await sql<{ count: number }>`select count from weave_rate_limits where key = ${`login:ip:${ip}`}`.execute(target.db)).rows;
    expect(row!.count).toBe(11);
  }, 20_000); // twenty argon2id verifications: seconds on a busy machine

  describe("tenancy", () => {
    let kim: { id: string; cookie: string };
    const tenant = (id: string) => ({ [ir!.app.tenancy.header]: id });

    beforeAll(async () => {
      kim = await register("kim@example.test");
      await sql`insert into weave_tenants (id, key, name) values (${TENANT_A}::uuid, 'acme', 'Acme'), (${TENANT_B}::uuid, 'globex', 'Globex')`.execute(target.db);
      await sql`insert into weave_memberships (tenant_id, user_id, roles) values (${TENANT_A}::uuid, ${kim.id}::uuid, '{billing}')`.execute(target.db);
    });

    test("me lists memberships with their roles", async () => {
      const me = await call("GET", "/api/auth/me", { cookie: kim.cookie, headers: tenant(TENANT_B) });
      expect(me.body.memberships).toEqual([{ tenant: { id: TENANT_A, key: "acme", name: "Acme" }, roles: ["billing"] }]);
    });

    test("a member works in their tenant with the membership's roles", async () => {
      const created = await call("POST", "/api/customers", { cookie: kim.cookie, headers: tenant(TENANT_A), body: { code: "initech", name: "Initech", email: "ap@initech.test" } });
      expect(created.status).toBe(201);
      expect(created.body.createdBy).toBe(kim.id);
      const list = await call("GET", "/api/customers", { cookie: kim.cookie, headers: tenant(TENANT_A) });
      expect(list.body.data.map((c: { code: string }) => c.code)).toEqual(["initech"]);
    });

    test("another tenant is refused, never answered with data; so is a tenant without sign-in", async () => {
      const other = await call("GET", "/api/customers", { cookie: kim.cookie, headers: tenant(TENANT_B) });
      expect(other.status).toBe(403);
      expect(other.body.data).toBeUndefined();
      expect((await call("POST", "/api/customers", { cookie: kim.cookie, headers: tenant(TENANT_B), body: { code: "x", name: "X" } })).status).toBe(403);
      expect((await call("GET", "/api/customers", { headers: tenant(TENANT_A) })).status).toBe(401);
      const token = (await call("POST", "/api/auth/tokens", { cookie: kim.cookie, body: { name: "sync" } })).body.token;
      expect((await call("GET", "/api/customers", { headers: { ...tenant(TENANT_B), authorization: `Bearer ${token}` } })).status).toBe(403);
      expect((await call("GET", "/api/customers", { headers: { ...tenant(TENANT_A), authorization: `Bearer ${token}` } })).status).toBe(200);
    });
  });

  test("dev mode: the outbox route exists only with devIdentity, and the dev headers still work", async () => {
    expect((await call("GET", "/api/_dev/outbox")).status).toBe(404);
    const dev = createServer(ir!, { database: target.database, log: false, appDir: example, devIdentity: true });
    const get = (path: string, headers: Record<string, string> = {}) => dev.app.handle(new Request(`http://localhost${path}`, { headers }));
    expect((await get("/api/_dev/outbox")).status).toBe(200);
    const user = "00000000-0000-4000-8000-000000000001";
    const me = await (await get("/api/auth/me", { "x-weave-user": user })).json();
    expect(me.user.id).toBe(user);
    expect((await get("/api/customers", { ...{ [ir!.app.tenancy.header]: TENANT_B }, "x-weave-user": user, "x-weave-tenant-roles": "viewer" })).status).toBe(200);
  });
});
