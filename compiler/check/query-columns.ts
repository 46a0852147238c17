/**
 * The columns of a saved query as written (`customer.name`, `count()`, `sum(total) as revenue`,
 * `month(issued)`) parsed into the operands the IR and the runtime use, with the default name a
 * column gets without an alias. The runtime names DSL columns by the same rules
 * (runtime/queries/operand-sql.ts).
 */
import type { QueryOperand } from "../ir/index.ts";

/** A parsed column: its operand and its alias, if written. */
export interface ParsedColumn {
  readonly text: string;
  readonly operand: QueryOperand;
  readonly alias?: string;
}

const AGGREGATES = new Set(["count", "sum", "avg", "min", "max"]);
const BUCKETS = new Set(["day", "week", "month", "quarter", "year"]);
const FORM = /^(?:(\w+)\((distinct )?([\w.]*)\)|([\w.]+))(?: as (\w+))?$/;

const pascal = (text: string) => text.split(".").map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join("");

/**
 * Parses one column or group key (the schema has checked its form); undefined for an unknown function.
 *
 * @example parseColumn("sum(total) as revenue") // { text, operand: { agg: "sum", field: "total" }, alias: "revenue" }
 */
export function parseColumn(text: string): ParsedColumn | undefined {
  const match = FORM.exec(text.trim());
  if (!match) return undefined;
  const [, fn, distinct, arg, path, alias] = match;
  const as = alias ? { alias } : {};
  if (path) return { text, operand: { field: path }, ...as };
  if (fn && AGGREGATES.has(fn)) return { text, operand: { agg: fn as "count", ...(arg ? { field: arg } : {}), ...(distinct ? { distinct: true } : {}) }, ...as };
  if (fn && BUCKETS.has(fn) && arg) return { text, operand: { bucket: fn as "month", field: arg }, ...as };
  return undefined;
}

/**
 * The name of a column without an alias: the path, `count`, `sumTotal`, `issuedMonth`.
 *
 * @example defaultColumnName({ bucket: "month", field: "issued" }) // "issuedMonth"
 */
export function defaultColumnName(operand: QueryOperand): string {
  if ("agg" in operand) return operand.field ? `${operand.agg}${pascal(operand.field)}` : operand.agg;
  if ("bucket" in operand) return `${operand.field.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}${pascal(operand.bucket)}`;
  if ("field" in operand) return operand.field;
  return "column";
}

/** The field path an operand reads, if any. */
export function pathOf(operand: QueryOperand): string | undefined {
  return "field" in operand ? operand.field : undefined;
}
