/**
 * Key rotation's middle step: every encrypted value not sealed with the primary key is opened
 * with the key it names and sealed again with the primary one; a value still in plaintext (the
 * field became `encrypted`) is sealed for the first time. `weave reencrypt` runs it. Run it with WEAVE_ENCRYPTION_KEYS
 * listing the new key first and the old ones after, as the table owner (it reads every tenant).
 */
import { sql, type Kysely } from "kysely";
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";
import { fieldScalar } from "../records/record-fields.ts";
import { ident } from "../records/sql-builder.ts";
import { envelopeKeyId, open, seal } from "./envelope.ts";
import { fieldAad, encryptedFields } from "./fields.ts";
import { keyRing, type KeyRing } from "./keys.ts";

export interface ReencryptOptions {
  readonly ring?: KeyRing;
  /** Rows read per statement. Default 500. */
  readonly batchSize?: number;
}

/** By `table.column`: values re-sealed with the primary key, and plaintext values encrypted. */
export type ReencryptResult = Record<string, { readonly rotated: number; readonly encrypted: number }>;

/**
 * Re-seals, with the primary key, every value of every encrypted column sealed with another key,
 * and encrypts the values still in plaintext (a field that became `encrypted`: its migration
 * turned the column into text and left the values readable). Idempotent: a second run finds
 * nothing to do. The row's version and updatedAt do not change: its value did not.
 *
 * @example
 *   await reencrypt(database.kysely, ir); // { "customers.iban": { rotated: 1204, encrypted: 0 } }
 */
export async function reencrypt(db: Kysely<any>, ir: IR, options: ReencryptOptions = {}): Promise<ReencryptResult> {
  const ring = options.ring ?? keyRing();
  const prefix = `v1:${ring.primary.id}:`;
  const result: Record<string, { rotated: number; encrypted: number }> = {};
  for (const entity of ir.entities) {
    for (const field of encryptedFields(entity)) {
      const aad = fieldAad(entity.table, field.column!);
      const counts = (result[aad] = { rotated: 0, encrypted: 0 });
      const column = sql.raw(ident(field.column!));
      const table = sql.raw(ident(entity.table));
      for (;;) {
        const { rows } = await sql<{ rid: string; value: string }>`select ctid::text as rid, ${column} as value from ${table} where ${column} is not null and left(${column}, ${prefix.length}) <> ${prefix} limit ${options.batchSize ?? 500}`.execute(db);
        if (rows.length === 0) break;
        for (const row of rows) {
          const sealed = envelopeKeyId(row.value) !== undefined;
          const plaintext = sealed ? open(ring, aad, row.value) : plaintextJson(ir, entity, field, row.value);
          // ctid moves when a row is updated: the old value in the condition keeps a concurrent write safe.
          await sql`update ${table} set ${column} = ${seal(ring, aad, plaintext)} where ctid = ${row.rid}::tid and ${column} = ${row.value}`.execute(db);
          if (sealed) counts.rotated++;
          else counts.encrypted++;
        }
      }
    }
  }
  return result;
}

/**
 * The JSON a value in plaintext is sealed as, from its text in the column (which the migration
 * to `encrypted` cast to text): what a write of that value through the API would seal.
 */
function plaintextJson(ir: IR, entity: IREntity, field: IRField, text: string): string {
  switch (fieldScalar(ir, entity, field).kind) {
    case "json":
      return text;
    case "int":
      return JSON.stringify(Number(text));
    case "boolean":
      return JSON.stringify(text === "true" || text === "t");
    case "datetime": {
      // timestamptz::text reads `2026-01-31 09:30:00+00`; the API writes ISO 8601.
      const date = new Date(text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
      return JSON.stringify(Number.isNaN(date.getTime()) ? text : date.toISOString());
    }
    default:
      return JSON.stringify(text);
  }
}

/** How many values of each encrypted column each key id sealed: to see a rotation is complete. */
export async function encryptionKeyUsage(db: Kysely<any>, ir: IR): Promise<Record<string, Record<string, number>>> {
  const usage: Record<string, Record<string, number>> = {};
  for (const entity of ir.entities) {
    for (const field of encryptedFields(entity)) {
      const column = sql.raw(ident(field.column!));
      const { rows } = await sql<{ key: string; n: string | number }>`select case when left(${column}, 3) = 'v1:' then split_part(${column}, ':', 2) else '(not encrypted)' end as key, count(*) as n from ${sql.raw(ident(entity.table))} where ${column} is not null group by 1`.execute(db);
      const counts: Record<string, number> = {};
      for (const row of rows) counts[row.key] = Number(row.n);
      usage[fieldAad(entity.table, field.column!)] = counts;
    }
  }
  return usage;
}
