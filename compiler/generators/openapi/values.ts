/**
 * TypeBox schemas of single values as the REST API writes and reads them: ids, decimals, dates.
 * Formats are paired with an anchored `pattern`, so a value is checked exactly even where a
 * format validator is lenient (Elysia's `date` also takes `31/01/2026`).
 */
import { type TSchema, Type as T } from "@sinclair/typebox";
import type { IR } from "../../ir/index.ts";

export const UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
export const SERIAL_PATTERN = "^[1-9][0-9]{0,18}$";
export const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const DATETIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})$";
export const CURRENCY_PATTERN = "^[A-Z]{3}$";

/** Postgres `integer` bounds: an `int` field outside them could only fail in the database. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

/**
 * The pattern of a decimal with `precision` digits, `scale` of them after the point: an optional
 * minus, at most `precision - scale` digits before the point, at most `scale` after it.
 *
 * @example
 *   decimalPattern(18, 2); // "^-?[0-9]{1,16}(?:\\.[0-9]{1,2})?$"
 */
export function decimalPattern(precision = 18, scale = 2): string {
  const whole = `[0-9]{1,${Math.max(1, precision - scale)}}`;
  return scale > 0 ? `^-?${whole}(?:\\.[0-9]{1,${scale}})?$` : `^-?${whole}$`;
}

export const uuid = (options: object = {}) => T.String({ format: "uuid", pattern: UUID_PATTERN, ...options });
export const date = (options: object = {}) => T.String({ format: "date", pattern: DATE_PATTERN, ...options });
export const dateTime = (options: object = {}) => T.String({ format: "date-time", pattern: DATETIME_PATTERN, ...options });

/** A record id of `entity`: a uuid, or a serial's integer as a decimal string (it may exceed 2^53). */
export function idOf(ir: IR, entity: string, options: object = {}): TSchema {
  const target = ir.entities.find((e) => e.name === entity);
  if (target?.id === "serial") return T.String({ pattern: SERIAL_PATTERN, description: "A serial id, as a decimal string.", ...options });
  return uuid(options);
}
