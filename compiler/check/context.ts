import type { Reporter } from "../diagnostics/reporter.ts";
import { TENANT_TYPE, USER_TYPE } from "../expr/index.ts";
import type { Expr, ExprType } from "../ir/index.ts";
import type { Model } from "./model.ts";

/** What the checking passes share: the model, the reporter, and caches built once per compilation. */
export interface CheckContext {
  readonly model: Model;
  readonly reporter: Reporter;
  /** Object shapes that are not entities: action inputs (`Invoice.duplicate.input`), query params (`overdue.params`). */
  readonly shapes: Map<string, Record<string, ExprType>>;
  /** Shared rules that parsed, for inlining at `$name`. */
  readonly rules: Map<string, Expr>;
}

/** The variables an expression sees, by where it is written. */
export interface ExprEnv {
  readonly variables: Readonly<Record<string, ExprType>>;
  readonly implicit?: ExprType;
  /** The entity policies the expression is (`Folder.read`), for `check(...)` recursion. */
  readonly policyNames?: readonly string[];
}

const USER = USER_TYPE;
const TENANT = TENANT_TYPE;

/** Computed fields, rules, guards, index predicates, effects: the record alone (no user, so values do not depend on who reads). */
export function recordEnv(entity: string): ExprEnv {
  const record: ExprType = { kind: "entity", name: entity };
  return { variables: { record }, implicit: record };
}

/** Policies and transition `allow`: who asks, in which tenant, about which record. */
export function policyEnv(entity: string): ExprEnv {
  const record: ExprType = { kind: "entity", name: entity };
  return { variables: { user: USER, tenant: TENANT, record }, implicit: record };
}

/** Transition effects: the record, and who triggered the transition. */
export function effectEnv(entity: string): ExprEnv {
  return policyEnv(entity);
}

/** Action `allow`: policy variables plus the action's input. */
export function actionEnv(entity: string, action: string, scope: "record" | "collection"): ExprEnv {
  const input: ExprType = { kind: "object", name: `${entity}.${action}.input` };
  const base = { user: USER, tenant: TENANT, input };
  if (scope === "collection") return { variables: base };
  const record: ExprType = { kind: "entity", name: entity };
  return { variables: { ...base, record }, implicit: record };
}

/** Field defaults: evaluated on insert, before the record exists. */
export function defaultEnv(): ExprEnv {
  return { variables: { user: USER, tenant: TENANT } };
}

/** Saved query `where`: the rows of `from` by bare name, plus params, user and tenant. */
export function queryEnv(query: string, from: string): ExprEnv {
  const record: ExprType = { kind: "entity", name: from };
  const params: ExprType = { kind: "object", name: `${query}.params` };
  return { variables: { user: USER, tenant: TENANT, params, record }, implicit: record };
}

/** Saved query `allow`: who runs it with which params. */
export function queryAllowEnv(query: string): ExprEnv {
  return { variables: { user: USER, tenant: TENANT, params: { kind: "object", name: `${query}.params` } } };
}

/** Shared rules: checked where they are used; on their own they see user and tenant, and any record. */
export function sharedRuleEnv(): ExprEnv {
  return { variables: { user: USER, tenant: TENANT, record: { kind: "any" } } };
}
