/**
 * The grid's look. The table's parts are laid out as CSS grids rather than as a table: every row
 * shares the column template the element computes (list-columns.ts), so a row can skip style,
 * layout and paint while it is off screen (`content-visibility: auto`), which a table row cannot.
 * On 10,000 rows that is most of the cost of showing them. The elements stay table elements with
 * explicit grid roles, so the ARIA grid reads the same whatever the display.
 */
import { css } from "lit";

export const listStyles = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    display: block;
    background: var(--weave-color-surface);
  }
  thead,
  tbody {
    display: block;
  }
  tr {
    display: grid;
    grid-template-columns: var(--columns);
    border-bottom: 1px solid var(--weave-color-border);
  }
  tbody tr {
    content-visibility: auto;
    /* A row's content height: the checkbox's (2.25rem) and the cells' padding (the border comes
       on top), so rows never rendered take the room they will take and the scrollbar does not jump. */
    contain-intrinsic-block-size: auto calc(2.25rem + 1.5 * var(--weave-space));
  }
  th,
  td {
    display: block;
    align-content: center;
    text-align: start;
    padding: calc(var(--weave-space) * 0.75) var(--weave-space);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  th {
    font-weight: 600;
  }
  th button {
    border: none;
    background: none;
    padding: 0;
    min-height: 0;
    font-weight: inherit;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
    font-size: 0.75em;
  }
  .numeric {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .select {
    overflow: visible;
  }
  /* A block of the inputs' usual height, so every row is exactly as tall as the estimate above. */
  .select input {
    display: block;
    margin: 0 auto;
  }
  tr[aria-selected="true"] {
    background: var(--weave-color-background);
  }
  td:focus-visible,
  th:focus-visible {
    outline: var(--weave-focus);
    outline-offset: -2px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--weave-space);
    align-items: end;
    margin-block-end: var(--weave-space);
  }
  .filter {
    display: inline-flex;
    flex-direction: column;
    gap: calc(var(--weave-space) * 0.25);
    font-size: 0.875em;
  }
  .pager {
    display: flex;
    gap: var(--weave-space);
    align-items: center;
    margin-block-start: var(--weave-space);
  }
`;
