import { expect, test } from "bun:test";
import { moveCell, PAGE_ROWS } from "../../../components/views/grid-keys.ts";

// 30 rows (a header and 29 records) by 4 columns.
const cases: [string, { at: [number, number]; key: string; ctrl?: boolean; want: [number, number] | undefined }][] = [
  ["ArrowRight moves one column", { at: [1, 0], key: "ArrowRight", want: [1, 1] }],
  ["ArrowRight stops at the last column", { at: [1, 3], key: "ArrowRight", want: [1, 3] }],
  ["ArrowLeft stops at the first column", { at: [1, 0], key: "ArrowLeft", want: [1, 0] }],
  ["ArrowDown moves one row", { at: [1, 2], key: "ArrowDown", want: [2, 2] }],
  ["ArrowUp reaches the header row", { at: [1, 2], key: "ArrowUp", want: [0, 2] }],
  ["ArrowUp stops at the header row", { at: [0, 2], key: "ArrowUp", want: [0, 2] }],
  ["Home goes to the row's first cell", { at: [5, 3], key: "Home", want: [5, 0] }],
  ["End goes to the row's last cell", { at: [5, 1], key: "End", want: [5, 3] }],
  ["Ctrl+Home goes to the first cell", { at: [5, 3], key: "Home", ctrl: true, want: [0, 0] }],
  ["Ctrl+End goes to the last cell", { at: [5, 1], key: "End", ctrl: true, want: [29, 3] }],
  ["PageDown moves a page of rows", { at: [1, 1], key: "PageDown", want: [1 + PAGE_ROWS, 1] }],
  ["PageDown stops at the last row", { at: [25, 1], key: "PageDown", want: [29, 1] }],
  ["PageUp stops at the header", { at: [5, 1], key: "PageUp", want: [0, 1] }],
  ["other keys are not grid moves", { at: [5, 1], key: "a", want: undefined }],
];

for (const [name, { at, key, ctrl, want }] of cases) {
  test(name, () => {
    const got = moveCell({ row: at[0], col: at[1] }, key, ctrl ?? false, 30, 4);
    expect(got).toEqual(want && { row: want[0], col: want[1] });
  });
}
