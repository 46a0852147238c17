/**
 * The INSERT, UPDATE and DELETE of a write. Every UPDATE bumps `version` and sets `updated_at`
 * and `updated_by`; tenant and creator come from the column defaults, which read the request's
 * transaction settings.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { ColumnValue } from "./input.ts";
import { keyRef } from "../records/record-ref.ts";
import { rowCondition } from "./rows.ts";
import type { WriteSession } from "./session.ts";

/** Inserts a row and returns its reference: the id (as text), or the key values of an `id: none` entity (record-ref.ts). */
export async function insertRow(s: WriteSession, entity: IREntity, columns: readonly ColumnValue[]): Promise<string> {
  const q = new SqlBuilder();
  const names = columns.map((c) => ident(c.column)).join(", ");
  const values = columns.map((c) => q.param(c.value, c.cast)).join(", ");
  const body = columns.length === 0 ? "default values" : `(${names}) values (${values})`;
  const keys = entity.id === "none" ? entity.key.map((name) => entity.fields.find((f) => f.name === name)!.column!) : ["id"];
  const returning = keys.map((column, i) => `${ident(column)}::text as ${ident(`k${i}`)}`).join(", ");
  const { rows } = await s.trx.executeQuery<Record<string, string>>(q.compile(`insert into ${ident(entity.table)} ${body} returning ${returning}`));
  const values_ = keys.map((_, i) => String(rows[0]![`k${i}`]));
  return entity.id === "none" ? keyRef(values_) : values_[0]!;
}

/**
 * Updates the row: the given columns plus `sets` (SQL written against row alias `t0`, which reads
 * the row as it was before this statement), and the version, `updated_at` and `updated_by`.
 */
export async function updateRow(s: WriteSession, entity: IREntity, id: string, columns: readonly ColumnValue[], q = new SqlBuilder(), sets: readonly string[] = []): Promise<void> {
  const assignments = [
    ...columns.map((c) => `${ident(c.column)} = ${q.param(c.value, c.cast)}`),
    ...sets,
    `${ident("version")} = ${columnOf("t0", "version")} + 1`,
    `${ident("updated_at")} = now()`,
    `${ident("updated_by")} = ${q.param(s.ctx.identity.userId, "uuid")}`,
  ];
  await s.trx.executeQuery(q.compile(`update ${ident(entity.table)} as ${ident("t0")} set ${assignments.join(", ")} where ${rowCondition(q, s, entity, id)}`));
}

/** Deletes the row. */
export async function deleteRow(s: WriteSession, entity: IREntity, id: string): Promise<void> {
  const q = new SqlBuilder();
  await s.trx.executeQuery(q.compile(`delete from ${ident(entity.table)} as ${ident("t0")} where ${rowCondition(q, s, entity, id)}`));
}
