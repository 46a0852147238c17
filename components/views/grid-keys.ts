/**
 * The keyboard model of the ARIA grid pattern (https://www.w3.org/WAI/ARIA/apg/patterns/grid/):
 * which cell a key moves to. Row 0 is the header row. Pure, so every key is tested without a DOM.
 */

/** A cell position; `row` 0 is the header row. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** Rows PageUp and PageDown move by. */
export const PAGE_ROWS = 10;

/**
 * Where `key` moves focus from `at` in a grid of `rows` rows (header included) and `cols` columns;
 * undefined when the key is not a grid movement key.
 *
 * @example moveCell({ row: 1, col: 0 }, "ArrowDown", false, 5, 3) // { row: 2, col: 0 }
 */
export function moveCell(at: Cell, key: string, ctrl: boolean, rows: number, cols: number): Cell | undefined {
  const clamp = (row: number, col: number): Cell => ({ row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) });
  switch (key) {
    case "ArrowRight":
      return clamp(at.row, at.col + 1);
    case "ArrowLeft":
      return clamp(at.row, at.col - 1);
    case "ArrowDown":
      return clamp(at.row + 1, at.col);
    case "ArrowUp":
      return clamp(at.row - 1, at.col);
    case "Home":
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case "End":
      return ctrl ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    case "PageDown":
      return clamp(at.row + PAGE_ROWS, at.col);
    case "PageUp":
      return clamp(at.row - PAGE_ROWS, at.col);
    default:
      return undefined;
  }
}
