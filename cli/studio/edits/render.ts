/**
 * Renders values as YAML text the way the examples are written by hand: maps in flow style with
 * spaces inside the braces (`{ type: string, label: Name }`), lists without (`[number, total]`),
 * expressions always in double quotes, other strings plain unless YAML needs quotes.
 */

/** An expression: always written in double quotes, as the examples write every guard and policy. */
export class Expr {
  constructor(readonly source: string) {}
}

/** Text kept exactly as it was written (a scalar of the file being edited). */
export class Raw {
  constructor(readonly text: string) {}
}

/** What the renderer writes: plain data, expressions and kept source text. */
export type Value = string | number | boolean | null | Expr | Raw | readonly Value[] | { readonly [key: string]: Value };

/** @example expr("size(lines) > 0") */
export const expr = (source: string): Expr => new Expr(source);

export const isScalar = (value: Value): value is string | number | boolean | null | Expr | Raw =>
  value === null || typeof value !== "object" || value instanceof Expr || value instanceof Raw;

export const isList = (value: Value): value is readonly Value[] => Array.isArray(value);

export const isMapping = (value: Value): value is { readonly [key: string]: Value } => !isScalar(value) && !isList(value);

const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMERIC = /^[-+]?(?:\.?\d|0x|0o|\.inf|\.nan)/i;
// A leading `-` is plain when a letter follows: the descending sort keys, `[-due, number]`.
const SAFE = /^(?:[A-Za-z_$./]|-[A-Za-z_])[^:#,[\]{}&*!|>'"%@`]*$/;

/**
 * One scalar: `Name`, `"a: b"`, `19`, `true`, `"size(lines) > 0"`.
 *
 * @example renderScalar("Sent at") // Sent at
 */
export function renderScalar(value: string | number | boolean | null | Expr | Raw): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Expr) return JSON.stringify(value.source);
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  const plain = SAFE.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) && value.trim() === value && !value.includes(" #");
  return plain ? value : JSON.stringify(value);
}

/**
 * A value on one line: `{ fields: [customer, status], unique: true }`.
 *
 * @example renderFlow({ type: "ref", to: "Customer" }) // { type: ref, to: Customer }
 */
export function renderFlow(value: Value): string {
  if (isScalar(value)) return renderScalar(value);
  if (isList(value)) return `[${value.map(renderFlow).join(", ")}]`;
  const entries = Object.entries(value).map(([k, v]) => `${renderKey(k)}: ${renderFlow(v)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

export function renderKey(key: string): string {
  return renderScalar(key);
}

/** Maps on one line when short and flat: `default: { expr: "today()" }`; longer ones in block style. */
function fitsOnOneLine(value: Value): boolean {
  if (isScalar(value)) return true;
  const flat = isList(value) ? value.every(isScalar) : Object.values(value).every((v) => isScalar(v) || (isList(v) && v.every(isScalar)));
  return flat && renderFlow(value).length <= 60;
}

/**
 * `key: value` in block style at `indent` spaces, ending with a newline. Lists of scalars and short
 * maps stay on one line, lists of maps become `- { ... }` lines, other maps nest in block style.
 * `style: "flow"` writes the whole value on the key's line.
 *
 * @example renderPair("qty", { type: "int", label: "Qty" }, 2) // "  qty:\n    type: int\n    label: Qty\n"
 */
export function renderPair(key: string, value: Value, indent: number, style: "block" | "flow" = "block"): string {
  const pad = " ".repeat(indent);
  if (isScalar(value) || style === "flow" || (isList(value) && value.every(isScalar))) return `${pad}${renderKey(key)}: ${renderFlow(value)}\n`;
  if (isList(value)) return `${pad}${renderKey(key)}:\n${renderItems(value, indent + 2)}`;
  if (Object.keys(value).length === 0) return `${pad}${renderKey(key)}: {}\n`;
  return `${pad}${renderKey(key)}:\n${renderEntries(value, indent + 2)}`;
}

/** The entries of a map, one per line at `indent`. */
export function renderEntries(value: { readonly [key: string]: Value }, indent: number): string {
  return Object.entries(value)
    .map(([k, v]) => renderPair(k, v, indent, isMapping(v) && fitsOnOneLine(v) ? "flow" : "block"))
    .join("");
}

/** The items of a block list, `- item` per line at `indent`; maps as `- { ... }`. */
export function renderItems(items: readonly Value[], indent: number): string {
  return items.map((item) => `${" ".repeat(indent)}- ${renderFlow(item)}\n`).join("");
}
