import { expect, test } from "bun:test";
import { compareDecimal, decimalSeparator, exceedsScale, localizeDecimal, padScale, parseDecimal } from "../../../components/widgets/decimal.ts";

const parses: [string, { given: string; separator?: string; want: string | undefined }][] = [
  ["a plain decimal stays as typed", { given: "12.50", want: "12.50" }],
  ["a leading plus goes", { given: "+3", want: "3" }],
  ["a bare fraction gets its zero", { given: ".5", want: "0.5" }],
  ["a negative bare fraction too", { given: "-.5", want: "-0.5" }],
  ["a trailing point goes", { given: "7.", want: "7" }],
  ["spaces and grouping commas go (en)", { given: " 1,234,567.89 ", want: "1234567.89" }],
  ["German: comma is the decimal mark, points group", { given: "1.234,5", separator: ",", want: "1234.5" }],
  ["German: a narrow no-break space groups", { given: "1\u202f234,5", separator: ",", want: "1234.5" }],
  ["digits beyond a float's precision stay exact", { given: "12345678901234567.89", want: "12345678901234567.89" }],
  ["letters are not a number", { given: "12a", want: undefined }],
  ["two points are not a number", { given: "1.2.3", want: undefined }],
  ["empty text is no number", { given: "  ", want: undefined }],
];

for (const [name, { given, separator, want }] of parses) test(`parseDecimal: ${name}`, () => expect(parseDecimal(given, separator)).toBe(want));

test("padScale pads to the scale and never rounds", () => {
  expect(padScale("12.5", 2)).toBe("12.50");
  expect(padScale("12", 2)).toBe("12.00");
  expect(padScale("12.345", 2)).toBe("12.345");
  expect(padScale("-0.1", 3)).toBe("-0.100");
});

test("exceedsScale ignores trailing zeros", () => {
  expect(exceedsScale("1.230", 2)).toBe(false);
  expect(exceedsScale("1.231", 2)).toBe(true);
  expect(exceedsScale("5", 0)).toBe(false);
  expect(exceedsScale("5.5", 0)).toBe(true);
});

const comparisons: [string, string | number, string | number, -1 | 0 | 1][] = [
  ["longer whole part is larger", "10.5", "9.99", 1],
  ["equal with different zeros", "1.50", "1.5", 0],
  ["zero and negative zero", "-0.00", "0", 0],
  ["negatives order by magnitude reversed", "-2", "-10", 1],
  ["a negative is below a positive", "-0.01", "0", -1],
  ["fractions compare digit by digit", "0.1", "0.09", 1],
  ["beyond float precision", "9007199254740993", "9007199254740992", 1],
  ["against a number bound", "100.01", 100, 1],
  ["leading zeros do not count", "007", "7", 0],
];

for (const [name, a, b, want] of comparisons) test(`compareDecimal: ${name}`, () => expect(compareDecimal(a, b)).toBe(want));

test("localizeDecimal writes the locale's separator, and parseDecimal reads it back", () => {
  expect(decimalSeparator("de")).toBe(",");
  expect(decimalSeparator("en")).toBe(".");
  expect(localizeDecimal("1234.50", ",")).toBe("1234,50");
  expect(parseDecimal(localizeDecimal("1234.50", ","), ",")).toBe("1234.50");
});
