/**
 * The markup of a whole grid row as ONE Lit template, whatever the number of columns. Written as
 * a row template with a nested template per cell, 10,000 rows cost 70,000 more template instances
 * (clones, markers, parts); here a row is one clone whose cells are holes.
 *
 * Lit caches templates by their strings array, and only a tagged literal makes one, so this
 * module builds the array itself, the way `lit/static-html.js` does: from the fixed fragments
 * below and the columns' `numeric` flags only. Nothing given at run time becomes markup.
 */

const ROW = [
  '<tr role="row" part="row" aria-rowindex=',
  " aria-selected=",
  " data-id=",
  '><td role="gridcell" part="cell select-cell" class="select"><input type="checkbox" part="select" tabindex="-1" data-select .checked=',
  " aria-label=",
  " /></td>",
] as const;
const cellOpen = (numeric: boolean) => `<td role="gridcell" part="cell"${numeric ? ' class="numeric"' : ""} tabindex="-1">`;
const CELL_CLOSE = "</td>";
const ROW_CLOSE = "</tr>";

const cache = new Map<string, TemplateStringsArray>();

/**
 * The strings of a row with one cell per entry of `numeric` (true: a numeric, end-aligned cell).
 * Its values, in order: aria-rowindex, aria-selected, data-id, the checkbox's `checked` and
 * label, then each cell's content.
 *
 * @example html(rowStrings([false, true]), 2, "false", id, false, "Select INV-1", link, "€10.00")
 */
export function rowStrings(numeric: readonly boolean[]): TemplateStringsArray {
  const key = numeric.map((n) => (n ? 1 : 0)).join("");
  let strings = cache.get(key);
  if (!strings) {
    const parts: string[] = [...ROW.slice(0, 5)];
    let pending: string = ROW[5];
    for (const n of numeric) {
      parts.push(pending + cellOpen(n));
      pending = CELL_CLOSE;
    }
    parts.push(pending + ROW_CLOSE);
    // A strings array as a tagged literal would give it: frozen, with `raw`.
    strings = Object.freeze(Object.assign(parts, { raw: Object.freeze([...parts]) })) as unknown as TemplateStringsArray;
    cache.set(key, strings);
  }
  return strings;
}
