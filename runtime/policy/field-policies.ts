/**
 * Field policies (`policies.fields.<field>.read` / `.write`): who may see a field, and who may
 * write it. A field the caller may not read is absent from the record JSON (its value never leaves
 * the database: it is selected as `CASE WHEN <read> THEN <value> END`, beside a marker that says
 * whether to drop the key); filtering or sorting on it is a 400, so a filter cannot be an oracle.
 */
import type { IR, IREntity, IRExpression } from "../../compiler/ir/index.ts";
import type { Identity } from "../server/context.ts";
import { decideForIdentity } from "./decide.ts";

/**
 * The alias of the marker column that says whether the caller may read `name` on this row.
 *
 * @example readMarker("email") // "email__read"
 */
export const readMarker = (name: string): string => `${name}__read`;

/** The read policy of a field, if it has one. */
export function fieldReadPolicy(entity: IREntity, name: string): IRExpression | undefined {
  return entity.policies.fields.find((p) => p.field === name)?.read;
}

/** The write policy of a field, if it has one. */
export function fieldWritePolicy(entity: IREntity, name: string): IRExpression | undefined {
  return entity.policies.fields.find((p) => p.field === name)?.write;
}

/** Whether the entity has any field read policy (its select list then depends on who asks). */
export const hasFieldReadPolicies = (entity: IREntity): boolean => entity.policies.fields.some((p) => p.read !== undefined);

/**
 * How a field reads for this identity: `visible` (no policy, or one that holds for the identity
 * whatever the row), `hidden` (one that fails for the identity whatever the row), or `row` (the
 * policy reads the record: decided in SQL per row).
 *
 * @example fieldAccess(ir, customer, "email", viewer) // "hidden"
 */
export function fieldAccess(ir: IR, entity: IREntity, name: string, identity: Identity): "visible" | "hidden" | "row" {
  const policy = fieldReadPolicy(entity, name);
  if (!policy) return "visible";
  const decided = decideForIdentity(ir, entity, policy, identity);
  return decided === undefined ? "row" : decided ? "visible" : "hidden";
}

/**
 * Whether the caller may filter or sort by `name`: only when its read policy (if any) holds for
 * the identity alone. A policy that depends on the row would make the filter an oracle on rows
 * where the field is hidden.
 */
export const filterable = (ir: IR, entity: IREntity, name: string, identity: Identity): boolean => fieldAccess(ir, entity, name, identity) === "visible";
