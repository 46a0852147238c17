/**
 * The baseline of bench/ui: the same rows rendered as a plain lit-html table, no component,
 * no formatting beyond String(). Bundled by bench/ui.ts and run in the same page.
 */
import { html, render } from "lit";
import { repeat } from "lit/directives/repeat.js";

type Row = Record<string, unknown> & { id: string };

/** Renders `rows` with `columns` into `container`. */
function baseline(container: HTMLElement, rows: readonly Row[], columns: readonly string[]): void {
  render(
    html`<table>
      <thead><tr>${columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
      <tbody>${repeat(rows, (r) => r.id, (r) => html`<tr>${columns.map((c) => html`<td>${String(r[c] ?? "")}</td>`)}</tr>`)}</tbody>
    </table>`,
    container,
  );
}

(globalThis as unknown as { weaveBaseline: typeof baseline }).weaveBaseline = baseline;
