/**
 * Paths and filters as SQL on row `t0`. A hop to a single related record reads like a left join:
 * a scalar subquery that carries the related entity's own read policy (a record one may not read
 * reads as null, so filtering cannot reveal it). Values are always parameters; strings compare by
 * code point (`COLLATE "C"`), the same on every database.
 */
import type { Expr } from "../../compiler/ir/index.ts";
import { readFilter } from "../records/access.ts";
import { fieldValueSql } from "../records/projection.ts";
import { and, columnOf, ident, type SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import type { FieldPath, Filter } from "./list-query.ts";

const SPAN = { start: 0, end: 0 };

/**
 * The value of a path on row `alias`.
 *
 * @example pathSql(q, ctx, customer.name, "t0")
 * // '(select "r1"."name" from "customers" "r1" where ("r1"."id" = "t0"."customer_id") and (…read policy…))'
 */
export function pathSql(q: SqlBuilder, ctx: RequestContext, path: FieldPath, alias: string, depth = 0): string {
  const [step, ...rest] = path.steps;
  if (!step) return ownValue(q, ctx, path, alias);
  const row = `r${depth + 1}`;
  const target = step.target;
  const link = step.kind === "foreignKey" ? `${columnOf(row, "id")} = ${columnOf(alias, step.column)}` : `${columnOf(row, step.column)} = ${columnOf(alias, "id")}`;
  const value = pathSql(q, ctx, { ...path, steps: rest }, row, depth + 1);
  return `(select ${value} from ${ident(target.table)} ${ident(row)} where ${and([link, readFilter(q, ctx, target, row)])})`;
}

/** A field of the row itself: its column or computed SQL, a polymorphic part, an embedded member. */
function ownValue(q: SqlBuilder, ctx: RequestContext, path: FieldPath, alias: string): string {
  const { field, members } = path;
  if (field.source === "polymorphic") return columnOf(alias, path.part === "type" ? field.typeColumn : field.column);
  if (members.length === 0) return fieldValueSql(q, ctx, path.entity, field, alias);
  let node: Expr = { kind: "ident", name: "record", span: SPAN };
  for (const property of [field.name, ...members]) node = { kind: "member", object: node, property, span: SPAN };
  return q.expression(node, { ir: ctx.ir, entity: path.entity.name, row: alias, mode: "parameters" });
}

/** Text compares by code point; other values as they are. */
export function comparable(path: FieldPath, sql: string): string {
  return path.scalar?.kind === "text" ? `${sql} collate "C"` : sql;
}

/**
 * One filter as a condition on row `alias`. A null value matches no comparison (`ne` and `nin`
 * included, as in SQL); `isNull` asks for it.
 *
 * @example filterSql(q, ctx, { path: due, op: "lt", value: "2026-02-01" }, "t0") // '"t0"."due" < $3::date'
 */
export function filterSql(q: SqlBuilder, ctx: RequestContext, filter: Filter, alias: string): string {
  const value = pathSql(q, ctx, filter.path, alias);
  const cast = filter.path.scalar?.cast ?? "text";
  const param = () => q.param(filter.value, cast);
  const list = () => q.param(filter.value, `${cast}[]`);
  switch (filter.op) {
    case "eq": return `${value} = ${param()}`;
    case "ne": return `${value} <> ${param()}`;
    case "lt": return `${comparable(filter.path, value)} < ${param()}`;
    case "lte": return `${comparable(filter.path, value)} <= ${param()}`;
    case "gt": return `${comparable(filter.path, value)} > ${param()}`;
    case "gte": return `${comparable(filter.path, value)} >= ${param()}`;
    case "in": return `${value} = any(${list()})`;
    case "nin": return `not (${value} = any(${list()}))`;
    // Literal matches: no LIKE, so `%` and `_` are plain characters.
    case "contains": return `strpos(lower(${value}), lower(${param()})) > 0`;
    case "startsWith": return `starts_with(lower(${value}), lower(${param()}))`;
    case "isNull": return `${value} ${filter.value ? "is null" : "is not null"}`;
  }
}

/** `q=`: the search vector matched by websearch syntax (words, "quoted phrases", -excluded). */
export function searchSql(q: SqlBuilder, search: string, alias: string): string {
  return `${columnOf(alias, "search_vector")} @@ websearch_to_tsquery('simple', ${q.param(search, "text")})`;
}
