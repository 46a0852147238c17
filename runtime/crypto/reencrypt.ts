/**
 * Key rotation's middle step: every encrypted value not sealed with the primary key is opened
 * with the key it names and sealed again with the primary one. Run it with WEAVE_ENCRYPTION_KEYS
 * listing the new key first and the old ones after, as the table owner (it reads every tenant).
 */
import { sql, type Kysely } from "kysely";
import type { IR } from "../../compiler/ir/index.ts";
import { ident } from "../records/sql-builder.ts";
import { open, seal } from "./envelope.ts";
import { fieldAad, encryptedFields } from "./fields.ts";
import { keyRing, type KeyRing } from "./keys.ts";

export interface ReencryptOptions {
  readonly ring?: KeyRing;
  /** Rows read per statement. Default 500. */
  readonly batchSize?: number;
}

/** Values re-sealed, by `table.column`. */
export type ReencryptResult = Record<string, number>;

/**
 * Re-seals, with the primary key, every value of every encrypted column sealed with another key.
 * Idempotent: a second run finds nothing to do. The row's version and updatedAt do not change:
 * its value did not.
 *
 * @example
 *   await reencrypt(database.kysely, ir); // { "customers.iban": 1204 }
 */
export async function reencrypt(db: Kysely<any>, ir: IR, options: ReencryptOptions = {}): Promise<ReencryptResult> {
  const ring = options.ring ?? keyRing();
  const prefix = `v1:${ring.primary.id}:`;
  const result: ReencryptResult = {};
  for (const entity of ir.entities) {
    for (const field of encryptedFields(entity)) {
      const aad = fieldAad(entity.table, field.column!);
      result[aad] = 0;
      for (;;) {
        const { rows } = await sql<{ rid: string; value: string }>`select ctid::text as rid, ${sql.raw(ident(field.column!))} as value from ${sql.raw(ident(entity.table))} where ${sql.raw(ident(field.column!))} is not null and left(${sql.raw(ident(field.column!))}, ${prefix.length}) <> ${prefix} limit ${options.batchSize ?? 500}`.execute(db);
        if (rows.length === 0) break;
        for (const row of rows) {
          // ctid moves when a row is updated: the old value in the condition keeps a concurrent write safe.
          const fresh = seal(ring, aad, open(ring, aad, row.value));
          await sql`update ${sql.raw(ident(entity.table))} set ${sql.raw(ident(field.column!))} = ${fresh} where ctid = ${row.rid}::tid and ${sql.raw(ident(field.column!))} = ${row.value}`.execute(db);
        }
        result[aad] += rows.length;
      }
    }
  }
  return result;
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
