import { expect, test } from "bun:test";
import { columnWidths, gridColumns, MAX_COLUMN_CH, MIN_COLUMN_CH, textWidth, valueWidth } from "../../../components/views/list-columns.ts";
import type { Formatted } from "../../../components/views/format-value.ts";

const text = (t: string): Formatted => ({ kind: "text", text: t });

const widths: [string, { given: string; want: number }][] = [
  ["digits and lower case are one ch each", { given: "2026-09-01 abc", want: 14 }],
  ["capitals run wider than the 0 that ch measures", { given: "INV", want: 3.6 }],
  ["non-ASCII capitals too", { given: "Ärger", want: 5.2 }],
  ["East Asian wide characters take two", { given: "請求書", want: 6 }],
  ["Hangul takes two", { given: "송장", want: 4 }],
  ["nothing is nothing", { given: "", want: 0 }],
];

for (const [name, { given, want }] of widths) {
  test(`textWidth: ${name}`, () => {
    expect(textWidth(given)).toBeCloseTo(want, 5);
  });
}

test("valueWidth: a badge adds its padding to its smaller text; a list reads as its joined text", () => {
  expect(valueWidth({ kind: "badge", text: "sent", value: "sent" })).toBeCloseTo(4 * 0.875 + 2, 5);
  expect(valueWidth({ kind: "list", items: [text("ab"), text("cd")] })).toBe(6);
});

test("columnWidths: the widest cell anywhere in the rows sets the column", () => {
  const rows = Array.from({ length: 5000 }, (_, i) => [text(i === 4321 ? "a much longer value here" : "short")]);
  expect(columnWidths([{ label: "x", sorts: false }], rows)).toEqual([24]);
});

test("columnWidths: a header wider than its cells sets the column, with room for the sort arrow", () => {
  expect(columnWidths([{ label: "issued on", sorts: false }], [[text("1")]])).toEqual([10]);
  expect(columnWidths([{ label: "issued on", sorts: true }], [[text("1")]])).toEqual([12]);
});

test("columnWidths: clamped, so a single character or a paragraph does not make the grid odd", () => {
  const got = columnWidths([{ label: "", sorts: false }, { label: "", sorts: false }], [[text("1"), text("x".repeat(500))]]);
  expect(got).toEqual([MIN_COLUMN_CH, MAX_COLUMN_CH]);
});

test("columnWidths: rows shorter than the header (missing cells) are fine", () => {
  expect(columnWidths([{ label: "a", sorts: false }, { label: "b", sorts: false }], [[text("12345")]])).toEqual([5, MIN_COLUMN_CH]);
});

test("gridColumns: the selection column, then each column at least its width and sharing the rest in proportion", () => {
  expect(gridColumns([10, 6])).toEqual({
    template: "2.5rem minmax(calc(10ch + 2 * var(--weave-space)), 10fr) minmax(calc(6ch + 2 * var(--weave-space)), 6fr)",
    minWidth: "calc(2.5rem + 16ch + 2 * 2 * var(--weave-space))",
  });
});
