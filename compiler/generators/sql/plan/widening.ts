/**
 * Whether changing a column's type from `from` to `to` keeps every value: a widening change is
 * allowed, a narrowing or incompatible one is destructive.
 *
 * @example
 *   isWidening("integer", "numeric(18,2)"); // true
 *   isWidening("numeric(18,2)", "integer"); // false
 *   isWidening("date", "timestamptz");      // true
 */
export function isWidening(from: string, to: string): boolean {
  if (from === to || to === "text") return true;
  if (from === "integer") return to === "bigint" || (numeric(to) !== undefined && integerDigits(numeric(to)!) >= 10);
  if (from === "bigint") return numeric(to) !== undefined && integerDigits(numeric(to)!) >= 19;
  if (from === "date") return to === "timestamptz";
  const a = numeric(from);
  const b = numeric(to);
  return a !== undefined && b !== undefined && b.scale >= a.scale && integerDigits(b) >= integerDigits(a);
}

function numeric(type: string): { precision: number; scale: number } | undefined {
  const match = /^numeric\((\d+),(\d+)\)$/.exec(type);
  return match ? { precision: Number(match[1]), scale: Number(match[2]) } : undefined;
}

function integerDigits(n: { precision: number; scale: number }): number {
  return n.precision - n.scale;
}
