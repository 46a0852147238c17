import { expect, test } from "bun:test";
import { dateProblem, missingProblem, numberProblem, patternOf, textProblem } from "../../../components/widgets/validity.ts";

test("textProblem: required, length in code points, pattern", () => {
  expect(textProblem("", { required: true })).toEqual({ flag: "valueMissing", key: "ui.valueMissing" });
  expect(textProblem("", { maxLength: 3, pattern: /^x$/ })).toBeUndefined();
  expect(textProblem("abcd", { maxLength: 3 })).toEqual({ flag: "tooLong", key: "ui.tooLong", params: { max: 3, length: 4 } });
  // An emoji is one character for the API's maxLength, two UTF-16 units for the browser.
  expect(textProblem("ab😀", { maxLength: 3 })).toBeUndefined();
  expect(textProblem("a", { minLength: 2 })).toEqual({ flag: "tooShort", key: "ui.tooShort", params: { min: 2, length: 1 } });
  expect(textProblem("INV-1", { pattern: patternOf({ model: "^INV-[0-9]{4}-[0-9]{4,}$" }) })).toEqual({ flag: "patternMismatch", key: "ui.patternMismatch" });
  expect(textProblem("INV-2026-0001", { pattern: patternOf({ model: "^INV-[0-9]{4}-[0-9]{4,}$" }) })).toBeUndefined();
});

test("patternOf: a model pattern is searched as JSON Schema says, an attribute pattern must match whole", () => {
  expect(patternOf({ model: "[0-9]" })!.test("ab1")).toBe(true);
  expect(patternOf({ html: "[0-9]" })!.test("ab1")).toBe(false);
  expect(patternOf({ html: "[a-z]+|x" })!.test("abc1")).toBe(false);
  expect(patternOf({ html: "[a-z]+" })!.test("abc")).toBe(true);
  expect(patternOf({ model: "(" })).toBeUndefined();
  expect(patternOf({})).toBeUndefined();
});

const numbers: [string, { given: string; c: Parameters<typeof numberProblem>[1]; separator?: string; want: ReturnType<typeof numberProblem> }][] = [
  ["empty and optional is fine", { given: "", c: {}, want: undefined }],
  ["empty and required is missing", { given: " ", c: { required: true }, want: { flag: "valueMissing", key: "ui.valueMissing" } }],
  ["letters are bad input", { given: "1x", c: {}, want: { flag: "badInput", key: "ui.badNumber" } }],
  ["a fraction in an int", { given: "1.5", c: { integer: true }, want: { flag: "stepMismatch", key: "ui.badInteger" } }],
  ["1.0 is still a whole number", { given: "1.0", c: { integer: true }, want: undefined }],
  ["too many places", { given: "1.005", c: { scale: 2 }, want: { flag: "stepMismatch", key: "ui.badScale", params: { scale: 2 } } }],
  ["below min, exactly", { given: "-0.01", c: { min: 0 }, want: { flag: "rangeUnderflow", key: "ui.rangeUnderflow", params: { min: 0 } } }],
  ["above max, exactly", { given: "100.001", c: { max: "100", scale: 3 }, want: { flag: "rangeOverflow", key: "ui.rangeOverflow", params: { max: "100" } } }],
  ["on the bound", { given: "100.00", c: { max: 100 }, want: undefined }],
  ["German input", { given: "99,5", c: { max: 100 }, separator: ",", want: undefined }],
];

for (const [name, { given, c, separator, want }] of numbers) test(`numberProblem: ${name}`, () => expect(numberProblem(given, c, separator)).toEqual(want));

test("dateProblem compares ISO dates as text", () => {
  expect(dateProblem("", { required: true })?.flag).toBe("valueMissing");
  expect(dateProblem("2026-01-31", { min: "2026-02-01" })?.flag).toBe("rangeUnderflow");
  expect(dateProblem("2026-03-01", { max: "2026-02-28" })?.flag).toBe("rangeOverflow");
  expect(dateProblem("2026-02-01", { min: "2026-02-01", max: "2026-02-01" })).toBeUndefined();
});

test("missingProblem", () => {
  expect(missingProblem(true, true)?.flag).toBe("valueMissing");
  expect(missingProblem(true, false)).toBeUndefined();
  expect(missingProblem(false, true)).toBeUndefined();
});
