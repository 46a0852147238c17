/**
 * Reading the record a write works on, inside the write's transaction: found through the same
 * tenant and `read` policy filter as any read (a record the caller cannot see is a 404), locked
 * `FOR UPDATE` so concurrent writes to it queue up.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { readRecord } from "../query/get-record.ts";
import { readFilter } from "../records/access.ts";
import { selectList } from "../records/projection.ts";
import { recordJson, type RecordJson } from "../records/record-json.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import { notFound } from "../server/errors.ts";
import type { WriteSession } from "./session.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id as its column's SQL type wants it, or undefined when no record can have it. */
export function validId(entity: IREntity, id: string): string | undefined {
  if (entity.id === "uuid") return UUID.test(id) ? id.toLowerCase() : undefined;
  if (entity.id === "serial") return /^[0-9]{1,19}$/.test(id) ? id : undefined;
  return undefined;
}

/** `$n::uuid` (or bigint) for an id. */
export const idParam = (q: SqlBuilder, entity: IREntity, id: string): string => q.param(id, entity.id === "serial" ? "bigint" : "uuid");

/**
 * The record `id` of `entity` as record JSON, locked for the rest of the transaction; a 404 when
 * it does not exist or the caller may not read it.
 *
 * @example const before = await lockRecord(s, invoice, id); // { id, number, status: "draft", version: 3, ... }
 */
export async function lockRecord(s: WriteSession, entity: IREntity, id: string): Promise<RecordJson> {
  const valid = validId(entity, id);
  if (valid === undefined) throw notFound(`no ${entity.label.toLowerCase()} ${id}`);
  const q = new SqlBuilder();
  const list = selectList(q, s.ctx, entity, "t0", undefined, { unmasked: true });
  const filter = readFilter(q, s.ctx, entity, "t0");
  const text = `select ${list} from ${ident(entity.table)} ${ident("t0")} where ${columnOf("t0", "id")} = ${idParam(q, entity, valid)} and (${filter}) for update of ${ident("t0")}`;
  const { rows } = await s.trx.executeQuery<Record<string, unknown>>(q.compile(text));
  if (!rows[0]) throw notFound(`no ${entity.label.toLowerCase()} ${id}`);
  return recordJson(entity, rows[0], undefined, { unmasked: true });
}

/**
 * The record as it is now in the transaction (after a write), as the API returns it: read with
 * runtime/query's `readRecord`, under the tenant but not the read policy (the writer gets back
 * what it wrote).
 */
export async function currentRecord(s: WriteSession, entity: IREntity, id: string): Promise<RecordJson> {
  const record = await readRecord(s.trx, s.ctx, entity.name, { id }, { policy: false, unmasked: true });
  if (!record) throw new Error(`weave: ${entity.name} ${id} vanished inside its own transaction`);
  return record;
}
