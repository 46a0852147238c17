/**
 * Tenants, members, the session's tenant and app-wide user administration through the API, on
 * PGlite and on Postgres, with the invoicing example migrated from empty. Every answer is checked
 * against the schema the OpenAPI document gives it.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { Value } from "@sinclair/typebox/value";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { ACCOUNT, componentSchemas } from "../../../compiler/generators/openapi/index.ts";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { createServer, type WeaveServer } from "../../../runtime/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import { forEachDatabase } from "../../helpers/db.ts";

const example = resolve(import.meta.dir, "../../../examples/invoicing");
const { ir } = await compileApp(example);
const PASSWORD = "correct horse battery";
const HEADER = ir!.app.tenancy.header;
const dir = mkdtempSync(join(tmpdir(), "weave-tenants-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir!.hash, planMigration(undefined, ir!).steps), ir!);
const components = componentSchemas(ir!);
const refs = Object.values(components);

/** The answer matches the component the document names for it. */
function expectShape(component: string, body: unknown): void {
  const errors = [...Value.Errors(components[component]!, refs, body)].map((e) => `${e.path} ${e.message}`);
  expect(errors).toEqual([]);
}

forEachDatabase("tenants and members", (target) => {
  let server: WeaveServer;
  let ipCounter = 0;
  interface Reply {
    status: number;
    headers: Headers;
    body: any;
  }
  interface Person {
    id: string;
    cookie: string;
    tenant?: string;
  }
  const call = async (method: string, path: string, options: { body?: unknown; as?: Person; headers?: Record<string, string> } = {}): Promise<Reply> => {
    const headers: Record<string, string> = { "x-forwarded-for": `203.0.113.${++ipCounter % 250}`, ...options.headers };
    const cookies = options.as ? [`weave_session=${options.as.cookie}`, ...(options.as.tenant ? [`weave_tenant=${options.as.tenant}`] : [])] : [];
    if (cookies.length > 0) headers.cookie = cookies.join("; ");
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await server.app.handle(new Request(`http://localhost${path}`, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const cookie = (reply: Reply, name: string) => reply.headers.getSetCookie().map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1]).find((v) => v !== undefined);
  const register = async (email: string): Promise<Person> => {
    const reply = await call("POST", "/api/auth/register", { body: { email, password: PASSWORD } });
    expect(reply.status).toBe(201);
    return { id: reply.body.user.id, cookie: cookie(reply, "weave_session")! };
  };
  const login = async (email: string): Promise<Reply> => call("POST", "/api/auth/login", { body: { email, password: PASSWORD } });
  const newTenant = async (owner: Person, key: string): Promise<string> => {
    const reply = await call("POST", "/api/_tenants", { as: owner, body: { key, name: key.toUpperCase() } });
    expect(reply.status).toBe(201);
    return reply.body.id;
  };

  beforeAll(async () => {
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    server = createServer(ir!, { database: target.database, log: false, appDir: example, auth: { trustProxy: true } });
  });

  test("creating a tenant makes the creator its admin; my tenants lists it; a taken key is a 409", async () => {
    const ann = await register("ann@tenants.test");
    const created = await call("POST", "/api/_tenants", { as: ann, body: { key: "acme", name: "Acme" } });
    expect(created.status).toBe(201);
    expectShape(ACCOUNT.tenant, created.body);
    expect(created.body).toMatchObject({ key: "acme", name: "Acme", roles: ["admin"] });
    const mine = await call("GET", "/api/_tenants", { as: ann });
    expectShape(ACCOUNT.tenantList, mine.body);
    expect(mine.body.data).toEqual([{ id: created.body.id, key: "acme", name: "Acme", roles: ["admin"] }]);
    expect((await call("POST", "/api/_tenants", { as: ann, body: { key: "acme", name: "Again" } })).status).toBe(409);
    const invalid = await call("POST", "/api/_tenants", { as: ann, body: { key: "Not A Key", name: "x", extra: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/extra", "/key"]);
    expect((await call("GET", "/api/_tenants")).status).toBe(401);
    expect((await call("POST", "/api/_tenants", { body: { key: "anon", name: "Anon" } })).status).toBe(401);
    const [entry] = (await sql<{ action: string; name: string; tenant_id: string }>`select action, name, tenant_id::text as tenant_id from weave_audit where name = 'createTenant'`.execute(target.db)).rows;
    expect(entry).toEqual({ action: "admin", name: "createTenant", tenant_id: created.body.id });
  });

  test("an admin adds, lists, changes and removes members; others are refused", async () => {
    const bo = await register("bo@tenants.test");
    const cy = await register("cy@tenants.test");
    const dee = await register("dee@tenants.test");
    const tenant = await newTenant(bo, "bo-books");
    const members = `/api/_tenants/${tenant}/members`;
    const added = await call("POST", members, { as: bo, body: { email: "CY@tenants.test", roles: ["billing"] } });
    expect(added.status).toBe(201);
    expectShape(ACCOUNT.member, added.body);
    expect(added.body).toEqual({ user: { id: cy.id, email: "cy@tenants.test", name: null }, roles: ["billing"] });
    expect((await call("POST", members, { as: bo, body: { email: "cy@tenants.test", roles: ["viewer"] } })).status).toBe(409);
    expect((await call("POST", members, { as: bo, body: { email: "nobody@tenants.test", roles: ["viewer"] } })).status).toBe(404);
    const unknownRole = await call("POST", members, { as: bo, body: { email: "dee@tenants.test", roles: ["superuser"] } });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.errors[0].path).toStartWith("/roles");

    const list = await call("GET", members, { as: bo });
    expectShape(ACCOUNT.memberList, list.body);
    expect(list.body.data.map((m: { user: { email: string }; roles: string[] }) => [m.user.email, m.roles])).toEqual([["bo@tenants.test", ["admin"]], ["cy@tenants.test", ["billing"]]]);

    // A member without admin: 403; a stranger: 404, as if the tenant did not exist.
    expect((await call("GET", members, { as: cy })).status).toBe(403);
    expect((await call("POST", members, { as: cy, body: { email: "dee@tenants.test", roles: ["admin"] } })).status).toBe(403);
    expect((await call("PATCH", `${members}/${cy.id}`, { as: cy, body: { roles: ["admin"] } })).status).toBe(403);
    expect((await call("GET", members, { as: dee })).status).toBe(404);
    expect((await call("GET", `/api/_tenants/00000000-0000-4000-8000-000000000000/members`, { as: bo })).status).toBe(404);
    expect((await call("GET", `/api/_tenants/not-a-uuid/members`, { as: bo })).status).toBe(404);

    const changed = await call("PATCH", `${members}/${cy.id}`, { as: bo, body: { roles: ["admin", "viewer"] } });
    expect(changed.status).toBe(200);
    expectShape(ACCOUNT.member, changed.body);
    expect((await call("GET", members, { as: cy })).status).toBe(200);
    expect((await call("PATCH", `${members}/${dee.id}`, { as: bo, body: { roles: ["viewer"] } })).status).toBe(404);
    expect((await call("DELETE", `${members}/${cy.id}`, { as: bo })).status).toBe(204);
    expect((await call("GET", members, { as: cy })).status).toBe(404);
    // The membership's roles are what policies see: cy can no longer use the tenant at all.
    expect((await call("GET", "/api/customers", { as: cy, headers: { [HEADER]: tenant } })).status).toBe(403);
  });

  test("the last admin can neither be demoted nor removed nor leave; any other member may leave", async () => {
    const eve = await register("eve@tenants.test");
    const fay = await register("fay@tenants.test");
    const tenant = await newTenant(eve, "eve-co");
    const members = `/api/_tenants/${tenant}/members`;
    const demote = await call("PATCH", `${members}/${eve.id}`, { as: eve, body: { roles: ["billing"] } });
    expect(demote.status).toBe(409);
    expect(demote.body.errors[0].code).toBe("lastAdmin");
    expect((await call("DELETE", `${members}/${eve.id}`, { as: eve })).status).toBe(409);
    await call("POST", members, { as: eve, body: { email: "fay@tenants.test", roles: ["viewer"] } });
    expect((await call("DELETE", `${members}/${eve.id}`, { as: fay })).status).toBe(403);
    expect((await call("DELETE", `${members}/${fay.id}`, { as: fay })).status).toBe(204);
    expect((await call("GET", "/api/_tenants", { as: fay })).body.data).toEqual([]);
    // With a second admin, the first may step down.
    await call("POST", members, { as: eve, body: { email: "fay@tenants.test", roles: ["admin"] } });
    expect((await call("PATCH", `${members}/${eve.id}`, { as: eve, body: { roles: ["billing"] } })).status).toBe(200);
  });

  test("the session's tenant: set at login with one membership, switchable, the header wins, a token needs the header", async () => {
    const gus = await register("gus@tenants.test");
    const first = await newTenant(gus, "gus-one");
    const signedIn = await login("gus@tenants.test");
    expectShape(ACCOUNT.signedIn, signedIn.body);
    const session: Person = { id: gus.id, cookie: cookie(signedIn, "weave_session")!, tenant: cookie(signedIn, "weave_tenant")! };
    expect(session.tenant).toBe(first);
    const created = await call("POST", "/api/customers", { as: session, body: { code: "one", name: "One", email: "ap@one.test" } });
    expect(created.status).toBe(201);

    const me = await call("GET", "/api/auth/me", { as: session });
    expectShape(ACCOUNT.me, me.body);
    expect(me.body.tenant).toEqual({ tenant: { id: first, key: "gus-one", name: "GUS-ONE" }, roles: ["admin"] });

    // Two memberships: login sets none; the tenant is chosen by the route.
    const second = await newTenant(gus, "gus-two");
    const again = await login("gus@tenants.test");
    expect(cookie(again, "weave_tenant")).toBe("");
    const fresh: Person = { id: gus.id, cookie: cookie(again, "weave_session")! };
    expect((await call("GET", "/api/customers", { as: fresh })).status).toBe(400);
    const chosen = await call("POST", "/api/auth/tenant", { as: fresh, body: { tenant: second } });
    expect(chosen.status).toBe(200);
    expectShape(ACCOUNT.tenantChoice, chosen.body);
    fresh.tenant = cookie(chosen, "weave_tenant");
    expect(fresh.tenant).toBe(second);
    expect((await call("GET", "/api/customers", { as: fresh })).body.data).toEqual([]);
    // The header wins over the session's tenant, and is still checked.
    const viaHeader = await call("GET", "/api/customers", { as: fresh, headers: { [HEADER]: first } });
    expect(viaHeader.body.data.map((c: { code: string }) => c.code)).toEqual(["one"]);
    const stranger = await register("hal@tenants.test");
    const foreign = await newTenant(stranger, "hal-co");
    expect((await call("GET", "/api/customers", { as: fresh, headers: { [HEADER]: foreign } })).status).toBe(403);
    expect((await call("POST", "/api/auth/tenant", { as: fresh, body: { tenant: foreign } })).status).toBe(404);
    // A forged cookie naming another tenant grants nothing: the request simply has no tenant.
    expect((await call("GET", "/api/customers", { as: { ...fresh, tenant: foreign } })).status).toBe(400);
    const cleared = await call("POST", "/api/auth/tenant", { as: fresh, body: { tenant: null } });
    expect(cleared.body).toEqual({ tenant: null });
    expect(cookie(cleared, "weave_tenant")).toBe("");

    const token = (await call("POST", "/api/auth/tokens", { as: fresh, body: { name: "ci" } })).body.token;
    expect((await call("POST", "/api/auth/tenant", { headers: { authorization: `Bearer ${token}` }, body: { tenant: first } })).status).toBe(403);
    const logout = await call("POST", "/api/auth/logout", { as: fresh });
    expect(logout.headers.getSetCookie().map((c) => c.split("=")[0])).toEqual(["weave_session", "weave_tenant"]);
  });

  test("users: app-wide admins list accounts and set roles; the last admin keeps the role; others get a 403", async () => {
    const root = await register("root@tenants.test");
    const ivy = await register("ivy@tenants.test");
    expect((await call("GET", "/api/_users", { as: root })).status).toBe(403);
    await sql`update weave_users set roles = '{admin}' where id = ${root.id}::uuid`.execute(target.db);
    const first = await call("GET", "/api/_users?page[size]=2", { as: root });
    expect(first.status).toBe(200);
    expectShape(ACCOUNT.accountList, first.body);
    expect(first.body.page.after).toBeString();
    const next = await call("GET", `/api/_users?page[size]=2&page[after]=${first.body.page.after}`, { as: root });
    expect(next.body.data[0].email > first.body.data[1].email).toBe(true);
    expect((await call("GET", "/api/_users?page[size]=0", { as: root })).status).toBe(400);
    expect((await call("GET", "/api/_users?page[after]=%%%", { as: root })).status).toBe(400);

    const granted = await call("PATCH", `/api/_users/${ivy.id}`, { as: root, body: { roles: ["billing"] } });
    expect(granted.status).toBe(200);
    expectShape(ACCOUNT.account, granted.body);
    expect(granted.body).toMatchObject({ id: ivy.id, roles: ["billing"], disabled: false });
    expect((await call("GET", "/api/auth/me", { as: ivy })).body.user.roles).toEqual(["billing"]);
    expect((await call("PATCH", `/api/_users/${ivy.id}`, { as: ivy, body: { roles: ["admin"] } })).status).toBe(403);
    expect((await call("PATCH", `/api/_users/${root.id}`, { as: root, body: { roles: [] } })).status).toBe(409);
    expect((await call("PATCH", `/api/_users/${root.id}`, { as: root, body: { disabled: true } })).status).toBe(409);
    expect((await call("PATCH", `/api/_users/${ivy.id}`, { as: root, body: { roles: ["root"] } })).status).toBe(400);
    expect((await call("PATCH", `/api/_users/00000000-0000-4000-8000-000000000000`, { as: root, body: { roles: [] } })).status).toBe(404);

    const disabled = await call("PATCH", `/api/_users/${ivy.id}`, { as: root, body: { disabled: true } });
    expect(disabled.body.disabled).toBe(true);
    expect((await call("GET", "/api/auth/me", { as: ivy })).status).toBe(401);
    expect((await login("ivy@tenants.test")).status).toBe(401);
    // An app-wide admin manages any tenant's members.
    const tenant = await newTenant(await register("jo@tenants.test"), "jo-co");
    expect((await call("GET", `/api/_tenants/${tenant}/members`, { as: root })).status).toBe(200);
  });

  // Last: it makes a user an app-wide admin, which the tests above count on not existing.
  test("with tenancy.create: admins, only app-wide admins may create tenants", async () => {
    const restricted = createServer({ ...ir!, app: { ...ir!.app, tenancy: { ...ir!.app.tenancy, create: "admins" } } }, { database: target.database, log: false, appDir: example, auth: { trustProxy: true } });
    const regular = server;
    try {
      server = restricted;
      const dee = await register("dora.admin@tenants.test");
      const refused = await call("POST", "/api/_tenants", { as: dee, body: { key: "doras", name: "Dora Co" } });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain("tenancy.create: admins");
      await sql`update weave_users set roles = '{admin}' where id = ${dee.id}::uuid`.execute(target.db);
      expect((await call("POST", "/api/_tenants", { as: dee, body: { key: "doras", name: "Dora Co" } })).status).toBe(201);
    } finally {
      server = regular;
    }
  });
});
