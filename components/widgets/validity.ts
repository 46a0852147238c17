/**
 * The constraint checks of the widgets, as pure functions: what is wrong with a value, as a
 * ValidityState flag and a `ui.*` message like the browser's own. The widgets hand the result to
 * `ElementInternals.setValidity`, so a plain `<form>` blocks submission exactly as it would for
 * a native input, and `<weave-form>` shows the same message under the field.
 */
import { compareDecimal, exceedsScale, parseDecimal } from "./decimal.ts";

/** The ValidityState flags the widgets set. */
export type ValidityFlag = "valueMissing" | "patternMismatch" | "tooLong" | "tooShort" | "rangeUnderflow" | "rangeOverflow" | "badInput" | "stepMismatch" | "customError";

/** A failed check: the flag, and the message key with its parameters. */
export interface Invalid {
  readonly flag: ValidityFlag;
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface TextConstraints {
  readonly required?: boolean;
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface RangeConstraints {
  readonly required?: boolean;
  readonly min?: number | string;
  readonly max?: number | string;
}

/** Lengths count code points, as the API's JSON Schema `maxLength` does (an emoji is one). */
const length = (text: string) => [...text].length;

/**
 * What is wrong with a text, if anything.
 *
 * @example textProblem("", { required: true }) // { flag: "valueMissing", key: "ui.valueMissing" }
 */
export function textProblem(text: string, c: TextConstraints): Invalid | undefined {
  if (text === "") return c.required ? { flag: "valueMissing", key: "ui.valueMissing" } : undefined;
  if (c.maxLength !== undefined && length(text) > c.maxLength) return { flag: "tooLong", key: "ui.tooLong", params: { max: c.maxLength, length: length(text) } };
  if (c.minLength !== undefined && length(text) < c.minLength) return { flag: "tooShort", key: "ui.tooShort", params: { min: c.minLength, length: length(text) } };
  if (c.pattern && !c.pattern.test(text)) return { flag: "patternMismatch", key: "ui.patternMismatch" };
  return undefined;
}

/**
 * The pattern of a field: the model's (JSON Schema: searched, anchored only by its own `^`/`$`),
 * or the `pattern` attribute's (HTML: the whole value must match). Undefined when it does not compile.
 *
 * @example patternOf({ html: "[a-z]+" })!.test("abc1") // false
 */
export function patternOf(source: { model?: string | undefined; html?: string | undefined }): RegExp | undefined {
  try {
    if (source.html) return new RegExp(`^(?:${source.html})$`, "u");
    if (source.model) return new RegExp(source.model, "u");
  } catch {
    // an invalid pattern constrains nothing, as in the browser
  }
  return undefined;
}

/**
 * What is wrong with a typed number, if anything: not a number, a fraction in an int field,
 * too many decimal places, or out of range (compared exactly, never as floats).
 *
 * @example numberProblem("12.345", { scale: 2 }, ".") // { flag: "stepMismatch", key: "ui.badScale", params: { scale: 2 } }
 */
export function numberProblem(text: string, c: RangeConstraints & { readonly integer?: boolean; readonly scale?: number }, separator = "."): Invalid | undefined {
  if (text.trim() === "") return c.required ? { flag: "valueMissing", key: "ui.valueMissing" } : undefined;
  const value = parseDecimal(text, separator);
  if (value === undefined) return { flag: "badInput", key: "ui.badNumber" };
  if (c.integer && value.includes(".") && exceedsScale(value, 0)) return { flag: "stepMismatch", key: "ui.badInteger" };
  if (!c.integer && c.scale !== undefined && exceedsScale(value, c.scale)) return { flag: "stepMismatch", key: "ui.badScale", params: { scale: c.scale } };
  return rangeProblem(value, c, compareDecimal);
}

/**
 * What is wrong with a date ("YYYY-MM-DD") or a datetime, compared with its bounds as text
 * (ISO dates sort as text).
 */
export function dateProblem(value: string, c: RangeConstraints): Invalid | undefined {
  if (value === "") return c.required ? { flag: "valueMissing", key: "ui.valueMissing" } : undefined;
  return rangeProblem(value, c, (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}

function rangeProblem(value: string, c: RangeConstraints, compare: (a: string, b: string | number) => number): Invalid | undefined {
  if (c.min !== undefined && compare(value, c.min) < 0) return { flag: "rangeUnderflow", key: "ui.rangeUnderflow", params: { min: c.min } };
  if (c.max !== undefined && compare(value, c.max) > 0) return { flag: "rangeOverflow", key: "ui.rangeOverflow", params: { max: c.max } };
  return undefined;
}

/** A missing value, for widgets whose value is a choice, a record or a file. */
export function missingProblem(empty: boolean, required: boolean | undefined): Invalid | undefined {
  return empty && required ? { flag: "valueMissing", key: "ui.valueMissing" } : undefined;
}
