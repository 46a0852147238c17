import { authTables } from "./auth-tables.ts";
import type { DbTable } from "./db-schema.ts";

/**
 * Tables weave's runtime keeps for itself (their `entity` names no model entity: it names their
 * generated types), created by the same migrations as the model's:
 *
 * - `weave_audit`: every write, transition and admin action, append-only (a trigger refuses
 *   UPDATE and DELETE) and hash-chained (`hash` covers the row and `prev_hash`), so a changed or
 *   removed row is detectable by `weave audit verify`.
 * - `weave_idempotency`: the first response to a POST with an `Idempotency-Key`, replayed for
 *   the same key and refused for the same key with another body.
 * - the authentication and tenancy tables of auth-tables.ts (`weave_users`, `weave_sessions`, ...).
 *
 * @example
 *   systemTables().map((t) => t.name); // ["weave_audit", "weave_idempotency", "weave_users", ...]
 */
export function systemTables(): DbTable[] {
  return [audit(), idempotency(), ...authTables()];
}

const NO_CHANGE = ["BEGIN", "  RAISE EXCEPTION 'weave_audit is append-only: % is not allowed', TG_OP;", "END"].join("\n");

function audit(): DbTable {
  const text = (name: string, nullable = true) => ({ name, type: "text", nullable, source: `weave_audit.${name}` });
  return {
    name: "weave_audit",
    entity: "WeaveAudit",
    columns: [
      { name: "id", type: "bigint", nullable: false, identity: true, source: "weave_audit.id" },
      { name: "at", type: "timestamptz", nullable: false, default: "now()", source: "weave_audit.at" },
      { name: "tenant_id", type: "uuid", nullable: true, source: "weave_audit.tenant_id" },
      { name: "user_id", type: "uuid", nullable: true, source: "weave_audit.user_id" },
      text("request_id"),
      text("action", false),
      text("entity"),
      text("record_id"),
      text("name"),
      { name: "changes", type: "jsonb", nullable: true, source: "weave_audit.changes" },
      text("prev_hash"),
      text("hash", false),
    ],
    primaryKey: { name: "weave_audit_pkey", columns: ["id"] },
    uniques: [],
    checks: [{ name: "weave_audit_action_check", sql: `"action" IN ('create', 'update', 'delete', 'transition', 'action', 'admin')` }],
    foreignKeys: [],
    indexes: [
      { name: "weave_audit_record_idx", columns: ["tenant_id", "entity", "record_id"], using: "btree", unique: false },
      { name: "weave_audit_at_idx", columns: ["tenant_id", "at"], using: "btree", unique: false },
    ],
    rls: false,
    triggers: [{ name: "weave_audit_append_only", functionBody: NO_CHANGE, timing: "BEFORE", events: ["UPDATE", "DELETE"] }],
  };
}

function idempotency(): DbTable {
  return {
    name: "weave_idempotency",
    entity: "WeaveIdempotency",
    columns: [
      { name: "key", type: "text", nullable: false, source: "weave_idempotency.key" },
      { name: "scope", type: "text", nullable: false, source: "weave_idempotency.scope" },
      { name: "request_hash", type: "text", nullable: false, source: "weave_idempotency.request_hash" },
      { name: "status", type: "integer", nullable: false, source: "weave_idempotency.status" },
      { name: "body", type: "jsonb", nullable: true, source: "weave_idempotency.body" },
      { name: "created_at", type: "timestamptz", nullable: false, default: "now()", source: "weave_idempotency.created_at" },
    ],
    primaryKey: { name: "weave_idempotency_pkey", columns: ["scope", "key"] },
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [{ name: "weave_idempotency_created_at_idx", columns: ["created_at"], using: "btree", unique: false }],
    rls: false,
    triggers: [],
  };
}
