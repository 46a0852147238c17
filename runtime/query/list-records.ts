/**
 * `GET /api/<entities>`: one SELECT for the page (filters, search, the read policy and the tenant
 * in its WHERE, keyset or offset paging), one per included relation, and one more for `count=true`.
 */
import type { Transaction } from "kysely";
import type { IREntity } from "../../compiler/ir/index.ts";
import { inRequestTransaction, readFilter, requireReadPolicy, requireTenant } from "../records/access.ts";
import { canColumns } from "../policy/can.ts";
import { selectList } from "../records/projection.ts";
import { entityNamed } from "../records/record-fields.ts";
import { recordJson, type RecordJson } from "../records/record-json.ts";
import { and, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { encodeCursor } from "./cursor.ts";
import { filterSql, searchSql } from "./filter-sql.ts";
import { attachIncludes } from "./include.ts";
import type { ListQuery } from "./list-query.ts";
import { cursorColumnsSql, cursorValues, keysetSql, keySql, orderBySql } from "./order-sql.ts";
import { parseListQuery } from "./parse-list-query.ts";
import { requireParent, resolveScope, scopeSql, type ListScope, type ResolvedScope } from "./scope.ts";

/** The body of a list response. */
export interface ListResponse {
  readonly data: RecordJson[];
  /** `after`: the cursor of the next page, absent on the last one. */
  readonly page: { readonly size: number; readonly after?: string; readonly offset?: number };
  /** With `count=true`: how many records match, over all pages. */
  readonly count?: number;
}

type Row = Record<string, unknown>;

/**
 * A page of records of `entityName`, as the query string asks; with `scope`, only those related
 * to one parent record.
 *
 * @example
 *   await listRecords(ctx, "Invoice", new URLSearchParams("filter[customer.name][contains]=acme&sort=-due&include=customer"));
 *   // { data: [{ id, number, ..., _included: { customer: { ... } } }], page: { size: 25, after: "eyJ…" } }
 * @throws WeaveError 400 for a query the model does not allow, a tenant entity without a tenant;
 *   403 without a read policy; 404 for a scope whose parent is not visible.
 */
export async function listRecords(ctx: RequestContext, entityName: string, query: URLSearchParams, scope?: ListScope): Promise<ListResponse> {
  const entity = entityNamed(ctx.ir, entityName);
  requireTenant(ctx, entity);
  requireReadPolicy(entity);
  const list = parseListQuery(ctx, entity, query);
  const parent = scope ? resolveScope(ctx, entity, scope) : undefined;
  return inRequestTransaction(ctx, (trx) => runList(trx, ctx, entity, list, parent));
}

/** Runs a validated list query inside an open request transaction. */
export async function runList(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, list: ListQuery, parent?: ResolvedScope): Promise<ListResponse> {
  const { statement, can, keys } = pageStatement(ctx, entity, list, parent);
  const { rows } = await trx.executeQuery<Row>(statement);
  if (rows.length === 0 && parent) await requireParent(trx, ctx, parent);
  const more = rows.length > list.page.size;
  const pageRows = more ? rows.slice(0, list.page.size) : rows;
  pageRows.forEach(can.fill);
  const data = pageRows.map((row) => recordJson(entity, row, list.fields));
  await attachIncludes(trx, ctx, entity, pageRows, data, list.include);
  const last = pageRows[pageRows.length - 1];
  const page = {
    size: list.page.size,
    ...(more && last ? { after: encodeCursor(list.sort, cursorValues(keys, last)) } : {}),
    ...(list.page.offset === undefined ? {} : { offset: list.page.offset }),
  };
  if (!list.count) return { data, page };
  return { data, page, count: await countRows(trx, ctx, entity, list, parent) };
}

function pageStatement(ctx: RequestContext, entity: IREntity, list: ListQuery, parent: ResolvedScope | undefined) {
  const q = new SqlBuilder();
  const selected = selectedFields(list);
  const can = canColumns(q, ctx, entity, "t0", { readable: true });
  const columns = [selectList(q, ctx, entity, "t0", selected), ...can.columns];
  const keys = keySql(q, ctx, list.sort, "t0", selected);
  const where = and([whereSql(q, ctx, entity, list, parent), list.page.after ? keysetSql(q, keys, list.page.after) : undefined]);
  const limit = ` limit ${q.param(list.page.size + 1, "integer")}`;
  const offset = list.page.offset ? ` offset ${q.param(list.page.offset, "integer")}` : "";
  const select = [...columns, ...cursorColumnsSql(keys)].join(", ");
  return { statement: q.compile(`select ${select} from ${ident(entity.table)} "t0" where ${where} order by ${orderBySql(keys)}${limit}${offset}`), can, keys };
}

async function countRows(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, list: ListQuery, parent: ResolvedScope | undefined): Promise<number> {
  const q = new SqlBuilder();
  const where = whereSql(q, ctx, entity, list, parent);
  const { rows } = await trx.executeQuery<{ count: unknown }>(q.compile(`select count(*) as "count" from ${ident(entity.table)} "t0" where ${where}`));
  return Number(rows[0]?.count ?? 0);
}

/** Tenant, read policy, scope, filters and search: what both the page and the count select by. */
function whereSql(q: SqlBuilder, ctx: RequestContext, entity: IREntity, list: ListQuery, parent: ResolvedScope | undefined): string {
  return and([
    readFilter(q, ctx, entity, "t0"),
    parent ? scopeSql(q, ctx, parent, "t0") : undefined,
    ...list.filters.map((filter) => filterSql(q, ctx, filter, "t0")),
    list.search === undefined ? undefined : searchSql(q, list.search, "t0"),
  ]);
}

/** A sparse fieldset plus the refs an include needs to follow. */
function selectedFields(list: ListQuery): ReadonlySet<string> | undefined {
  if (!list.fields) return undefined;
  const refs = list.include.filter((j) => j.kind === "foreignKey" || j.kind === "polymorphic").map((j) => j.field.name);
  return new Set([...list.fields, ...refs]);
}
