/**
 * How writes, events and the audit name one record: by its id, or, for an entity with `id: none`,
 * by its key values, each URL-encoded and joined by `/` (the tail of its `/by-key/...` path:
 * `<ticket id>/<label id>`). A reference that no record can have (a malformed id or key part)
 * names no record, which the callers answer with a 404.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { parseScalar } from "../query/scalar-value.ts";
import { idScalar, recordField } from "./record-fields.ts";
import type { RecordJson } from "./record-json.ts";
import { columnOf, type SqlBuilder } from "./sql-builder.ts";

/** What names one row: its id, or its key values in key order. */
export type RecordMatch = { readonly id: unknown } | { readonly key: readonly unknown[] };

/**
 * The reference of a record (as the API returns it).
 *
 * @example recordRef(link, { ticket: "6f…", label: "a1…", version: 1 }) // "6f…/a1…"
 */
export function recordRef(entity: IREntity, record: RecordJson): string {
  if (entity.id !== "none") return String(record.id);
  return keyRef(entity.key.map((name) => String(record[name])));
}

/** Key values (as text) joined into a reference. */
export const keyRef = (values: readonly string[]): string => values.map(encodeURIComponent).join("/");

/**
 * The typed match of a reference, or undefined when no record can have it.
 *
 * @example refMatch(ir, link, "6f…/a1…") // { key: ["6f…", "a1…"] }
 */
export function refMatch(ir: IR, entity: IREntity, ref: string): RecordMatch | undefined {
  if (entity.id !== "none") {
    const id = parseScalar(idScalar(entity), ref);
    return id.ok ? { id: id.value } : undefined;
  }
  const parts = ref.split("/");
  if (parts.length !== entity.key.length) return undefined;
  const key: unknown[] = [];
  for (const [i, name] of entity.key.entries()) {
    const field = recordField(ir, entity, name);
    if (!field || field.source === "polymorphic" || field.source === "system") return undefined;
    const text = safeDecode(parts[i]!);
    const parsed = text === undefined ? undefined : parseScalar(field.scalar, text);
    if (!parsed?.ok) return undefined;
    key.push(parsed.value);
  }
  return { key };
}

/**
 * The WHERE condition that picks the record `match` names on row `alias`.
 *
 * @example matchSql(q, ir, invoice, { id }, "t0") // ['"t0"."id" = $1::uuid']
 */
export function matchSql(q: SqlBuilder, ir: IR, entity: IREntity, match: RecordMatch, alias: string): string[] {
  if ("id" in match) return [`${columnOf(alias, "id")} = ${q.param(match.id, idScalar(entity).cast)}`];
  return entity.key.map((name, i) => {
    const field = recordField(ir, entity, name)!;
    if (field.source === "polymorphic" || field.source === "virtual") throw new Error(`${entity.name}.${name} cannot be a key`);
    return `${columnOf(alias, field.column)} = ${q.param(match.key[i], field.scalar.cast)}`;
  });
}

/**
 * The condition for a reference, or undefined when it names no record.
 *
 * @example refCondition(q, ir, invoice, id, "t0") // '"t0"."id" = $1::uuid'
 */
export function refCondition(q: SqlBuilder, ir: IR, entity: IREntity, ref: string, alias: string): string | undefined {
  const match = refMatch(ir, entity, ref);
  return match ? matchSql(q, ir, entity, match, alias).join(" and ") : undefined;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
