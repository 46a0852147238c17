/**
 * Exact decimals as strings, the way the API carries `decimal` and `money` ("12.50"): parsed from
 * what a person types in their locale, padded to the field's scale, compared digit by digit.
 * Never through a float, so "0.10" + nothing stays "0.10" and 12345678901234567.89 stays exact.
 */

const CANONICAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The canonical decimal for typed text, or undefined when it is not a number. `separator` is the
 * locale's decimal separator ("," in German): the other mark counts as digit grouping and is dropped.
 *
 * @example parseDecimal("1.234,5", ",") // "1234.5"
 * @example parseDecimal("12.50") // "12.50"
 */
export function parseDecimal(text: string, separator = "."): string | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (s === "") return undefined;
  const group = separator === "," ? "." : ",";
  s = s.split(group).join("");
  if (separator !== ".") s = s.replace(separator, ".");
  if (s.startsWith("+")) s = s.slice(1);
  if (!CANONICAL.test(s)) return undefined;
  if (s.startsWith(".")) s = `0${s}`;
  if (s.startsWith("-.")) s = `-0${s.slice(1)}`;
  if (s.endsWith(".")) s = s.slice(0, -1);
  return s;
}

/** How many digits follow the point. */
export function scaleOf(value: string): number {
  return value.split(".")[1]?.length ?? 0;
}

/**
 * Pads the fraction to `scale` digits (never rounds: a longer fraction stays, for validation to report).
 *
 * @example padScale("12.5", 2) // "12.50"
 */
export function padScale(value: string, scale: number): string {
  const [whole = "0", fraction = ""] = value.split(".");
  if (fraction.length >= scale) return value;
  return `${whole}.${fraction.padEnd(scale, "0")}`;
}

/** Whether the fraction has more significant digits than `scale`. */
export function exceedsScale(value: string, scale: number): boolean {
  return (value.split(".")[1] ?? "").replace(/0+$/, "").length > scale;
}

interface Parts {
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

function parts(value: string): Parts {
  let s = value.trim();
  const negative = s.startsWith("-");
  if (negative || s.startsWith("+")) s = s.slice(1);
  const [rawWhole = "", rawFraction = ""] = s.split(".");
  const whole = rawWhole.replace(/^0+/, "");
  const fraction = rawFraction.replace(/0+$/, "");
  return { negative: negative && (whole !== "" || fraction !== ""), whole, fraction };
}

function compareMagnitude(a: Parts, b: Parts): number {
  if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, "0");
  const fb = b.fraction.padEnd(width, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * Compares two decimals exactly: -1, 0 or 1.
 *
 * @example compareDecimal("10.5", "9.99") // 1
 */
export function compareDecimal(a: string | number, b: string | number): -1 | 0 | 1 {
  const pa = parts(String(a));
  const pb = parts(String(b));
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const magnitude = compareMagnitude(pa, pb);
  const signed = pa.negative ? -magnitude : magnitude;
  return signed < 0 ? -1 : signed > 0 ? 1 : 0;
}

/**
 * A canonical decimal written for a locale's reader (its decimal separator, no grouping, so it
 * reads back through {@link parseDecimal} unchanged).
 *
 * @example localizeDecimal("12.50", ",") // "12,50"
 */
export function localizeDecimal(value: string, separator: string): string {
  return separator === "." ? value : value.replace(".", separator);
}

/** The decimal separator of a locale ("," for de). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}
