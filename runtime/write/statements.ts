/**
 * The INSERT, UPDATE and DELETE of a write. Every UPDATE bumps `version` and sets `updated_at`
 * and `updated_by`; tenant and creator come from the column defaults, which read the request's
 * transaction settings.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { ColumnValue } from "./input.ts";
import { idParam } from "./rows.ts";
import type { WriteSession } from "./session.ts";

/** Inserts a row and returns its id (as text). */
export async function insertRow(s: WriteSession, entity: IREntity, columns: readonly ColumnValue[]): Promise<string> {
  const q = new SqlBuilder();
  const names = columns.map((c) => ident(c.column)).join(", ");
  const values = columns.map((c) => q.param(c.value, c.cast)).join(", ");
  const body = columns.length === 0 ? "default values" : `(${names}) values (${values})`;
  const { rows } = await s.trx.executeQuery<{ id: unknown }>(q.compile(`insert into ${ident(entity.table)} ${body} returning ${ident("id")}::text as ${ident("id")}`));
  return String(rows[0]!.id);
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
  await s.trx.executeQuery(q.compile(`update ${ident(entity.table)} as ${ident("t0")} set ${assignments.join(", ")} where ${columnOf("t0", "id")} = ${idParam(q, entity, id)}`));
}

/** Deletes the row. */
export async function deleteRow(s: WriteSession, entity: IREntity, id: string): Promise<void> {
  const q = new SqlBuilder();
  await s.trx.executeQuery(q.compile(`delete from ${ident(entity.table)} as ${ident("t0")} where ${columnOf("t0", "id")} = ${idParam(q, entity, id)}`));
}
