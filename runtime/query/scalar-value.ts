/**
 * Request text to a typed value, by the field's scalar type: what a filter value, a cursor value,
 * a path id or a key must look like. A value that passes is safe to bind as `$n::<cast>`: the
 * database will not reject it (a bad date or an out-of-range int would be a 500 otherwise).
 */
import type { Scalar } from "../records/record-fields.ts";

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const INT32 = 2 ** 31;
const INT64 = 2n ** 63n;

const ok = (value: unknown): Parsed => ({ ok: true, value });
const fail = (message: string): Parsed => ({ ok: false, message });

type Parser = (text: string, scalar: Scalar) => Parsed;

const PARSERS: Record<Scalar["kind"], Parser> = {
  text: (text, scalar) => {
    if (text.includes("\0")) return fail("must not contain a NUL character");
    if (scalar.values && !scalar.values.includes(text)) return fail(`${JSON.stringify(text)} is not one of ${scalar.values.join(", ")}`);
    return ok(text);
  },
  int: (text) => {
    if (!INTEGER.test(text)) return fail(`${JSON.stringify(text)} is not a whole number`);
    const value = Number(text);
    return value >= -INT32 && value < INT32 ? ok(value) : fail(`${text} is out of range`);
  },
  bigint: (text) => {
    if (!INTEGER.test(text) || text.length > 21) return fail(`${JSON.stringify(text)} is not a whole number`);
    const value = BigInt(text);
    return value >= -INT64 && value < INT64 ? ok(value.toString()) : fail(`${text} is out of range`);
  },
  decimal: (text) => (DECIMAL.test(text) && text.length <= 200 ? ok(text) : fail(`${JSON.stringify(text)} is not a decimal number`)),
  boolean: (text) => (text === "true" || text === "false" ? ok(text === "true") : fail(`${JSON.stringify(text)} is not true or false`)),
  date: (text) => (DATE.test(text) && validDay(text) ? ok(text) : fail(`${JSON.stringify(text)} is not a date (YYYY-MM-DD)`)),
  datetime: parseDatetime,
  uuid: (text) => (UUID.test(text) ? ok(text.toLowerCase()) : fail(`${JSON.stringify(text)} is not a uuid`)),
  json: () => fail("json values can only be tested with isNull"),
};

/**
 * Converts `text` to a value of `scalar`'s type.
 *
 * @example parseScalar(SCALARS.date, "2026-02-30") // { ok: false, message: '"2026-02-30" is not a date (YYYY-MM-DD)' }
 */
export function parseScalar(scalar: Scalar, text: string): Parsed {
  return PARSERS[scalar.kind](text, scalar);
}

/** A calendar day that exists (no February 30th). */
function validDay(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Z, or ±HH[:MM] within what Postgres accepts (±15:59). */
function validOffset(offset: string | undefined): boolean {
  if (offset === undefined || offset.toUpperCase() === "Z") return true;
  const digits = offset.slice(1).replace(":", "");
  return Number(digits.slice(0, 2)) <= 15 && Number(digits.slice(2) || 0) <= 59;
}

/** ISO 8601; without an offset the time is UTC, a day alone is its midnight UTC. */
function parseDatetime(text: string): Parsed {
  const match = DATETIME.exec(text);
  const bad = fail(`${JSON.stringify(text)} is not a datetime (ISO 8601, e.g. 2026-01-31T09:30:00Z)`);
  if (!match || !validDay(`${match[1]}-${match[2]}-${match[3]}`)) return bad;
  const [hour, minute, second] = [match[4], match[5], match[6]].map((p) => Number(p ?? 0)) as [number, number, number];
  if (hour > 23 || minute > 59 || second > 59 || !validOffset(match[7])) return bad;
  if (match[4] === undefined) return ok(`${text}T00:00:00Z`);
  return ok(match[7] === undefined ? `${text}Z` : text);
}
