/** `weave.yaml`: settings that hold for the whole app. */
import { bool, doc, int, nameList, object, ref, str, stringEnum, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

export const appDefinitions: Record<string, Schema> = {
  database: object(
    "Where the data lives: an embedded Postgres (PGlite) by default, or a real Postgres through `url`.",
    {
      embedded: str("The embedded database's data folder, relative to the app folder. Default `.weave/pglite`.", {
        minLength: 1,
        default: ".weave/pglite",
      }),
      url: str(
        "A Postgres connection URL. `env:NAME` reads it from the environment variable NAME; when that variable is " +
          "unset or empty, the embedded database is used. A literal `postgres://` URL is reported as a secret " +
          "written in the spec (WV500) and ignored.",
        {
          pattern: "^(?:env:[A-Za-z_][A-Za-z0-9_]*|postgres(?:ql)?://.+)$",
          patternErrorMessage: "Write `env:DATABASE_URL` (read from the environment) or a `postgres://` URL",
          examples: ["env:DATABASE_URL"],
        },
      ),
    },
    { title: "Database" },
  ),
  auth: object(
    "How people sign in.",
    {
      password: bool("Sign in with email and password. Default `true`.", true),
      magicLink: bool("Sign in with a one-time link sent by email. Default `false`."),
      session: ref("session"),
    },
    { title: "Auth" },
  ),
  session: object(
    "How long a sign-in lasts.",
    {
      idleMinutes: int("Sign out after this many minutes without a request. Default 60.", { minimum: 1, default: 60 }),
      absoluteHours: int("Sign out this many hours after signing in, active or not. Default 168 (a week).", {
        minimum: 1,
        default: 168,
      }),
    },
    { title: "Session" },
  ),
  tenancy: object(
    "Multi-tenancy: one deployment serves several tenants (companies, teams), each seeing only its own records of " +
      "the entities marked `tenant: true`.",
    {
      enabled: bool("Turn tenancy on. Entities with `tenant: true` require it. Default `false`."),
      header: str(
        "The HTTP request header that names the current tenant (by its key) on API calls. Default `X-Weave-Tenant`.",
        {
          pattern: "^[A-Za-z0-9-]+$",
          patternErrorMessage: "Header names are letters, digits and hyphens, like `X-Weave-Tenant`",
          default: "X-Weave-Tenant",
        },
      ),
      create: stringEnum(
        "Who may create tenants with `POST /api/_tenants`. Default `anyone`.",
        {
          anyone: "Any signed-in user: a sign-up creates their own company (SaaS).",
          admins: "App-wide admins only: tenants are set up for people (internal apps).",
        },
        { default: "anyone" },
      ),
    },
    { title: "Tenancy" },
  ),
  quotas: object(
    "API quotas: how many `/api` requests one user, one tenant or one anonymous client address may make in a " +
      "fixed window. The counters live in Postgres, so every app instance on the database shares them. A request " +
      "over any quota that applies to it is answered 429 with `Retry-After`; every counted answer carries " +
      "`RateLimit-Limit` and `RateLimit-Remaining`. Sign-in (`/api/auth/*`), `/health`, `/ready` and `/metrics` " +
      "are not counted. Default: no quotas.",
    {
      perUser: ref("quota", "Requests each signed-in user may make per window, whatever the tenant."),
      perTenant: ref("quota", "Requests all users together may make per window in one tenant (needs `tenancy`)."),
      anonymous: ref(
        "quota",
        "Requests each client address may make per window without signing in (the address is `X-Forwarded-For`'s " +
          "first entry only when the server trusts its proxy).",
      ),
    },
    { title: "Quotas", examples: [{ perUser: { requests: 1000, perSeconds: 3600 }, anonymous: { requests: 100, perSeconds: 3600 } }] },
  ),
  quota: object(
    "One quota: at most `requests` requests in each window of `perSeconds` seconds.",
    {
      requests: int("Requests allowed in each window.", { minimum: 1, examples: [1000] }),
      perSeconds: int("The window's length in seconds: `3600` is an hour. Windows are fixed, aligned to the epoch.", {
        minimum: 1,
        examples: [3600],
      }),
    },
    { title: "Quota", required: ["requests", "perSeconds"] },
  ),
  locales: object(
    "The languages of the app's texts. Each has its messages in `i18n/<locale>.yaml`.",
    {
      default: ref(
        "locale",
        "The locale used when a request asks for none we support, and the fallback for missing messages. Default `en`.",
      ),
      supported: nameList("The locales offered, including the default. Default `[en]`.", "locale", { minItems: 1 }),
    },
    { title: "Locales", examples: [{ default: "en", supported: ["en", "de"] }] },
  ),
};

/** The root of app.schema.json. */
export const app: RootSpec = {
  kind: "app",
  title: "AppSpec",
  doc: "The app file of a weave app (`weave.yaml` at the app folder's root). See spec/app.md.",
  required: ["weave", "app"],
  properties: {
    weave: { ...doc("The spec format version. Always `0` for now."), const: 0 },
    app: ref("appName", "The app's name: kebab-case, like `invoicing`."),
    title: str("The app's display name. Default: the name in words.", { examples: ["Invoicing"] }),
    description: str("What the app is for."),
    version: str("The app's version, a semantic version like `0.1.0`.", {
      pattern:
        "^(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)\\.(?:0|[1-9][0-9]*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?" +
        "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$",
      patternErrorMessage: "Versions are semantic versions, like `0.1.0` or `1.2.0-beta.1`",
      examples: ["0.1.0"],
    }),
    database: ref("database"),
    auth: ref("auth"),
    tenancy: ref("tenancy"),
    locales: ref("locales"),
    quotas: ref("quotas"),
    theme: str(
      "The theme file, relative to the app folder. Default: `ui/theme.yaml` when it exists, else the built-in theme.",
      {
        pattern: "^[^\\s/][^\\s]*\\.ya?ml$",
        patternErrorMessage: "Give a YAML file path relative to the app folder, like `ui/theme.yaml`",
        examples: ["ui/theme.yaml"],
      },
    ),
  },
  snippets: [{ label: "new app", body: { weave: 0, app: "${1:my-app}", title: "${2:My app}" } }],
};
