/**
 * ORDER BY and keyset pagination. Ascending keys put nulls last and descending keys nulls first
 * (Postgres' defaults), which makes null the greatest value either way; the "after the cursor"
 * condition follows from that, key by key, for any mix of directions. Strings order by code point.
 */
import { ident, type SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { comparable, pathSql } from "./filter-sql.ts";
import type { SortKey } from "./list-query.ts";

/** A sort key's SQL, built once per statement and reused (its placeholders stay valid). */
export interface KeySql {
  readonly key: SortKey;
  readonly sql: string;
  /** Never null (a required column of the row, the id): the keyset condition skips its null cases. */
  readonly notNull: boolean;
  /** The selected column whose value prints exactly as the key's cursor text (no text column needed). */
  readonly selected?: string;
}

/** Scalar kinds whose JS value, as both drivers return it, prints as Postgres' `::text` does. */
const PRINTS_AS_TEXT = new Set(["text", "int", "uuid"]);

const NOT_NULL_SYSTEM = new Set(["id", "createdAt", "updatedAt", "version"]);

/** The alias of the i-th cursor column. */
export const cursorAlias = (i: number) => `__sort${i}`;

/**
 * The SQL of each sort key. With `selected` (the fields the select list has; undefined: all), a key
 * that is a stored text, int or uuid column of the row reads its cursor from that column.
 */
export function keySql(q: SqlBuilder, ctx: RequestContext, keys: readonly SortKey[], alias: string, selected?: ReadonlySet<string>): KeySql[] {
  return keys.map((key) => {
    const { path } = key;
    const own = path.steps.length === 0 && path.members.length === 0 && path.part === undefined;
    const stored = path.field.source === "system" || path.field.source === "column";
    const notNull = own && (path.field.source === "system" ? NOT_NULL_SYSTEM.has(path.field.name) : path.field.source === "column" && path.field.field.required);
    const name = path.field.name;
    const reusable = own && stored && PRINTS_AS_TEXT.has(path.scalar.kind) && (!selected || selected.has(name) || name === "id");
    return { key, sql: comparable(path, pathSql(q, ctx, path, alias)), notNull, ...(reusable ? { selected: name } : {}) };
  });
}

/** `"t0"."due" desc nulls first, "t0"."id" asc nulls last`. */
export function orderBySql(keys: readonly KeySql[]): string {
  return keys.map((k) => `${k.sql} ${k.key.descending ? "desc nulls first" : "asc nulls last"}`).join(", ");
}

/**
 * The sort values as text, selected with each row for the next cursor: datetimes to the
 * microsecond in UTC, dates as YYYY-MM-DD whatever the session's DateStyle.
 */
export function cursorColumnsSql(keys: readonly KeySql[]): string[] {
  return keys.flatMap((k, i) => (k.selected ? [] : [`${cursorText(k)} as ${ident(cursorAlias(i))}`]));
}

/** The cursor values of a row read with `cursorColumnsSql`: one text (or null) per key. */
export function cursorValues(keys: readonly KeySql[], row: Record<string, unknown>): (string | null)[] {
  return keys.map((k, i) => {
    const value = row[k.selected ?? cursorAlias(i)];
    return value === null || value === undefined ? null : String(value);
  });
}

function cursorText(k: KeySql): string {
  const kind = k.key.path.scalar.kind;
  if (kind === "datetime") return `to_char(${k.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (kind === "date") return `to_char(${k.sql}, 'YYYY-MM-DD')`;
  return `(${k.sql})::text`;
}

/**
 * Rows after the cursor: after on the first key, or tied on it and after on the rest.
 *
 * @example keysetSql(q, [due asc, id asc], ["2026-02-01", "…"])
 * // '(("t0"."due" > $5::date or "t0"."due" is null)) or ("t0"."due" = $5::date and (("t0"."id" > $6::uuid)))'
 */
export function keysetSql(q: SqlBuilder, keys: readonly KeySql[], values: readonly (string | null)[]): string {
  let rest: string | undefined;
  for (let i = keys.length - 1; i >= 0; i--) {
    const { sql, key, notNull } = keys[i]!;
    const value = values[i] ?? null;
    const p = value === null ? "" : q.param(value, key.path.scalar.cast);
    const tie = value === null ? `${sql} is null` : `${sql} = ${p}`;
    const after = key.descending ? (value === null ? `${sql} is not null` : `${sql} < ${p}`) : value === null ? undefined : notNull ? `${sql} > ${p}` : `(${sql} > ${p} or ${sql} is null)`;
    const parts = [after, rest === undefined ? undefined : `${tie} and (${rest})`].filter((part): part is string => part !== undefined);
    rest = parts.length === 0 ? "false" : parts.map((part) => `(${part})`).join(" or ");
  }
  return rest ?? "true";
}
