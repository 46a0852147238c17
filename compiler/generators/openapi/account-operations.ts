/**
 * The OpenAPI operations of the account routes: sign-in, API tokens, the session's tenant,
 * tenants and their members, and app-wide user administration. Their schemas are
 * account-schemas.ts, the same ones the server validates bodies with.
 */
import type { IR } from "../../ir/index.ts";
import { ACCOUNT, ADMIN_ROLE, hasUserAdmin } from "./account-schemas.ts";
import { PROBLEMS, type ProblemStatus } from "./components.ts";
import { type JsonSchema, ref } from "./json-schema.ts";
import type { SystemRouteKind } from "./routes.ts";
import { UUID_PATTERN } from "./values.ts";

const AUTH_TAG = "Authentication";
const TENANTS_TAG = "Tenants";
const USERS_TAG = "Users";

/** The document's tags of the account routes `ir` has. */
export function accountTags(ir: IR): { name: string; description: string }[] {
  return [
    { name: AUTH_TAG, description: "Sign-in: accounts, sessions, magic links and API tokens." },
    ...(ir.app.tenancy.enabled ? [{ name: TENANTS_TAG, description: `Tenants and their members; members holding \`${ADMIN_ROLE}\` in a tenant manage its members.` }] : []),
    ...(hasUserAdmin(ir) ? [{ name: USERS_TAG, description: `App-wide user administration, for users holding \`${ADMIN_ROLE}\` app-wide.` }] : []),
  ];
}

interface Spec {
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
  readonly body?: string;
  /** The success status and the component of its JSON, or none (204 and the like). */
  readonly ok: readonly [status: number, component?: string];
  readonly problems: readonly ProblemStatus[];
  readonly parameters?: readonly JsonSchema[];
}

const uuidPath = (name: string, description: string): JsonSchema => ({ name, in: "path", required: true, description, schema: { type: "string", format: "uuid", pattern: UUID_PATTERN } });
const TENANT = uuidPath("tenant", "The tenant's id.");
const MEMBER = uuidPath("user", "The member's user id.");

const SPECS: Partial<Record<SystemRouteKind, Spec>> = {
  register: { tag: AUTH_TAG, summary: "Create an account", description: "Creates the account and signs in: sets the `weave_session` cookie (HttpOnly, SameSite=Lax).", body: ACCOUNT.registerBody, ok: [201, ACCOUNT.signedIn], problems: [400, 403, 409, 429] },
  login: { tag: AUTH_TAG, summary: "Sign in", description: "A new session every time (no fixation); the same answer for an unknown email and a wrong password. With exactly one membership, that tenant becomes the session's.", body: ACCOUNT.loginBody, ok: [200, ACCOUNT.signedIn], problems: [400, 401, 403, 429] },
  logout: { tag: AUTH_TAG, summary: "Sign out", description: "Revokes the session on the server and clears the cookies.", ok: [204], problems: [403] },
  me: { tag: AUTH_TAG, summary: "The signed-in user", description: "The user, app-wide roles, tenant memberships with their roles, and the current tenant.", ok: [200, ACCOUNT.me], problems: [401] },
  magicLink: { tag: AUTH_TAG, summary: "Ask for a sign-in link", description: "Mails a single-use link, valid for 10 minutes from the asking address; always answers 202.", body: ACCOUNT.magicLinkBody, ok: [202, ACCOUNT.magicLinkSent], problems: [400, 403, 429, 501] },
  magicLinkRedeem: { tag: AUTH_TAG, summary: "Sign in with a link", description: "Redeems a sign-in link from the address that asked for it.", body: ACCOUNT.redeemBody, ok: [200, ACCOUNT.signedIn], problems: [400, 401, 403, 429] },
  listTokens: { tag: AUTH_TAG, summary: "API tokens", description: "The signed-in user's API tokens (never their secret).", ok: [200, ACCOUNT.apiTokenList], problems: [401, 403] },
  createToken: { tag: AUTH_TAG, summary: "Create an API token", description: "Returns the token once; send it as `Authorization: Bearer <token>`.", body: ACCOUNT.newTokenBody, ok: [201, ACCOUNT.newApiToken], problems: [400, 401, 403] },
  revokeToken: { tag: AUTH_TAG, summary: "Revoke an API token", description: "The token stops working at once.", ok: [204], problems: [401, 403, 404], parameters: [{ name: "id", in: "path", required: true, description: "The token's id.", schema: { type: "string", minLength: 1 } }] },
  switchTenant: { tag: AUTH_TAG, summary: "Choose the session's tenant", description: "The tenant requests of this session use when they send no tenant header (which still wins). Only a tenant the caller is a member of; `null` for none.", body: ACCOUNT.tenantChoiceBody, ok: [200, ACCOUNT.tenantChoice], problems: [400, 401, 403, 404] },
  listTenants: { tag: TENANTS_TAG, summary: "My tenants", description: "The tenants the caller is a member of, with their roles in each.", ok: [200, ACCOUNT.tenantList], problems: [401] },
  createTenant: { tag: TENANTS_TAG, summary: "Create a tenant", description: `Any signed-in user may create a tenant; they become its first member, with the role \`${ADMIN_ROLE}\`.`, body: ACCOUNT.newTenantBody, ok: [201, ACCOUNT.tenant], problems: [400, 401, 403, 409] },
  listMembers: { tag: TENANTS_TAG, summary: "Members of a tenant", description: `For the tenant's \`${ADMIN_ROLE}\` members (and app-wide admins).`, ok: [200, ACCOUNT.memberList], problems: [401, 403, 404], parameters: [TENANT] },
  addMember: { tag: TENANTS_TAG, summary: "Add a member", description: "Adds an existing account to the tenant with the given roles.", body: ACCOUNT.newMemberBody, ok: [201, ACCOUNT.member], problems: [400, 401, 403, 404, 409], parameters: [TENANT] },
  updateMember: { tag: TENANTS_TAG, summary: "Change a member's roles", description: `Replaces the member's roles. The last \`${ADMIN_ROLE}\` cannot give up the role (409).`, body: ACCOUNT.memberRolesBody, ok: [200, ACCOUNT.member], problems: [400, 401, 403, 404, 409], parameters: [TENANT, MEMBER] },
  removeMember: { tag: TENANTS_TAG, summary: "Remove a member", description: `Admins remove anyone, members themselves; never the last \`${ADMIN_ROLE}\` (409).`, ok: [204], problems: [401, 403, 404, 409], parameters: [TENANT, MEMBER] },
  listUsers: {
    tag: USERS_TAG,
    summary: "User accounts",
    description: "Every account, by email, one page at a time.",
    ok: [200, ACCOUNT.accountList],
    problems: [400, 401, 403],
    parameters: [
      { name: "page[size]", in: "query", required: false, description: "Accounts per page, at most 100.", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
      { name: "page[after]", in: "query", required: false, description: "The `page.after` of the previous page.", schema: { type: "string" } },
    ],
  },
  updateUser: { tag: USERS_TAG, summary: "Change an account", description: `Sets the app-wide roles or disables the account. The last enabled \`${ADMIN_ROLE}\` keeps the role (409).`, body: ACCOUNT.accountBody, ok: [200, ACCOUNT.account], problems: [400, 401, 403, 404, 409], parameters: [uuidPath("id", "The user's id.")] },
};

/**
 * The operation of an account route (without its operation id), or undefined for other kinds.
 *
 * @example accountOperation(ir, "createTenant")?.responses[201]; // { description, content: { "application/json": { schema: { $ref: ".../weave.Tenant" } } } }
 */
export function accountOperation(_ir: IR, kind: SystemRouteKind): JsonSchema | undefined {
  const spec = SPECS[kind];
  if (!spec) return undefined;
  const [status, component] = spec.ok;
  const ok = component ? { description: "The answer.", content: { "application/json": { schema: ref(component) } } } : { description: "Done." };
  return {
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    ...(spec.parameters ? { parameters: [...spec.parameters] } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(spec.body) } } } } : {}),
    responses: { [status]: ok, ...Object.fromEntries(spec.problems.map((s) => [String(s), { $ref: `#/components/responses/${PROBLEMS[s].name}` }])) },
  };
}
