/**
 * The values of `encrypted` fields: sealed before they reach a column, opened when a row becomes
 * record JSON. The plaintext is the JSON of the column value (so an int stays an int, json stays
 * json), and the additional authenticated data is `table.column`.
 */
import type { IREntity, IRField } from "../../compiler/ir/index.ts";
import { open, seal } from "./envelope.ts";
import { keyRing, type KeyRing } from "./keys.ts";

/** What a ciphertext is bound to: the table and column it belongs in. */
export const fieldAad = (table: string, column: string): string => `${table}.${column}`;

/**
 * The ciphertext envelope for a column value about to be written (null stays null). `json` marks
 * a value that is JSON text already (jsonb columns).
 *
 * @example sealColumn(customer, iban, "DE89 3704 0044 0532 0130 00") // "v1:default:…:…"
 */
export function sealColumn(entity: IREntity, field: IRField, value: unknown, options: { json?: boolean; ring?: KeyRing } = {}): string | null {
  if (value === null || value === undefined) return null;
  const plaintext = options.json && typeof value === "string" ? value : JSON.stringify(value);
  return seal(options.ring ?? keyRing(), fieldAad(entity.table, field.column!), plaintext);
}

/** The column value sealed in `stored` (null stays null); an `EncryptionError` when it does not open. */
export function openColumn(entity: IREntity, field: IRField, stored: unknown, ring: KeyRing = keyRing()): unknown {
  if (stored === null || stored === undefined) return null;
  return JSON.parse(open(ring, fieldAad(entity.table, field.column!), String(stored)));
}

/** The stored fields of `entity` that are encrypted. */
export const encryptedFields = (entity: IREntity): IRField[] => entity.fields.filter((f) => f.encrypted && f.column && f.storage !== "relation" && f.storage !== "virtual");
