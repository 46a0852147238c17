import { expect, test } from "bun:test";
import { rowStrings } from "../../../components/views/row-template.ts";

test("a row has five holes (index, selected, id, checked, label) and one per cell", () => {
  expect(rowStrings([false, true, false])).toHaveLength(5 + 3 + 1);
  expect(rowStrings([])).toHaveLength(5 + 1);
});

test("numeric columns get the numeric class, the others none; every cell is a gridcell out of the Tab order", () => {
  const markup = rowStrings([false, true]).join("${}");
  expect(markup).toBe(
    '<tr role="row" part="row" aria-rowindex=${} aria-selected=${} data-id=${}>' +
      '<td role="gridcell" part="cell select-cell" class="select"><input type="checkbox" part="select" tabindex="-1" data-select .checked=${} aria-label=${} /></td>' +
      '<td role="gridcell" part="cell" tabindex="-1">${}</td>' +
      '<td role="gridcell" part="cell" class="numeric" tabindex="-1">${}</td></tr>',
  );
});

test("the same columns give the same array (Lit caches a template by it), as a tagged literal would", () => {
  const strings = rowStrings([true, false]);
  expect(rowStrings([true, false])).toBe(strings);
  expect(rowStrings([false, true])).not.toBe(strings);
  expect(Object.isFrozen(strings)).toBe(true);
  expect(strings.raw).toEqual([...strings]);
});
