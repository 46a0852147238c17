import type { IREntity, IRExpression, IRField, Origin } from "../../ir/index.ts";

/** A policy as written, with where; `null` when none is written (denied: deny by default). */
export type InspectPolicy = { readonly expression: string; readonly origin: Origin } | null;

const policy = (e: IRExpression | undefined): InspectPolicy => (e ? { expression: e.source, origin: e.origin } : null);

/**
 * The entity's operation policies, plus each field, transition and action policy.
 *
 * @example entityPolicies(invoice).delete; // { expression: "$isAdmin && record.status == 'draft'", origin: {...} }
 */
export function entityPolicies(entity: IREntity) {
  const p = entity.policies;
  return {
    read: policy(p.read),
    create: policy(p.create),
    update: policy(p.update),
    delete: policy(p.delete),
    fields: Object.fromEntries(p.fields.map((f) => [f.field, { read: policy(f.read), write: policy(f.write) }])),
    transitions: Object.fromEntries(entity.states.flatMap((m) => m.transitions).map((t) => [t.name, transitionPolicy(entity, t.name, t.allow)])),
    actions: Object.fromEntries(entity.actions.map((a) => [a.name, policy(a.allow ?? p.actions.find((n) => n.name === a.name)?.expr)])),
  };
}

/**
 * What decides who reads and writes one field: the entity's read/create/update policies, and the
 * field's own policies when it has them (they narrow, never widen).
 *
 * @example fieldPolicies(customer, email).fieldRead; // { expression: "$isBilling", ... }
 */
export function fieldPolicies(entity: IREntity, field: IRField) {
  const own = entity.policies.fields.find((f) => f.field === field.name);
  const transitions = field.type === "state" ? (entity.states.find((m) => m.field === field.name)?.transitions ?? []) : [];
  return {
    read: policy(entity.policies.read),
    create: policy(entity.policies.create),
    update: policy(entity.policies.update),
    fieldRead: policy(own?.read),
    fieldWrite: policy(own?.write),
    ...(transitions.length > 0 ? { transitions: Object.fromEntries(transitions.map((t) => [t.name, transitionPolicy(entity, t.name, t.allow)])) } : {}),
  };
}

/** A transition's `allow`, else the entity's `policies.transitions` entry for it. */
function transitionPolicy(entity: IREntity, name: string, allow: IRExpression | undefined): InspectPolicy {
  return policy(allow ?? entity.policies.transitions.find((n) => n.name === name)?.expr);
}
