/**
 * Quoting for SQL text that cannot take parameters (DDL). Identifiers are always double-quoted;
 * literals use standard-conforming single quotes, so no value can end the string early.
 *
 * @example
 *   quoteIdent('invoice "lines"'); // "\"invoice \"\"lines\"\"\""
 *   quoteLiteral("it's");          // "'it''s'"
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`weave bug: cannot write ${value} as SQL`);
    return String(value);
  }
  if (value.includes("\u0000")) throw new Error("weave bug: NUL in an SQL literal");
  return `'${value.replace(/'/g, "''")}'`;
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(", ");
}
