import type { Policies } from "../ir/index.ts";
import type { EntityLike } from "../check/model.ts";
import { expressionAt, type LowerSource } from "./context.ts";

type PoliciesSpec = Partial<Record<"read" | "create" | "update" | "delete" | "write", string>> & {
  fields?: Record<string, { read?: string; write?: string }>;
  transitions?: Record<string, string>;
  actions?: Record<string, string>;
};

/**
 * Entity policies. `write` is shorthand: it fills create, update and delete where those are not
 * written. What stays absent is denied at run time.
 *
 * @example
 *   lowerPolicies(src, { policies: { read: "tenant.member", write: "'billing' in user.roles" } });
 */
export function lowerPolicies(src: LowerSource, entity: EntityLike): Policies {
  const spec = (entity.policies ?? {}) as PoliciesSpec;
  const policies: Policies = { fields: [], transitions: [], actions: [] };
  if (spec.read !== undefined) policies.read = expressionAt(src, ["policies", "read"]);
  for (const op of ["create", "update", "delete"] as const) {
    if (spec[op] !== undefined) policies[op] = expressionAt(src, ["policies", op]);
    else if (spec.write !== undefined) policies[op] = expressionAt(src, ["policies", "write"]);
  }
  for (const [field, rule] of Object.entries(spec.fields ?? {})) {
    const lowered: Policies["fields"][number] = { field };
    if (rule.read !== undefined) lowered.read = expressionAt(src, ["policies", "fields", field, "read"]);
    if (rule.write !== undefined) lowered.write = expressionAt(src, ["policies", "fields", field, "write"]);
    policies.fields.push(lowered);
  }
  for (const kind of ["transitions", "actions"] as const) {
    for (const name of Object.keys(spec[kind] ?? {})) policies[kind].push({ name, expr: expressionAt(src, ["policies", kind, name]) });
  }
  return policies;
}
