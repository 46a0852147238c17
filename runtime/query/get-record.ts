/**
 * `GET /api/<entities>/:id` and by key: one record, under its tenant and read policy. A record the
 * policy hides is a 404, the same as one that does not exist, so existence never leaks.
 */
import type { Transaction } from "kysely";
import type { IREntity } from "../../compiler/ir/index.ts";
import { inRequestTransaction, readFilter, requireReadPolicy, requireTenant, tenantFilter } from "../records/access.ts";
import { canColumns } from "../policy/can.ts";
import { selectList } from "../records/projection.ts";
import { entityNamed, idScalar, recordField, type Scalar } from "../records/record-fields.ts";
import { recordJson, type RecordJson } from "../records/record-json.ts";
import type { RelationJoin } from "../records/relations.ts";
import { and, columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { notFound } from "../server/errors.ts";
import { attachIncludes } from "./include.ts";
import { matchSql, type RecordMatch } from "../records/record-ref.ts";
import { parseRecordQuery } from "./parse-list-query.ts";
import { parseScalar } from "./scalar-value.ts";

/** How `readRecord` finds its row: by id, or by the values of the key fields (typed). */
export type { RecordMatch };

export interface ReadOptions {
  readonly include?: readonly RelationJoin[];
  readonly fields?: ReadonlySet<string>;
  /** Apply the entity's read policy (default true). The tenant always applies. */
  readonly policy?: boolean;
  /**
   * Keep the fields the caller may not read (the write side, for hooks and the audit); the record
   * names them under `HIDDEN_FIELDS`, and `visibleRecord` drops them before a response.
   */
  readonly unmasked?: boolean;
}

/**
 * The record with this id.
 *
 * @example await getRecord(ctx, "Invoice", "0b6c…", new URLSearchParams("include=customer,lines"))
 * @throws WeaveError 400 for a malformed query, 403 without a read policy, 404 for an id that is
 *   malformed, missing or not visible.
 */
export async function getRecord(ctx: RequestContext, entityName: string, id: string, query: URLSearchParams): Promise<RecordJson> {
  const entity = readable(ctx, entityName);
  if (entity.id === "none") throw new Error(`${entity.name} has no id: read it by key`);
  const options = parseRecordQuery(ctx, entity, query);
  const value = typed(idScalar(entity), id, `no ${entity.name} with id ${id}`);
  const record = await inRequestTransaction(ctx, (trx) => readRecord(trx, ctx, entity.name, { id: value }, options));
  if (!record) throw notFound(`no ${entity.name} with id ${id}`);
  return record;
}

/**
 * The record whose key fields (`key: number`, `key: [invoice, position]`) have these values, in
 * the order of the key.
 *
 * @example await getRecordByKey(ctx, "Invoice", ["INV-2026-0001"], new URLSearchParams())
 */
export async function getRecordByKey(ctx: RequestContext, entityName: string, keyValues: readonly string[], query: URLSearchParams): Promise<RecordJson> {
  const entity = readable(ctx, entityName);
  if (entity.key.length === 0) throw new Error(`${entity.name} has no key`);
  const options = parseRecordQuery(ctx, entity, query);
  const missing = `no ${entity.name} with ${entity.key.map((k, i) => `${k} ${keyValues[i] ?? "(none)"}`).join(", ")}`;
  if (keyValues.length !== entity.key.length) throw notFound(missing);
  const key = entity.key.map((name, i) => {
    const field = recordField(ctx.ir, entity, name);
    if (!field || field.source === "polymorphic") throw new Error(`${entity.name}.${name} cannot be a key`);
    return typed(field.scalar, keyValues[i]!, missing);
  });
  const record = await inRequestTransaction(ctx, (trx) => readRecord(trx, ctx, entity.name, { key }, options));
  if (!record) throw notFound(missing);
  return record;
}

/**
 * One record inside an open request transaction, or undefined. For the write side, to return a
 * record after a write (`{ policy: false }` skips the read policy, never the tenant).
 *
 * @example
 *   await withRequestTransaction(db, settings, async (trx) => { ...insert...; return readRecord(trx, ctx, "Invoice", { id }); });
 */
export async function readRecord(trx: Transaction<any>, ctx: RequestContext, entityName: string, match: RecordMatch, options: ReadOptions = {}): Promise<RecordJson | undefined> {
  const entity = entityNamed(ctx.ir, entityName);
  const q = new SqlBuilder();
  const include = options.include ?? [];
  const refs = include.filter((j) => j.kind === "foreignKey" || j.kind === "polymorphic").map((j) => j.field.name);
  const selected = selectList(q, ctx, entity, "t0", options.fields ? new Set([...options.fields, ...refs]) : undefined, { unmasked: options.unmasked === true });
  const can = canColumns(q, ctx, entity, "t0", { readable: options.policy !== false });
  const columns = [selected, ...can.columns].join(", ");
  const access = options.policy === false ? tenantFilter(q, ctx, entity, "t0") : readFilter(q, ctx, entity, "t0");
  const where = and([access, ...matchSql(q, ctx.ir, entity, match, "t0")]);
  const { rows } = await trx.executeQuery<Record<string, unknown>>(q.compile(`select ${columns} from ${ident(entity.table)} "t0" where ${where} limit 2`));
  const row = rows[0];
  if (!row) return undefined;
  can.fill(row);
  const record = recordJson(entity, row, options.fields, { unmasked: options.unmasked === true });
  await attachIncludes(trx, ctx, entity, [row], [record], include);
  return record;
}


function readable(ctx: RequestContext, entityName: string): IREntity {
  const entity = entityNamed(ctx.ir, entityName);
  requireTenant(ctx, entity);
  requireReadPolicy(entity);
  return entity;
}

/** A path value that cannot be one of the field names no record: 404, as spec/api.md says. */
function typed(scalar: Scalar, text: string, missing: string): unknown {
  const parsed = parseScalar(scalar, text);
  if (!parsed.ok) throw notFound(missing);
  return parsed.value;
}
