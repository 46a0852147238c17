/**
 * Reading the record a write works on, inside the write's transaction: found through the same
 * tenant and `read` policy filter as any read (a record the caller cannot see is a 404), locked
 * `FOR UPDATE` so concurrent writes to it queue up.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { readRecord } from "../query/get-record.ts";
import { readFilter } from "../records/access.ts";
import { selectList } from "../records/projection.ts";
import { recordJson, type RecordJson } from "../records/record-json.ts";
import { refCondition, refMatch } from "../records/record-ref.ts";
import { ident, SqlBuilder } from "../records/sql-builder.ts";
import { notFound } from "../server/errors.ts";
import type { WriteSession } from "./session.ts";

/** Whether some record could have this reference (an id, or key values for `id: none`). */
export const validRef = (ir: IR, entity: IREntity, ref: string): boolean => refMatch(ir, entity, ref) !== undefined;

/**
 * The condition naming the record `ref` on row `alias`; the caller checked the reference (a
 * malformed one is a bug here).
 *
 * @example rowCondition(q, s, invoice, id) // '"t0"."id" = $1::uuid'
 */
export function rowCondition(q: SqlBuilder, s: WriteSession, entity: IREntity, ref: string, alias = "t0"): string {
  const condition = refCondition(q, s.ctx.ir, entity, ref, alias);
  if (condition === undefined) throw new Error(`weave: ${ref} names no ${entity.name}`);
  return condition;
}

/**
 * The record `id` of `entity` (its reference: the id, or the key values of an `id: none` entity)
 * as record JSON, locked for the rest of the transaction; a 404 when it does not exist or the
 * caller may not read it.
 *
 * @example const before = await lockRecord(s, invoice, id); // { id, number, status: "draft", version: 3, ... }
 */
export async function lockRecord(s: WriteSession, entity: IREntity, id: string): Promise<RecordJson> {
  const q = new SqlBuilder();
  const row = refCondition(q, s.ctx.ir, entity, id, "t0");
  if (row === undefined) throw notFound(`no ${entity.label.toLowerCase()} ${id}`);
  const list = selectList(q, s.ctx, entity, "t0", undefined, { unmasked: true });
  const filter = readFilter(q, s.ctx, entity, "t0");
  const text = `select ${list} from ${ident(entity.table)} ${ident("t0")} where ${row} and (${filter}) for update of ${ident("t0")}`;
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
  const match = refMatch(s.ctx.ir, entity, id);
  const record = match && (await readRecord(s.trx, s.ctx, entity.name, match, { policy: false, unmasked: true }));
  if (!record) throw new Error(`weave: ${entity.name} ${id} vanished inside its own transaction`);
  return record;
}
