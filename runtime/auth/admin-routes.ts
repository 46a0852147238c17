/**
 * App-wide user administration (when the model declares roles): `GET /api/_users` and
 * `PATCH /api/_users/:id`, for users holding `admin` app-wide. See spec/api.md, "Users".
 */
import type { Elysia, TSchema } from "elysia";
import { ACCOUNT, accountSchemas, ADMIN_ROLE, hasUserAdmin } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { appendAudit } from "../audit/append.ts";
import { badRequest, conflict, forbidden, notFound } from "../server/errors.ts";
import { accountById, holdersOf, listAccounts, updateAccount } from "./accounts.ts";
import { adminRoles, isAdmin, signedIn, type Caller, type ContextFor } from "./caller.ts";

type App = Elysia<any, any, any, any, any, any, any>;
interface Call {
  readonly request: Request;
  readonly body: Record<string, unknown>;
  readonly params: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PAGE = 50;
const MAX_PAGE = 100;

/**
 * Registers the user administration routes. Anyone but an app-wide admin gets a 403; the last
 * enabled admin can neither lose the role nor be disabled (409), so the app keeps one.
 *
 * @example registerAdminRoutes(app, ir, contextFor);
 */
export function registerAdminRoutes(app: App, ir: IR, contextFor: ContextFor): void {
  if (!hasUserAdmin(ir)) return;
  const admin = async (request: Request) => {
    const who = await signedIn(contextFor, ir, request);
    if (!isAdmin(ir, who.roles)) throw forbidden(`only users holding ${ADMIN_ROLE} app-wide administer users`);
    return who;
  };

  const route = (method: string, path: string, handler: (call: Call) => Promise<unknown>, body?: TSchema) =>
    app.route(method, path, ((call: Call) => handler(call)) as never, (body ? { body } : {}) as never);

  route("GET", "/api/_users", async ({ request }) => {
    const who = await admin(request);
    const query = new URL(request.url).searchParams;
    const size = pageSize(query.get("page[size]"));
    const after = cursor(query.get("page[after]"));
    const data = await listAccounts(who.ctx.database.kysely, { size: size + 1, ...(after === undefined ? {} : { after }) });
    const page = data.slice(0, size);
    return { data: page, page: data.length > size ? { size, after: Buffer.from(page.at(-1)!.email).toString("base64url") } : { size } };
  });

  route(
    "PATCH",
    "/api/_users/:id",
    async ({ request, params, body }) => {
      const who = await admin(request);
      const change = body as { roles?: string[]; disabled?: boolean };
      const id = UUID.test(params.id ?? "") ? params.id!.toLowerCase() : undefined;
      return who.ctx.database.kysely.transaction().execute(async (trx) => {
        const admins = await holdersOf(trx, adminRoles(ir));
        const before = id ? await accountById(trx, id, { lock: true }) : undefined;
        if (!before) throw notFound("no such user");
        const losesAdmin = (change.roles !== undefined && !isAdmin(ir, change.roles)) || change.disabled === true;
        if (losesAdmin && admins.length === 1 && admins[0] === before.id) throw conflict(`the app needs an enabled ${ADMIN_ROLE}: make someone else one first`, [{ path: "/roles", message: "last admin", code: "lastAdmin" }]);
        const after = (await updateAccount(trx, before.id, change))!;
        await audit(trx, who, before.id, { before: { roles: before.roles, disabled: before.disabled }, after: { roles: after.roles, disabled: after.disabled } });
        return after;
      });
    },
    accountSchemas(ir)[ACCOUNT.accountBody] as TSchema,
  );
}

function audit(trx: Parameters<typeof appendAudit>[0], who: Caller, userId: string, changes: Record<string, unknown>): Promise<void> {
  return appendAudit(trx, [{ tenantId: null, userId: who.userId, requestId: who.ctx.requestId, action: "admin", entity: "WeaveUser", recordId: userId, name: "updateUser", changes }]);
}

function pageSize(value: string | null): number {
  if (value === null) return DEFAULT_PAGE;
  const size = /^[1-9][0-9]*$/.test(value) ? Number(value) : NaN;
  if (!(size <= MAX_PAGE)) throw badRequest(`page[size] must be an integer from 1 to ${MAX_PAGE}`, [{ path: "/page[size]", message: `1 to ${MAX_PAGE}`, code: "invalidValue" }]);
  return size;
}

function cursor(value: string | null): string | undefined {
  if (value === null) return undefined;
  const email = /^[A-Za-z0-9_-]{1,400}$/.test(value) ? Buffer.from(value, "base64url").toString("utf8") : "";
  if (!email.includes("@")) throw badRequest("page[after] is not a cursor of this list", [{ path: "/page[after]", message: "invalid cursor", code: "invalidCursor" }]);
  return email;
}
