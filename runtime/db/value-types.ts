/**
 * How column values come back, the same on Postgres and PGlite: `date` as "YYYY-MM-DD" strings (a
 * calendar day has no time zone to shift it), `bigint` as decimal strings (beyond 2^53 a number
 * rounds, and a BigInt breaks JSON.stringify), `numeric` as strings (both drivers already do),
 * `timestamptz` as Date, `jsonb` parsed.
 */

/** Postgres type oids we parse ourselves. */
export const Oid = { int8: 20, date: 1082 } as const;

/** Writes a Date parameter for a `date` column as its UTC calendar day. */
export function serializeDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function keepText(value: string): string {
  return value;
}

/** postgres.js `types` option (int8 already comes back as a string there). */
export const postgresJsTypes = {
  calendarDate: { to: Oid.date, from: [Oid.date], serialize: serializeDate, parse: keepText },
};

/** PGlite `parsers` and `serializers` options. */
export const pgliteParsers = { [Oid.int8]: keepText, [Oid.date]: keepText };
export const pgliteSerializers = { [Oid.date]: serializeDate };
