/**
 * Schemas of the account routes every app has: sign-in (`/api/auth/...`), tenants and their
 * members (`/api/_tenants/...`) and app-wide user administration (`/api/_users/...`). The server
 * validates bodies with the same schemas the OpenAPI document shows. Names start with `weave.`.
 */
import { type TObject, type TSchema, Type as T } from "@sinclair/typebox";
import type { IR } from "../../ir/index.ts";
import { dateTime, uuid } from "./values.ts";

/**
 * The role that administers a tenant's members (in the membership) and the app's users
 * (app-wide): the creator of a tenant holds it there. The audit log is for it too.
 */
export const ADMIN_ROLE = "admin";

/** Tenant keys: lower-case letters, digits and hyphens, as in URLs. */
export const TENANT_KEY_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";

export const ACCOUNT = {
  user: "weave.User",
  signedIn: "weave.SignedIn",
  me: "weave.Me",
  tenantRef: "weave.TenantRef",
  membership: "weave.Membership",
  tenantChoice: "weave.TenantChoice",
  magicLinkSent: "weave.MagicLinkSent",
  apiToken: "weave.ApiToken",
  newApiToken: "weave.NewApiToken",
  apiTokenList: "weave.ApiTokenList",
  tenant: "weave.Tenant",
  tenantList: "weave.TenantList",
  member: "weave.Member",
  memberList: "weave.MemberList",
  account: "weave.Account",
  accountList: "weave.AccountList",
  registerBody: "weave.RegisterBody",
  loginBody: "weave.LoginBody",
  magicLinkBody: "weave.MagicLinkBody",
  redeemBody: "weave.RedeemBody",
  newTokenBody: "weave.NewTokenBody",
  tenantChoiceBody: "weave.TenantChoiceBody",
  newTenantBody: "weave.NewTenantBody",
  newMemberBody: "weave.NewMemberBody",
  memberRolesBody: "weave.MemberRolesBody",
  accountBody: "weave.AccountBody",
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const TOKEN_SCOPES = ["read", "write"] as const;

/** The roles a user or a membership may hold: the model's roles, and `admin`. */
export function grantableRoles(ir: IR): string[] {
  return [...new Set([ADMIN_ROLE, ...ir.roles.map((r) => r.name)])].sort();
}

/** Whether the app has app-wide user administration: when its model declares roles. */
export const hasUserAdmin = (ir: IR): boolean => ir.roles.length > 0;

const closed = (properties: Record<string, TSchema>, options: object) => T.Object(properties, { additionalProperties: false, ...options });
const nullable = (schema: TSchema) => T.Union([schema, T.Null()]);
const literals = (values: readonly string[]) => T.Union(values.map((v) => T.Literal(v)));

/**
 * Every account schema of `ir`'s API, by component name. Roles are the model's (`grantableRoles`).
 *
 * @example
 *   accountSchemas(ir)[ACCOUNT.me]; // { user, memberships, tenant }
 */
export function accountSchemas(ir: IR): Record<string, TObject> {
  const role = literals(grantableRoles(ir));
  const roles = T.Array(role, { uniqueItems: true, description: "Role names of the model." });
  const heldRoles = T.Array(T.String(), { description: "Role names, as stored." });
  const schemas: TObject[] = [
    T.Object({ id: uuid(), email: nullable(T.String()), name: nullable(T.String()), roles: heldRoles }, { $id: ACCOUNT.user, title: "User", description: "A signed-in user with their app-wide roles." }),
    T.Object({ user: T.Ref(ACCOUNT.user) }, { $id: ACCOUNT.signedIn, title: "Signed in", description: "The user of the new session (the cookie is set)." }),
    T.Object({ id: uuid(), key: T.String(), name: T.String() }, { $id: ACCOUNT.tenantRef, title: "Tenant reference" }),
    T.Object({ tenant: T.Ref(ACCOUNT.tenantRef), roles: heldRoles }, { $id: ACCOUNT.membership, title: "Membership", description: "A tenant the user belongs to, with their roles in it." }),
    T.Object(
      { user: T.Ref(ACCOUNT.user), memberships: T.Array(T.Ref(ACCOUNT.membership)), tenant: nullable(T.Ref(ACCOUNT.membership)) },
      { $id: ACCOUNT.me, title: "Me", description: "The caller, their memberships, and the tenant requests use when they name none (`tenant`)." },
    ),
    T.Object({ tenant: nullable(T.Ref(ACCOUNT.membership)) }, { $id: ACCOUNT.tenantChoice, title: "Current tenant", description: "The session's tenant after the change." }),
    T.Object({ sent: T.Literal(true) }, { $id: ACCOUNT.magicLinkSent, title: "Magic link asked" }),
    T.Object(
      { id: uuid(), name: T.String(), scopes: T.Array(literals(TOKEN_SCOPES)), createdAt: dateTime(), lastUsedAt: nullable(dateTime()) },
      { $id: ACCOUNT.apiToken, title: "API token", description: "An API token, without its secret." },
    ),
    T.Object(
      { id: uuid(), name: T.String(), scopes: T.Array(literals(TOKEN_SCOPES)), createdAt: dateTime(), lastUsedAt: nullable(dateTime()), token: T.String({ description: "The secret, shown this once." }) },
      { $id: ACCOUNT.newApiToken, title: "New API token" },
    ),
    T.Object({ data: T.Array(T.Ref(ACCOUNT.apiToken)) }, { $id: ACCOUNT.apiTokenList, title: "API tokens" }),
    T.Object({ id: uuid(), key: T.String(), name: T.String(), roles: heldRoles }, { $id: ACCOUNT.tenant, title: "Tenant", description: "A tenant of the caller, with the caller's roles in it." }),
    T.Object({ data: T.Array(T.Ref(ACCOUNT.tenant)) }, { $id: ACCOUNT.tenantList, title: "Tenants" }),
    T.Object({ user: T.Object({ id: uuid(), email: T.String(), name: nullable(T.String()) }), roles: heldRoles }, { $id: ACCOUNT.member, title: "Member", description: "A member of a tenant and their roles in it." }),
    T.Object({ data: T.Array(T.Ref(ACCOUNT.member)) }, { $id: ACCOUNT.memberList, title: "Members" }),
    T.Object(
      { id: uuid(), email: T.String(), name: nullable(T.String()), roles: heldRoles, disabled: T.Boolean(), createdAt: dateTime() },
      { $id: ACCOUNT.account, title: "Account", description: "A user account as administrators see it." },
    ),
    T.Object(
      { data: T.Array(T.Ref(ACCOUNT.account)), page: T.Object({ size: T.Integer({ minimum: 1 }), after: T.Optional(T.String()) }) },
      { $id: ACCOUNT.accountList, title: "Accounts" },
    ),
    closed(
      { email: T.String({ format: "email", maxLength: 254 }), password: T.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }), name: T.Optional(T.String({ maxLength: 200 })) },
      { $id: ACCOUNT.registerBody, title: "Registration" },
    ),
    closed({ email: T.String({ maxLength: 254 }), password: T.String({ maxLength: 1024 }) }, { $id: ACCOUNT.loginBody, title: "Sign-in" }),
    closed({ email: T.String({ format: "email", maxLength: 254 }) }, { $id: ACCOUNT.magicLinkBody, title: "Magic link request" }),
    closed({ token: T.String({ minLength: 1, maxLength: 200 }) }, { $id: ACCOUNT.redeemBody, title: "Magic link" }),
    closed(
      { name: T.String({ minLength: 1, maxLength: 100 }), scopes: T.Optional(T.Array(literals(TOKEN_SCOPES), { minItems: 1, description: "Default both." })) },
      { $id: ACCOUNT.newTokenBody, title: "New API token" },
    ),
    closed({ tenant: nullable(uuid({ description: "A tenant the caller is a member of; null for none." })) }, { $id: ACCOUNT.tenantChoiceBody, title: "Tenant choice" }),
    closed({ key: T.String({ pattern: TENANT_KEY_PATTERN, description: "Lower-case letters, digits and hyphens; unique." }), name: T.String({ minLength: 1, maxLength: 200 }) }, { $id: ACCOUNT.newTenantBody, title: "New tenant" }),
    closed({ email: T.String({ maxLength: 254, description: "The email of an existing account." }), roles }, { $id: ACCOUNT.newMemberBody, title: "New member" }),
    closed({ roles }, { $id: ACCOUNT.memberRolesBody, title: "Member roles" }),
    closed({ roles: T.Optional(roles), disabled: T.Optional(T.Boolean({ description: "A disabled account cannot sign in; its sessions and tokens stop working." })) }, { $id: ACCOUNT.accountBody, title: "Account change" }),
  ];
  return Object.fromEntries(schemas.map((s) => [s.$id!, s]));
}
