/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A BCP 47 language tag: a language code, optionally with a region or script, like en, de or pt-BR.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "locale".
 */
export type Locale = string;
/**
 * The app's name: kebab-case, used in URLs, package names and the database name.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "appName".
 */
export type AppName = string;

/**
 * The app file of a weave app (weave.yaml at the app folder's root). See spec/app.md.
 */
export interface AppSpec {
  /**
   * The spec format version. Always 0 for now.
   */
  weave: 0;
  /**
   * The app's name: kebab-case, like invoicing.
   */
  app: AppName;
  /**
   * The app's display name. Default: the name in words.
   */
  title?: string;
  /**
   * What the app is for.
   */
  description?: string;
  /**
   * The app's version, a semantic version like 0.1.0.
   */
  version?: string;
  database?: Database;
  auth?: Auth;
  tenancy?: Tenancy;
  locales?: Locales;
  quotas?: Quotas;
  /**
   * The theme file, relative to the app folder. Default: ui/theme.yaml when it exists, else the built-in theme.
   */
  theme?: string;
}
/**
 * Where the data lives: an embedded Postgres (PGlite) by default, or a real Postgres through url.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "database".
 */
export interface Database {
  /**
   * The embedded database's data folder, relative to the app folder. Default .weave/pglite.
   */
  embedded?: string;
  /**
   * A Postgres connection URL. env:NAME reads it from the environment variable NAME; when that variable is unset or empty, the embedded database is used. A literal postgres:// URL is reported as a secret written in the spec (WV500) and ignored.
   */
  url?: string;
}
/**
 * How people sign in.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "auth".
 */
export interface Auth {
  /**
   * Sign in with email and password. Default true.
   */
  password?: boolean;
  /**
   * Sign in with a one-time link sent by email. Default false.
   */
  magicLink?: boolean;
  session?: Session;
}
/**
 * How long a sign-in lasts.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "session".
 */
export interface Session {
  /**
   * Sign out after this many minutes without a request. Default 60.
   */
  idleMinutes?: number;
  /**
   * Sign out this many hours after signing in, active or not. Default 168 (a week).
   */
  absoluteHours?: number;
}
/**
 * Multi-tenancy: one deployment serves several tenants (companies, teams), each seeing only its own records of the entities marked tenant: true.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "tenancy".
 */
export interface Tenancy {
  /**
   * Turn tenancy on. Entities with tenant: true require it. Default false.
   */
  enabled?: boolean;
  /**
   * The HTTP request header that names the current tenant (by its key) on API calls. Default X-Weave-Tenant.
   */
  header?: string;
  /**
   * Who may create tenants with POST /api/_tenants. Default anyone.
   */
  create?: "anyone" | "admins";
}
/**
 * The languages of the app's texts. Each has its messages in i18n/<locale>.yaml.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "locales".
 */
export interface Locales {
  /**
   * The locale used when a request asks for none we support, and the fallback for missing messages. Default en.
   */
  default?: Locale;
  /**
   * The locales offered, including the default. Default [en].
   *
   * @minItems 1
   */
  supported?: [Locale, ...Locale[]];
}
/**
 * API quotas: how many /api requests one user, one tenant or one anonymous client address may make in a fixed window. The counters live in Postgres, so every app instance on the database shares them. A request over any quota that applies to it is answered 429 with Retry-After; every counted answer carries RateLimit-Limit and RateLimit-Remaining. Sign-in (/api/auth/*), /health, /ready and /metrics are not counted. Default: no quotas.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "quotas".
 */
export interface Quotas {
  /**
   * Requests each signed-in user may make per window, whatever the tenant.
   */
  perUser?: Quota;
  /**
   * Requests all users together may make per window in one tenant (needs tenancy).
   */
  perTenant?: Quota;
  /**
   * Requests each client address may make per window without signing in (the address is X-Forwarded-For's first entry only when the server trusts its proxy).
   */
  anonymous?: Quota;
}
/**
 * One quota: at most requests requests in each window of perSeconds seconds.
 *
 * This interface was referenced by `AppSpec`'s JSON-Schema
 * via the `definition` "quota".
 */
export interface Quota {
  /**
   * Requests allowed in each window.
   */
  requests: number;
  /**
   * The window's length in seconds: 3600 is an hour. Windows are fixed, aligned to the epoch.
   */
  perSeconds: number;
}
