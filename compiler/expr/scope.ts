/**
 * The type environment an expression is checked in. The model checker builds one per context (computed field,
 * policy, guard, action, query); this module only describes it and the built-in context objects.
 */
import type { Expr, ExprType } from "../ir/index.ts";
import { T } from "./types.ts";

export interface ExprScope {
  /** Variables in scope, e.g. `{ user: { kind: "object", name: "user" }, record: { kind: "entity", name: "Invoice" } }`. */
  readonly variables: Readonly<Record<string, ExprType>>;
  /**
   * Bare identifiers that are not variables resolve as members of this type (the record in record contexts).
   * They are rewritten to `record.<name>`, so `variables.record` should hold the same type.
   */
  readonly implicit?: ExprType;
  /**
   * Members of an entity or object type: field name -> type (ref fields give entity types, many relations
   * list<entity>). Undefined for a type without members.
   */
  members(type: ExprType): Readonly<Record<string, ExprType>> | undefined;
  /** Shared named rules (already parsed), inlined where `$name` appears. */
  readonly rules?: ReadonlyMap<string, Expr>;
  /** The permission catalog, for `can('invoices.pay')`: permission -> the roles given it. */
  readonly permissions?: ReadonlyMap<string, readonly string[]>;
  /**
   * An entity's policy for `check(x, op)`, as parsed: undefined when none is written (a deny), null when it
   * does not parse (reported where it is written). `update` and `delete` fall back to `write`.
   */
  readonly policy?: (entity: string, op: PolicyOp) => Expr | null | undefined;
  /**
   * Whether a field of an entity is `encrypted`: the database holds only its ciphertext, so an
   * expression (lowered to SQL) may not read it, except to test it for null with `has(...)` (WV411).
   */
  readonly encrypted?: (entity: string, field: string) => boolean;
  /**
   * The entity policies this expression is, as `Entity.op` (`Folder.read`; a `write` is `update` and
   * `delete` where those are not written). A `check(...)` that comes back to one of them, through a
   * related record, is a recursion (a parent chain) and stays a call in the checked AST.
   */
  readonly policyNames?: readonly string[];
}

/**
 * How deep a recursive `check(...)` follows a chain of records (a folder's parents): deeper records are
 * denied. The evaluator and the SQL lowering both stop here, so they agree.
 */
export const CHECK_DEPTH_LIMIT = 32;

/** The operations `check(x, op)` can delegate. */
export const POLICY_OPS = ["read", "update", "delete"] as const;
export type PolicyOp = (typeof POLICY_OPS)[number];

/** The context variables of the language. Using one where the context has none is WV407, not WV401. */
export const CONTEXT_VARIABLES = ["user", "tenant", "record", "input", "params"] as const;

/** The name `record` takes in the normalised AST: bare field names become `record.<field>`. */
export const RECORD = "record";

/** Type of `user`: the signed-in user. */
export const USER_TYPE: ExprType = T.object("user");
/** Type of `tenant`: the current tenant and the user's membership of it. */
export const TENANT_TYPE: ExprType = T.object("tenant");

const BUILTIN_MEMBERS: Readonly<Record<string, Readonly<Record<string, ExprType>>>> = {
  user: { id: T.uuid, email: T.string, name: T.string, roles: T.list(T.string) },
  tenant: { id: T.uuid, key: T.string, name: T.string, member: T.bool, roles: T.list(T.string) },
};

/**
 * Members of the built-in objects `user` and `tenant`; undefined for any other type. Compose it into a scope's
 * `members` so every context agrees on them.
 *
 * @example
 * const scope: ExprScope = {
 *   variables: { user: USER_TYPE, record: { kind: "entity", name: "Invoice" } },
 *   members: (t) => builtinMembers(t) ?? modelMembers(t),
 * };
 */
export function builtinMembers(type: ExprType): Readonly<Record<string, ExprType>> | undefined {
  return type.kind === "object" ? BUILTIN_MEMBERS[type.name] : undefined;
}
