/** The grid's look: a plain table that scrolls sideways on small screens, with a visible focus. */
import { css } from "lit";

export const listStyles = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--weave-color-surface);
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--weave-space) * 0.75) var(--weave-space);
    border-bottom: 1px solid var(--weave-color-border);
    /* No per-cell overflow clipping: on 10,000 rows it costs more layout than it is worth. */
    white-space: nowrap;
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
    width: 2.5rem;
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
