/**
 * Which expressions decide each operation, the one definition the write side checks and `_can`
 * reports, so the two never disagree. All of a list must hold; no list (undefined) is a deny.
 *
 * - update, delete: the entity's policy;
 * - a transition: its `allow` (default: the `update` policy) and `policies.transitions.<name>`;
 * - an action: its `allow` (default: `update` for a record action, `create` for a collection
 *   action) and `policies.actions.<name>`.
 */
import type { IREntity, IRExpression } from "../../compiler/ir/index.ts";

type Transition = IREntity["states"][number]["transitions"][number];
type Action = IREntity["actions"][number];

/** The expressions of a transition, or undefined when nothing allows it. */
export function transitionPolicies(entity: IREntity, transition: Transition): IRExpression[] | undefined {
  const allow = transition.allow ?? entity.policies.update;
  if (!allow) return undefined;
  const extra = entity.policies.transitions.find((p) => p.name === transition.name)?.expr;
  return extra ? [allow, extra] : [allow];
}

/** The expressions of an action, or undefined when nothing allows it. */
export function actionPolicies(entity: IREntity, action: Action): IRExpression[] | undefined {
  const allow = action.allow ?? (action.scope === "record" ? entity.policies.update : entity.policies.create);
  if (!allow) return undefined;
  const extra = entity.policies.actions.find((p) => p.name === action.name)?.expr;
  return extra ? [allow, extra] : [allow];
}

/** The literal defaults of an action's input: what `input` is in `_can`, before any is given. */
export function actionDefaults(action: Action, body: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const input: Record<string, unknown> = { ...body };
  for (const field of action.input) {
    if (input[field.name] === undefined && field.default && "value" in field.default) input[field.name] = field.default.value;
  }
  return input;
}
