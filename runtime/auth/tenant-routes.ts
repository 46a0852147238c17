/**
 * Tenants through the API (with tenancy on): the caller's tenants, creating one, its members and
 * their roles, and the session's current tenant. See spec/api.md, "Tenants and members".
 */
import type { Elysia, TSchema } from "elysia";
import type { Transaction } from "kysely";
import { ACCOUNT, accountSchemas, ADMIN_ROLE } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { appendAudit } from "../audit/append.ts";
import { conflict, forbidden, notFound } from "../server/errors.ts";
import { adminRoles, isAdmin, signedIn, type Caller, type ContextFor } from "./caller.ts";
import { tenantCookie } from "./cookies.ts";
import { addMember, createTenant, membersOf, removeMember, setMemberRoles, tenantById, type MemberRow, type TenantRow } from "./tenants.ts";
import { membershipRoles, membershipsOf, normalizeEmail, userByEmail } from "./users.ts";

type App = Elysia<any, any, any, any, any, any, any>;
type Trx = Transaction<any>;
interface Call {
  readonly request: Request;
  readonly body: Record<string, unknown>;
  readonly params: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Registers `/api/_tenants` (list, create), `/api/_tenants/:tenant/members` (list, add, change,
 * remove) and `POST /api/auth/tenant` (the session's tenant). Members holding `admin` in a tenant
 * (or a role inheriting it), and app-wide admins, manage its members; a tenant the caller does
 * not belong to answers like a missing one (404).
 *
 * @example registerTenantRoutes(app, ir, contextFor);
 */
export function registerTenantRoutes(app: App, ir: IR, contextFor: ContextFor): void {
  if (!ir.app.tenancy.enabled) return;
  const schemas = accountSchemas(ir);
  const route = (method: string, path: string, handler: (call: Call) => Promise<unknown>, body?: string) =>
    app.route(method, path, ((call: Call) => handler(call)) as never, (body ? { body: schemas[body] as TSchema } : {}) as never);
  const caller = (call: Call) => signedIn(contextFor, ir, call.request);

  route("GET", "/api/_tenants", async (call) => {
    const { ctx, userId } = await caller(call);
    const memberships = await membershipsOf(ctx.database.kysely, userId);
    return { data: memberships.map((m) => ({ ...m.tenant, roles: m.roles })) };
  });

  route(
    "POST",
    "/api/_tenants",
    async (call) => {
      const who = await caller(call);
      if (ir.app.tenancy.create === "admins" && !isAdmin(ir, who.roles)) throw forbidden("only app-wide admins may create tenants in this app (tenancy.create: admins)");
      const input = { key: String(call.body.key), name: String(call.body.name) };
      const created = await who.ctx.database.kysely.transaction().execute(async (trx) => {
        const tenant = await createTenant(trx, input, who.userId, [ADMIN_ROLE]);
        if (tenant) await audit(trx, who, tenant.id, "createTenant", { tenant: { before: null, after: input } });
        return tenant;
      });
      if (!created) throw conflict(`a tenant with the key ${input.key} exists`, [{ path: "/key", message: "taken", code: "unique" }]);
      return json(201, { ...created, roles: [ADMIN_ROLE] });
    },
    ACCOUNT.newTenantBody,
  );

  route("GET", "/api/_tenants/:tenant/members", async (call) => {
    const { who } = await administered(ir, await caller(call), call.params.tenant);
    return { data: await membersOf(who.ctx.database.kysely, call.params.tenant!) };
  });

  route(
    "POST",
    "/api/_tenants/:tenant/members",
    async (call) => {
      const { who, tenant } = await administered(ir, await caller(call), call.params.tenant);
      const roles = call.body.roles as string[];
      const user = await userByEmail(who.ctx.database.kysely, normalizeEmail(String(call.body.email)));
      if (!user) throw notFound("no account has this email: ask them to register first", [{ path: "/email", message: "no such account", code: "unknownUser" }]);
      const added = await who.ctx.database.kysely.transaction().execute(async (trx) => {
        const ok = await addMember(trx, tenant.id, user.id, roles);
        if (ok) await audit(trx, who, tenant.id, "addMember", { [user.id]: { before: null, after: roles } });
        return ok;
      });
      if (!added) throw conflict(`${user.email} is already a member; change their roles instead`, [{ path: "/email", message: "already a member", code: "member" }]);
      return json(201, { user: { id: user.id, email: user.email, name: user.name }, roles });
    },
    ACCOUNT.newMemberBody,
  );

  route(
    "PATCH",
    "/api/_tenants/:tenant/members/:user",
    async (call) => {
      const { who, tenant } = await administered(ir, await caller(call), call.params.tenant);
      const roles = call.body.roles as string[];
      return changeMembers(ir, who, tenant, call.params.user!, async (trx, member) => {
        await setMemberRoles(trx, tenant.id, member.user.id, roles);
        await audit(trx, who, tenant.id, "updateMember", { [member.user.id]: { before: member.roles, after: roles } });
        return { user: member.user, roles };
      }, (member) => (isAdmin(ir, roles) ? undefined : member));
    },
    ACCOUNT.memberRolesBody,
  );

  route("DELETE", "/api/_tenants/:tenant/members/:user", async (call) => {
    const who = await caller(call);
    const leaving = call.params.user === who.userId && UUID.test(call.params.tenant ?? "") && (await membershipRoles(who.ctx.database.kysely, call.params.tenant!, who.userId)) !== undefined;
    // Anyone may leave a tenant; removing someone else takes an admin.
    const tenant = leaving ? (await tenantById(who.ctx.database.kysely, call.params.tenant!))! : (await administered(ir, who, call.params.tenant)).tenant;
    await changeMembers(ir, who, tenant, call.params.user!, async (trx, member) => {
      await removeMember(trx, tenant.id, member.user.id);
      await audit(trx, who, tenant.id, "removeMember", { [member.user.id]: { before: member.roles, after: null } });
    }, (member) => member);
    return new Response(null, { status: 204 });
  });

  route(
    "POST",
    "/api/auth/tenant",
    async (call) => {
      const who = await caller(call);
      if (who.via === "token") throw forbidden(`an API token has no session tenant: send the ${ir.app.tenancy.header} header`);
      const id = call.body.tenant as string | null;
      const membership = id === null ? null : (await membershipsOf(who.ctx.database.kysely, who.userId)).find((m) => m.tenant.id === id.toLowerCase());
      if (membership === undefined) throw notFound("you are not a member of this tenant", [{ path: "/tenant", message: "not a member", code: "notMember" }]);
      const maxAge = ir.app.auth.session.absoluteHours * 3600;
      return json(200, { tenant: membership }, { "set-cookie": tenantCookie(call.request, membership?.tenant.id ?? null, maxAge) });
    },
    ACCOUNT.tenantChoiceBody,
  );
}

/**
 * The tenant named by the path, when the caller administers it (admin in it, or app-wide). A
 * tenant they do not belong to is a 404, like a missing one; a member who is not an admin a 403.
 */
async function administered(ir: IR, who: Caller, id: string | undefined): Promise<{ who: Caller; tenant: TenantRow }> {
  const db = who.ctx.database.kysely;
  const tenant = id && UUID.test(id) ? await tenantById(db, id) : undefined;
  const roles = tenant ? await membershipRoles(db, tenant.id, who.userId) : undefined;
  const appAdmin = isAdmin(ir, who.roles);
  if (!tenant || (roles === undefined && !appAdmin)) throw notFound("no such tenant");
  if (!appAdmin && !isAdmin(ir, roles!)) throw forbidden(`only members holding ${ADMIN_ROLE} in this tenant manage its members`);
  return { who, tenant };
}

/**
 * Runs a change of one member in a transaction that locks the tenant's memberships, refusing
 * (409) a change that would leave the tenant without an admin. `losing` gives the member when
 * the change takes their admin role away (a removal, or roles without admin).
 */
async function changeMembers<T>(ir: IR, who: Caller, tenant: TenantRow, userId: string, change: (trx: Trx, member: MemberRow) => Promise<T>, losing: (member: MemberRow) => MemberRow | undefined): Promise<T> {
  return who.ctx.database.kysely.transaction().execute(async (trx) => {
    const members = await membersOf(trx, tenant.id, { lock: true });
    const member = UUID.test(userId) ? members.find((m) => m.user.id === userId.toLowerCase()) : undefined;
    if (!member) throw notFound("no such member of this tenant");
    const admins = members.filter((m) => m.roles.some((r) => adminRoles(ir).includes(r)));
    const lost = losing(member);
    if (lost && admins.length === 1 && admins[0] === lost) throw conflict(`the tenant needs an ${ADMIN_ROLE}: make someone else one first`, [{ path: "/roles", message: "last admin", code: "lastAdmin" }]);
    return change(trx, member);
  });
}

function audit(trx: Trx, who: Caller, tenantId: string, name: string, changes: Record<string, unknown>): Promise<void> {
  return appendAudit(trx, [{ tenantId, userId: who.userId, requestId: who.ctx.requestId, action: "admin", entity: "WeaveMembership", recordId: tenantId, name, changes }]);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/json" } });
}
