/**
 * Values into SQL: as quoted literals (inline mode, for DDL) or as parameters (parameters mode). Each value is
 * rendered for the expression type it stands for, so a date is `'2024-05-01'::date` or `$1::date`.
 */
import type { ExprType } from "../../../ir/index.ts";
import { SqlLoweringError } from "./errors.ts";
import { join, param, raw, sql, type Sql } from "./sql.ts";

export type Mode = "inline" | "parameters";

/**
 * The SQL type a value of `type` is cast to. Numbers in lists are `numeric` so that lists of ints and decimals
 * compare; an entity is its id (`uuid`, or `bigint` for serial ids: pass `idType`).
 */
export function sqlType(type: ExprType, idType = "uuid"): string {
  switch (type.kind) {
    case "int":
      return "bigint";
    case "decimal":
    case "money":
      return "numeric";
    case "bool":
      return "boolean";
    case "date":
      return "date";
    case "datetime":
      return "timestamptz";
    case "uuid":
      return "uuid";
    case "json":
    case "object":
      return "jsonb";
    case "entity":
      return idType;
    case "list": {
      const of = type.of.kind === "int" ? "numeric" : sqlType(type.of, idType);
      return `${of}[]`;
    }
    default:
      return "text";
  }
}

/**
 * A quoted SQL string literal: single quotes doubled. Standard-conforming strings (the Postgres default) keep
 * backslashes as they are, so nothing else needs escaping; NUL cannot be stored in Postgres text at all.
 *
 * @example quote("it's") // 'it''s'
 */
export function quote(text: string): string {
  if (text.includes("\0")) throw new SqlLoweringError("a string with a NUL character (\\0) cannot be written in SQL");
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A JS number as exact SQL numeric text, never in exponent form.
 *
 * @example plainNumber(1e-7) // "0.0000001"
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new SqlLoweringError(`${n} is not a number SQL can hold`);
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = "", exponent] = m;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
const INT4_MAX = 2147483647;

/**
 * A value of `type` as SQL: a literal in inline mode, a parameter in parameters mode. `null` is always the
 * keyword `NULL` (cast to the type's SQL type), and `true`/`false` stay keywords: they carry no data.
 *
 * @example valueSql("sent", T.string, "inline") // 'sent'
 * @example valueSql("2024-05-01", T.date, "parameters") // $n::date with "2024-05-01"
 */
export function valueSql(value: unknown, type: ExprType, mode: Mode, idType = "uuid"): Sql {
  if (value === null || value === undefined) return raw(type.kind === "null" || type.kind === "any" ? "NULL" : `NULL::${sqlType(type, idType)}`);
  if (typeof value === "boolean" && (type.kind === "bool" || type.kind === "any" || type.kind === "null"))
    return raw(value ? "true" : "false");
  if (type.kind === "list") return listSql(Array.isArray(value) ? value : [value], type, mode, idType);
  return mode === "inline" ? inlineScalar(value, type, idType) : paramScalar(value, type, idType);
}

function listSql(items: readonly unknown[], type: ExprType & { kind: "list" }, mode: Mode, idType: string): Sql {
  const cast = sqlType(type, idType);
  if (mode === "parameters") return param(items.map((item) => paramValue(item, type.of)), cast);
  if (items.length === 0) return raw(`'{}'::${cast}`);
  return sql`ARRAY[${join(
    items.map((item) => valueSql(item, type.of, mode, idType)),
    ", ",
  )}]::${raw(cast)}`;
}

function inlineScalar(value: unknown, type: ExprType, idType: string): Sql {
  const cast = sqlType(type, idType);
  if (type.kind === "json" || type.kind === "object") return raw(`${quote(JSON.stringify(value))}::jsonb`);
  if (typeof value === "number") {
    const text = plainNumber(value);
    return raw(value < 0 ? `(${text})` : text);
  }
  const text = scalarText(value, type);
  if (cast === "numeric" || cast === "bigint") return raw(NUMERIC_TEXT.test(text) ? text : `${quote(text)}::${cast}`);
  if (cast === "text") return raw(quote(text));
  return raw(`${quote(text)}::${cast}`);
}

function paramScalar(value: unknown, type: ExprType, idType: string): Sql {
  const normal = paramValue(value, type);
  if (type.kind === "json" || type.kind === "object") return param(normal, "text::jsonb");
  if (type.kind === "int" && typeof normal === "number" && Math.abs(normal) <= INT4_MAX) return param(normal, "int");
  return param(normal, sqlType(type, idType));
}

/**
 * A value as a driver should receive it: ints stay numbers, decimals become exact numeric strings (as do
 * Decimals and bigints), json its JSON text.
 */
function paramValue(value: unknown, type: ExprType): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind === "json" || type.kind === "object") return JSON.stringify(value);
  if (typeof value === "number" && (type.kind === "decimal" || type.kind === "money")) return plainNumber(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (type.kind === "datetime" && value instanceof Date) return value;
  return scalarText(value, type);
}

/** The text form of a scalar value: dates as `YYYY-MM-DD`, instants as ISO strings, records by their id. */
function scalarText(value: unknown, type: ExprType): string {
  if (value instanceof Date) return type.kind === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "object" && value !== null && "id" in value) return String((value as { id: unknown }).id);
  return String(value);
}
