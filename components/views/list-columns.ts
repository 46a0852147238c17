/**
 * The widths of the list's columns. The grid's rows are laid out one by one (each row skips
 * layout while it is off screen, see list-styles.ts), so the browser cannot size a column to its
 * widest cell the way a table does: these functions estimate it from the text instead, in `ch`,
 * and turn the estimates into one `grid-template-columns` every row shares. Pure, so they are
 * tested without a DOM.
 */
import { type Formatted, textOf } from "./format-value.ts";

/** The narrowest and widest a column gets from its text (wider text ends in an ellipsis). */
export const MIN_COLUMN_CH = 4;
export const MAX_COLUMN_CH = 48;

// Characters wider than the "0" that `ch` measures: capitals, and East Asian wide characters
// (about two `ch`).
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const CAPITAL = /\p{Lu}/u;

/**
 * How wide `text` runs in the body font, in `ch`: an estimate that errs on the wide side.
 *
 * @example textWidth("INV-2026-00001") // 14.6 (three capitals at 1.2)
 */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII without regular expressions: this runs for every cell of every row.
    if (code < 128) width += code >= 65 && code <= 90 ? 1.2 : 1;
    else {
      const char = text[i]!;
      width += WIDE.test(char) ? 2 : CAPITAL.test(char) ? 1.2 : 1;
    }
  }
  return width;
}

/** The width of a formatted value: a badge adds its padding and border. */
export function valueWidth(value: Formatted): number {
  if (value.kind === "badge") return textWidth(value.text) * 0.875 + 2;
  return textWidth(textOf(value));
}

/**
 * Each column's width in `ch`: the widest of its header (bold, plus the sort arrow when it sorts)
 * and its cells, clamped to {@link MIN_COLUMN_CH}..{@link MAX_COLUMN_CH}.
 *
 * @example columnWidths([{ label: "Total", sorts: true }], [[{ kind: "text", text: "€1,462.51" }]]) // [9]
 */
export function columnWidths(headers: readonly { readonly label: string; readonly sorts: boolean }[], rows: readonly (readonly Formatted[])[]): number[] {
  const widths = headers.map((h) => textWidth(h.label) * 1.1 + (h.sorts ? 1.5 : 0));
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) {
      const cell = row[i];
      if (cell) widths[i] = Math.max(widths[i]!, valueWidth(cell));
    }
  }
  return widths.map((w) => Math.min(MAX_COLUMN_CH, Math.max(MIN_COLUMN_CH, Math.ceil(w))));
}

/**
 * The grid's `grid-template-columns` and `min-width`: the selection column, then each column at
 * least its width (plus the cell's padding), sharing any room left in proportion to its width,
 * as a table's automatic layout does.
 *
 * @example gridColumns([10, 6]).template
 *   // "2.5rem minmax(calc(10ch + 2 * var(--weave-space)), 10fr) minmax(calc(6ch + 2 * var(--weave-space)), 6fr)"
 */
export function gridColumns(widths: readonly number[]): { template: string; minWidth: string } {
  const pad = "2 * var(--weave-space)";
  const template = ["2.5rem", ...widths.map((w) => `minmax(calc(${w}ch + ${pad}), ${w}fr)`)].join(" ");
  const total = widths.reduce((sum, w) => sum + w, 0);
  return { template, minWidth: `calc(2.5rem + ${total}ch + ${widths.length} * ${pad})` };
}
