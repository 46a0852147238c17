/**
 * Authentication and tenancy: users with passwords (argon2id) and magic links, cookie sessions,
 * API tokens, memberships, rate limits, and the mail transport. The tables live in
 * compiler/generators/sql/schema/auth-tables.ts; the identity of a request is resolved in
 * runtime/server/identity.ts from what `authenticate` finds.
 *
 * @example
 *   registerAuthRoutes(app, ir, contextFor, { transport: devOutbox() });
 */
export { createApiToken, listApiTokens, revokeApiToken, TOKEN_SCOPES, type ApiToken, type TokenScope } from "./api-tokens.ts";
export { authenticate, authenticationOf, type Authentication } from "./authenticate.ts";
export { clientAddress } from "./client-address.ts";
export { isLocalhost, readCookie, SESSION_COOKIE, sessionCookie, TENANT_COOKIE, tenantCookie } from "./cookies.ts";
export { currentTenant, sessionTenant } from "./current-tenant.ts";
export { registerTenantRoutes } from "./tenant-routes.ts";
export { registerAdminRoutes } from "./admin-routes.ts";
export { checkSameOrigin, isUnsafe } from "./csrf.ts";
export { createMagicLink, MAGIC_LINK_MINUTES, redeemMagicLink } from "./magic-links.ts";
export { devOutbox, type DevOutbox, type MailMessage, type MailTransport } from "./mail.ts";
export { SMTP_FROM_VARIABLE, SMTP_URL_VARIABLE, SmtpConfigError, smtpTransport, transportFromEnvironment } from "./smtp.ts";
export { DEFAULT_RATE_LIMIT, type AuthOptions, type AuthServerOptions } from "./options.ts";
export { hitRateLimit } from "./rate-limit.ts";
export { countsAgainstQuota, hitQuotas, type Quotas } from "./quotas.ts";
export { MIN_PASSWORD_LENGTH, registerAuthRoutes } from "./routes.ts";
export { createSession, revokeSession, sessionUser, type SessionPolicy } from "./sessions.ts";
export { digest, randomToken } from "./secrets.ts";
export { membershipRoles, membershipsOf, normalizeEmail, userByEmail, userById, type Membership, type UserRow } from "./users.ts";
