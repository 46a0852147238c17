/**
 * Records as the API shows them, shared by reads (runtime/query) and writes (runtime/write): the
 * fields of a record, its SELECT list, its JSON, relation joins, and the access rules every
 * statement carries (tenant, read policy, the request transaction).
 *
 * @example
 *   const q = new SqlBuilder();
 *   const text = `select ${selectList(q, ctx, invoice, "t0")} from "invoices" "t0" where ${readFilter(q, ctx, invoice, "t0")}`;
 *   const { rows } = await trx.executeQuery(q.compile(text));
 *   rows.map((row) => recordJson(invoice, row));
 */
export { inRequestTransaction, policyVariables, readFilter, requireReadPolicy, requireTenant, tenantFilter } from "./access.ts";
export { currencyAlias, fieldValueSql, selectList, typeAlias } from "./projection.ts";
export { entityNamed, fieldScalar, idScalar, recordField, recordFields, SCALARS, type RecordField, type Scalar, type ScalarKind } from "./record-fields.ts";
export { recordJson, type RecordJson } from "./record-json.ts";
export { relationJoin, relationNames, type RelationJoin } from "./relations.ts";
export { and, columnOf, ident, SqlBuilder, type LowerContext } from "./sql-builder.ts";
