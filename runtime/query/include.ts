/**
 * `include=`: related records loaded in batches, one statement per included relation whatever the
 * number of rows (a polymorphic ref: one per target entity present), each filtered by the related
 * entity's own read policy. Refs by `id = any($ids)`, relations to many by `<fk> = any($ids)`,
 * many-to-many through the join table.
 */
import type { Transaction } from "kysely";
import type { IREntity } from "../../compiler/ir/index.ts";
import { readFilter } from "../records/access.ts";
import { canColumns } from "../policy/can.ts";
import { fieldAccess, fieldReadCondition, readMarker } from "../policy/field-policies.ts";
import { selectList, typeAlias } from "../records/projection.ts";
import { idScalar } from "../records/record-fields.ts";
import { recordJson, type RecordJson } from "../records/record-json.ts";
import type { RelationJoin } from "../records/relations.ts";
import { and, columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { keySql, orderBySql } from "./order-sql.ts";
import { defaultSort } from "./parse-sort.ts";

type Row = Record<string, unknown>;

const PARENT = "__parent";

/**
 * Loads every relation in `joins` for `rows` and sets `records[i]._included[<relation>]`: a record or
 * null for refs and `one`, a list for relations to many.
 */
export async function attachIncludes(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, rows: readonly Row[], records: RecordJson[], joins: readonly RelationJoin[]): Promise<void> {
  if (rows.length === 0) return;
  for (const join of joins) {
    // A relation under a field read policy the caller fails is absent, like a hidden field.
    const readable = await readableRows(trx, ctx, entity, rows, join);
    if (!readable.some(Boolean)) continue;
    const values = await loadRelation(trx, ctx, entity, rows, join);
    records.forEach((record, i) => {
      if (!readable[i]) return;
      const included = (record._included ??= {}) as Record<string, unknown>;
      included[join.field.name] = values[i];
    });
  }
}

/** Per row, whether the caller may read the relation field: by identity, by the row's marker, or one query for relations stored elsewhere. */
async function readableRows(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, rows: readonly Row[], join: RelationJoin): Promise<boolean[]> {
  const name = join.field.name;
  const access = fieldAccess(ctx.ir, entity, name, ctx.identity);
  if (access !== "row") return rows.map(() => access === "visible");
  if (join.kind === "foreignKey" || join.kind === "polymorphic") return rows.map((r) => r[readMarker(name)] === true);
  const q = new SqlBuilder();
  const condition = fieldReadCondition(q, ctx, entity, name, "t0")!;
  const wanted = q.param(ids(rows.map((r) => r.id)), `${idScalar(entity).cast}[]`);
  const { rows: marks } = await trx.executeQuery<Row>(q.compile(`select ${columnOf("t0", "id")} as "id", ${condition} as "ok" from ${ident(entity.table)} "t0" where ${columnOf("t0", "id")} = any(${wanted})`));
  const ok = new Set(marks.filter((m) => m.ok === true).map((m) => String(m.id)));
  return rows.map((r) => ok.has(String(r.id)));
}

/** The included value of each row, in the order of `rows`. */
async function loadRelation(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, rows: readonly Row[], join: RelationJoin): Promise<unknown[]> {
  const name = join.field.name;
  switch (join.kind) {
    case "foreignKey": {
      const byId = await byIds(trx, ctx, join.target, ids(rows.map((r) => r[name])));
      return rows.map((r) => byId.get(String(r[name])) ?? null);
    }
    case "polymorphic": {
      const loaded = new Map<string, RecordJson>();
      for (const target of join.targets) {
        const wanted = ids(rows.filter((r) => r[typeAlias(name)] === target.name).map((r) => r[name]));
        for (const [id, record] of await byIds(trx, ctx, target, wanted)) loaded.set(`${target.name}:${id}`, record);
      }
      return rows.map((r) => loaded.get(`${String(r[typeAlias(name)])}:${String(r[name])}`) ?? null);
    }
    default: {
      const groups = await byParent(trx, ctx, entity, join, ids(rows.map((r) => r.id)));
      return rows.map((r) => {
        const group = groups.get(String(r.id)) ?? [];
        return join.many ? group : (group[0] ?? null);
      });
    }
  }
}

/** Records of `target` with these ids, by id; no statement for no ids. */
async function byIds(trx: Transaction<any>, ctx: RequestContext, target: IREntity, wanted: string[]): Promise<Map<string, RecordJson>> {
  if (wanted.length === 0) return new Map();
  const q = new SqlBuilder();
  const can = canColumns(q, ctx, target, "t0", { readable: true });
  const list = [selectList(q, ctx, target, "t0"), ...can.columns].join(", ");
  const where = and([readFilter(q, ctx, target, "t0"), `${columnOf("t0", "id")} = any(${q.param(wanted, `${idScalar(target).cast}[]`)})`]);
  const { rows } = await trx.executeQuery<Row>(q.compile(`select ${list} from ${ident(target.table)} "t0" where ${where}`));
  rows.forEach(can.fill);
  return new Map(rows.map((row) => [String(row.id), recordJson(target, row)]));
}

/** Records related to many parents, grouped by parent id, each group in the target's list order. */
async function byParent(trx: Transaction<any>, ctx: RequestContext, entity: IREntity, join: RelationJoin & { kind: "inverse" | "through" }, parents: string[]): Promise<Map<string, RecordJson[]>> {
  const target = join.target;
  const q = new SqlBuilder();
  const can = canColumns(q, ctx, target, "t0", { readable: true });
  const list = [selectList(q, ctx, target, "t0"), ...can.columns].join(", ");
  const parentIds = q.param(parents, `${idScalar(entity).cast}[]`);
  const conditions = [readFilter(q, ctx, target, "t0")];
  let from = `${ident(target.table)} "t0"`;
  let parent: string;
  if (join.kind === "inverse") parent = columnOf("t0", join.column);
  else {
    from += ` join ${ident(join.through.table)} "l0" on ${columnOf("l0", join.targetColumn)} = ${columnOf("t0", "id")}`;
    parent = columnOf("l0", join.sourceColumn);
    if (!join.through.generated) conditions.push(readFilter(q, ctx, join.through, "l0"));
  }
  conditions.push(`${parent} = any(${parentIds})`);
  const order = orderBySql(keySql(q, ctx, defaultSort(ctx.ir, target), "t0"));
  const text = `select ${list}, ${parent} as ${ident(PARENT)} from ${from} where ${and(conditions)} order by ${order}`;
  const { rows } = await trx.executeQuery<Row>(q.compile(text));
  const groups = new Map<string, RecordJson[]>();
  for (const row of rows) {
    can.fill(row);
    const key = String(row[PARENT]);
    const group = groups.get(key) ?? [];
    group.push(recordJson(target, row));
    groups.set(key, group);
  }
  return groups;
}

/** Distinct non-null ids as strings. */
function ids(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((v) => v !== null && v !== undefined).map(String))];
}
