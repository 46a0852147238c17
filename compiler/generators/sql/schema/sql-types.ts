import type { IR, IRField } from "../../../ir/index.ts";

const TEXT = new Set(["string", "text", "email", "url", "slug", "richtext", "enum", "state"]);
const JSONB = new Set(["json", "file", "embedded"]);

/**
 * The SQL type of a stored field, as written in DDL.
 *
 * @example
 *   sqlType(ir, { type: "money", precision: 18, scale: 2, ... }); // "numeric(18,2)"
 */
export function sqlType(ir: IR, field: IRField): string {
  if (TEXT.has(field.type)) return "text";
  if (JSONB.has(field.type)) return "jsonb";
  switch (field.type) {
    case "int": return "integer";
    case "decimal":
    case "money": return `numeric(${field.precision ?? 18},${field.scale ?? 2})`;
    case "boolean": return "boolean";
    case "date": return "date";
    case "datetime": return "timestamptz";
    case "uuid": return "uuid";
    default: return idType(ir, field.relation?.to[0]);
  }
}

/** The type of a column that holds an id of `entity`: bigint for serial ids, else uuid. */
export function idType(ir: IR, entity: string | undefined): string {
  return ir.entities.find((e) => e.name === entity)?.id === "serial" ? "bigint" : "uuid";
}
