/**
 * The policy engine: one place that says who may read a field, write a field, and perform each
 * operation, in SQL on the rows (the read side's select lists and `_can`, the write side's checks)
 * or for the identity alone when a policy does not read the record (`/api/_meta`, filters).
 *
 * @example
 *   const q = new SqlBuilder();
 *   `select ${[selectList(q, ctx, invoice, "t0"), ...canColumns(q, ctx, invoice, "t0").columns].join(", ")} from "invoices" "t0" …`;
 *   metaFor(ctx); // the UI metadata for the caller
 */
export { canColumns, canOf, hasCan, type Can, type CanColumns } from "./can.ts";
export { decideForIdentity, readsRow } from "./decide.ts";
export { fieldAccess, fieldReadPolicy, fieldWritePolicy, filterable, readMarker } from "./field-policies.ts";
export { checkFieldWrites } from "./field-writes.ts";
export { metaFor, type Meta, type MetaEntity, type MetaField } from "./meta.ts";
export { actionDefaults, actionPolicies, transitionPolicies } from "./operation-policies.ts";
export { unreadableField, unreadableSearchFields } from "./readable-paths.ts";
export { registerPolicyRoutes } from "./routes.ts";
export { eventReadable } from "./event-access.ts";
