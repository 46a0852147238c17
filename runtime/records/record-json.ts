/**
 * A row selected with `selectList` as the record JSON of the API: decimals and money as strings,
 * dates "YYYY-MM-DD", datetimes ISO 8601, refs as the target id, polymorphic refs `{ type, id }`,
 * no tenantId. A money field without a fixed currency also gives `<field>Currency`.
 */
import type { IREntity, IRField } from "../../compiler/ir/index.ts";
import { openColumn } from "../crypto/fields.ts";
import { canOf, hasCan } from "../policy/can.ts";
import { readMarker } from "../policy/field-policies.ts";
import { currencyAlias, typeAlias } from "./projection.ts";

/** A record as the API returns it. */
export type RecordJson = Record<string, unknown>;

/**
 * On a record read with `unmasked: true`, the names of the fields the caller may not read. A
 * symbol, so JSON never shows it; `visibleRecord` drops those fields before a response.
 */
export const HIDDEN_FIELDS: unique symbol = Symbol("weave.hiddenFields");

/**
 * The record as the caller may see it: without the fields `HIDDEN_FIELDS` names.
 *
 * @example visibleRecord(await currentRecord(s, customer, id)) // no `email` for a viewer
 */
export function visibleRecord<T extends RecordJson | null>(record: T): T {
  const hidden = (record as { [HIDDEN_FIELDS]?: readonly string[] } | null)?.[HIDDEN_FIELDS];
  if (!record || !hidden || hidden.length === 0) return record;
  const copy: RecordJson = {};
  for (const [key, value] of Object.entries(record)) {
    if (!hidden.includes(key) && !hidden.some((name) => key === `${name}Currency`)) copy[key] = value;
  }
  return copy as T;
}

type Convert = (value: unknown, row: Record<string, unknown>, name: string) => unknown;

const plain: Convert = (value) => value ?? null;
const text: Convert = (value) => (value === null || value === undefined ? null : String(value));
const integer: Convert = (value) => (value === null || value === undefined ? null : typeof value === "number" ? value : Number(value));
const datetime: Convert = (value) => (value === null || value === undefined ? null : (value instanceof Date ? value : new Date(String(value))).toISOString());
const date: Convert = (value) => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const polymorphic: Convert = (value, row, name) => (value === null || value === undefined ? null : { type: row[typeAlias(name)], id: String(value) });

const BY_TYPE: Partial<Record<IRField["type"], Convert>> = {
  int: integer,
  decimal: text,
  money: text,
  date,
  datetime,
  ref: text,
  one: text,
};

interface Column {
  readonly name: string;
  readonly convert: Convert;
  readonly currency: boolean;
}

const SYSTEM_HEAD: readonly Column[] = [{ name: "id", convert: text, currency: false }];
const SYSTEM_TAIL: readonly Column[] = [
  { name: "createdAt", convert: datetime, currency: false },
  { name: "updatedAt", convert: datetime, currency: false },
  { name: "createdBy", convert: plain, currency: false },
  { name: "updatedBy", convert: plain, currency: false },
  { name: "version", convert: integer, currency: false },
];

/** An encrypted field's conversion: open the envelope, then convert the value it held. */
function decrypting(entity: IREntity, field: IRField, convert: Convert): Convert {
  if (!field.encrypted || !field.column || field.storage === "virtual") return convert;
  return (value, row, name) => convert(openColumn(entity, field, value), row, name);
}

const columnsCache = new WeakMap<IREntity, readonly Column[]>();

function columnsOf(entity: IREntity): readonly Column[] {
  let columns = columnsCache.get(entity);
  if (!columns) {
    const fields = entity.fields
      .filter((f) => f.storage !== "relation")
      .map((f): Column => ({
        name: f.name,
        convert: decrypting(entity, f, f.storage === "polymorphic" ? polymorphic : (BY_TYPE[f.type] ?? plain)),
        currency: f.type === "money" && f.storage !== "virtual" && !f.currency && !f.currencyField,
      }));
    columns = [...(entity.id === "none" ? [] : SYSTEM_HEAD), ...fields, ...SYSTEM_TAIL];
    columnsCache.set(entity, columns);
  }
  return columns;
}

/**
 * The record JSON of a row. Fields the row does not have (left out by a sparse fieldset) are left
 * out of the record; with `only`, fields outside it are left out too (the id stays).
 *
 * @example
 *   recordJson(invoice, { id: "…", number: "INV-2026-0001", customer: "…", due: "2026-02-01", total: "462.91", ... })
 *   // { id: "…", number: "INV-2026-0001", customer: "…", due: "2026-02-01", total: "462.91", ... }
 */
export function recordJson(entity: IREntity, row: Record<string, unknown>, only?: ReadonlySet<string>, options: { unmasked?: boolean } = {}): RecordJson {
  const record: RecordJson = {};
  const hidden: string[] = [];
  for (const column of columnsOf(entity)) {
    if (!(column.name in row)) continue;
    if (only && !only.has(column.name) && column.name !== "id") continue;
    // A field the caller may not read on this row: absent, not null.
    if (row[readMarker(column.name)] === false) {
      if (!options.unmasked) continue;
      hidden.push(column.name);
    }
    record[column.name] = column.convert(row[column.name], row, column.name);
    if (column.currency) record[`${column.name}Currency`] = row[currencyAlias(column.name)] ?? null;
  }
  if (hasCan(row)) record._can = canOf(entity, row);
  if (hidden.length > 0) Object.defineProperty(record, HIDDEN_FIELDS, { value: hidden, enumerable: false });
  return record;
}
