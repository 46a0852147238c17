import type { DbColumn, DbForeignKey, DbIndex, DbTable } from "./db-schema.ts";

/**
 * The tables behind authentication and tenancy (runtime/auth), created by every migration like
 * weave_audit. Secrets are never stored: passwords as argon2id hashes, and session ids, API tokens
 * and magic-link tokens as the hex sha256 of the random token the client holds.
 *
 * - `weave_users`: people who sign in; `email` lower-cased and unique; `roles` app-wide.
 * - `weave_credentials`: a user's password hash.
 * - `weave_sessions`: cookie sessions (`id` = sha256 of the cookie value), with idle and absolute expiry.
 * - `weave_tenants`, `weave_memberships`: tenants, and each member's roles in one.
 * - `weave_api_tokens`: Bearer tokens for programs, scoped and revocable.
 * - `weave_magic_links`: single-use sign-in links, bound to the address that asked for them.
 * - `weave_rate_limits`: fixed-window counters shared by every app instance.
 *
 * @example
 *   authTables().map((t) => t.name); // ["weave_users", "weave_credentials", ...]
 */
export function authTables(): DbTable[] {
  return [users(), credentials(), sessions(), tenants(), memberships(), apiTokens(), magicLinks(), rateLimits()];
}

type ColumnSpec = [name: string, type: string, nullable: boolean, default_?: string];

function table(name: string, entity: string, specs: ColumnSpec[], primaryKey: string[], extra: Partial<Pick<DbTable, "uniques" | "foreignKeys" | "indexes" | "checks">> = {}): DbTable {
  const columns: DbColumn[] = specs.map(([column, type, nullable, default_]) => ({
    name: column,
    type,
    nullable,
    ...(default_ === undefined ? {} : { default: default_ }),
    source: `${name}.${column}`,
  }));
  return {
    name,
    entity,
    columns,
    primaryKey: { name: `${name}_pkey`, columns: primaryKey },
    uniques: extra.uniques ?? [],
    checks: extra.checks ?? [],
    foreignKeys: extra.foreignKeys ?? [],
    indexes: extra.indexes ?? [],
    rls: false,
    triggers: [],
  };
}

const NOW = "now()";
const NO_ROLES = "'{}'::text[]";

const toUser = (name: string): DbForeignKey => ({ name: `${name}_user_id_fkey`, columns: ["user_id"], refTable: "weave_users", refColumns: ["id"], onDelete: "CASCADE" });
const index = (name: string, columns: string[], where?: string): DbIndex => ({ name, columns, using: "btree", unique: false, ...(where ? { where } : {}) });

function users(): DbTable {
  return table(
    "weave_users",
    "WeaveUser",
    [
      ["id", "uuid", false, "gen_random_uuid()"],
      ["email", "text", false],
      ["name", "text", true],
      ["roles", "text[]", false, NO_ROLES],
      ["created_at", "timestamptz", false, NOW],
      ["disabled_at", "timestamptz", true],
    ],
    ["id"],
    {
      uniques: [{ name: "weave_users_email_key", columns: ["email"] }],
      checks: [{ name: "weave_users_email_lower", sql: `"email" = lower("email")` }],
    },
  );
}

function credentials(): DbTable {
  return table("weave_credentials", "WeaveCredential", [["user_id", "uuid", false], ["password_hash", "text", false]], ["user_id"], {
    foreignKeys: [toUser("weave_credentials")],
  });
}

function sessions(): DbTable {
  return table(
    "weave_sessions",
    "WeaveSession",
    [
      ["id", "text", false],
      ["user_id", "uuid", false],
      ["created_at", "timestamptz", false, NOW],
      ["last_seen_at", "timestamptz", false, NOW],
      ["expires_at", "timestamptz", false],
      ["revoked_at", "timestamptz", true],
      ["user_agent", "text", true],
      ["ip", "text", true],
    ],
    ["id"],
    { foreignKeys: [toUser("weave_sessions")], indexes: [index("weave_sessions_user_idx", ["user_id"])] },
  );
}

function tenants(): DbTable {
  return table(
    "weave_tenants",
    "WeaveTenant",
    [
      ["id", "uuid", false, "gen_random_uuid()"],
      ["key", "text", false],
      ["name", "text", false],
    ],
    ["id"],
    { uniques: [{ name: "weave_tenants_key_key", columns: ["key"] }] },
  );
}

function memberships(): DbTable {
  return table(
    "weave_memberships",
    "WeaveMembership",
    [
      ["tenant_id", "uuid", false],
      ["user_id", "uuid", false],
      ["roles", "text[]", false, NO_ROLES],
    ],
    ["tenant_id", "user_id"],
    {
      foreignKeys: [
        { name: "weave_memberships_tenant_id_fkey", columns: ["tenant_id"], refTable: "weave_tenants", refColumns: ["id"], onDelete: "CASCADE" },
        toUser("weave_memberships"),
      ],
      indexes: [index("weave_memberships_user_idx", ["user_id"])],
    },
  );
}

function apiTokens(): DbTable {
  return table(
    "weave_api_tokens",
    "WeaveApiToken",
    [
      ["id", "uuid", false, "gen_random_uuid()"],
      ["user_id", "uuid", false],
      ["name", "text", false],
      ["token_hash", "text", false],
      ["scopes", "text[]", false, NO_ROLES],
      ["created_at", "timestamptz", false, NOW],
      ["last_used_at", "timestamptz", true],
      ["revoked_at", "timestamptz", true],
    ],
    ["id"],
    {
      uniques: [{ name: "weave_api_tokens_token_hash_key", columns: ["token_hash"] }],
      foreignKeys: [toUser("weave_api_tokens")],
      indexes: [index("weave_api_tokens_user_idx", ["user_id"])],
    },
  );
}

function magicLinks(): DbTable {
  return table(
    "weave_magic_links",
    "WeaveMagicLink",
    [
      ["token_hash", "text", false],
      ["email", "text", false],
      ["requested_ip", "text", true],
      ["expires_at", "timestamptz", false],
      ["used_at", "timestamptz", true],
    ],
    ["token_hash"],
    { indexes: [index("weave_magic_links_expires_at_idx", ["expires_at"])] },
  );
}

function rateLimits(): DbTable {
  return table(
    "weave_rate_limits",
    "WeaveRateLimit",
    [
      ["key", "text", false],
      ["window_start", "timestamptz", false],
      ["count", "integer", false, "0"],
    ],
    ["key", "window_start"],
    { indexes: [index("weave_rate_limits_window_start_idx", ["window_start"])] },
  );
}
