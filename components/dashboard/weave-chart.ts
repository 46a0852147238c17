/**
 * `<weave-chart>`: a bar, line or pie chart of rows, with the same rows as a data table that
 * screen readers always have and a button shows on screen. The chart itself is drawn by Chart.js, loaded
 * from `/weave/charts.js` beside the bundle the first time a chart is shown; the table is
 * rendered at once, so the data is there even before (or without) the chart.
 *
 * @csspart figure - The figure. @csspart canvas - The chart. @csspart table - The data table.
 * @example <weave-chart type="bar" x="status" y="invoices" .columns=${columns} .rows=${rows}></weave-chart>
 */
import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { type QueryColumn, cellText, columnLabel, numeric } from "./cells.ts";
import type { ChartSpec } from "./chart-renderer.ts";

type Renderer = typeof import("./chart-renderer.ts");
let renderer: Promise<Renderer> | undefined;

/** The chart module, next to the bundle that holds this element. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= import(/* @vite-ignore */ new URL("./charts.js", import.meta.url).href) as Promise<Renderer>;
  return renderer;
}

export class WeaveChart extends LitElement {
  static override properties = {
    api: { type: String },
    type: { type: String },
    x: { type: String },
    y: { type: String },
    label: { type: String },
    columns: { attribute: false },
    rows: { attribute: false },
    failed: { state: true },
    showTable: { state: true },
  };
  declare api: string | undefined;
  declare type: "bar" | "line" | "pie";
  /** The category column. */
  declare x: string | undefined;
  /** The value columns, comma-separated. */
  declare y: string | undefined;
  declare label: string | undefined;
  declare columns: readonly QueryColumn[];
  declare rows: readonly Record<string, unknown>[];
  declare failed: boolean;
  /** Whether the data table is shown on screen; screen readers always have it. */
  declare showTable: boolean;
  readonly #s = new SessionController(this);
  #destroy: (() => void) | undefined;

  constructor() {
    super();
    this.type = "bar";
    this.columns = [];
    this.rows = [];
    this.failed = false;
    this.showTable = false;
  }

  /** The category and value columns, defaulting to the first and the last. */
  #axes(): { x: QueryColumn | undefined; y: QueryColumn[] } {
    const byName = (name: string) => this.columns.find((c) => c.name === name);
    const x = this.x ? byName(this.x) : this.columns[0];
    const y = (this.y ? this.y.split(",").map((n) => byName(n.trim())) : [this.columns.at(-1)]).filter((c): c is QueryColumn => c !== undefined && c !== x);
    return { x, y: this.type === "pie" ? y.slice(0, 1) : y };
  }

  override render() {
    const { i18n } = this.#s.session;
    const { x, y } = this.#axes();
    const summary = `${this.label ?? ""}: ${i18n.t(`ui.chart.${this.type}`)}, ${this.rows.length} ${i18n.t("ui.chart.points")}`;
    return html`<figure part="figure">
      <div class="canvas" ?hidden=${this.failed}><canvas part="canvas" role="img" aria-label=${summary}></canvas></div>
      <button type="button" class="link" aria-expanded=${this.showTable || this.failed ? "true" : "false"} aria-controls="data" @click=${() => (this.showTable = !this.showTable)}>${i18n.t("ui.chart.data")}</button>
        <table id="data" part="table" class=${this.showTable || this.failed ? "" : "visually-hidden"}>
          ${this.label ? html`<caption>${this.label}</caption>` : nothing}
          <thead><tr>${[x, ...y].filter(Boolean).map((c) => html`<th scope="col">${columnLabel(i18n, c!)}</th>`)}</tr></thead>
          <tbody>
            ${this.rows.map((row) => html`<tr>${[x, ...y].filter(Boolean).map((c, i) => (i === 0 ? html`<th scope="row">${cellText(i18n, c!, row[c!.name])}</th>` : html`<td class="num">${cellText(i18n, c!, row[c!.name])}</td>`))}</tr>`)}
          </tbody>
        </table>
    </figure>`;
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    super.updated(changed);
    if (!changed.has("rows") && !changed.has("columns") && !changed.has("type")) return;
    const canvas = this.renderRoot.querySelector("canvas");
    if (!canvas || this.rows.length === 0) return;
    try {
      const { renderChart } = await loadRenderer();
      this.#destroy?.();
      this.#destroy = renderChart(canvas, this.#spec());
      this.dispatchEvent(new CustomEvent("weave-chart-rendered", { bubbles: true, composed: true }));
    } catch {
      this.failed = true; // the table still shows the data
    }
  }

  #spec(): ChartSpec {
    const { i18n } = this.#s.session;
    const { x, y } = this.#axes();
    const style = getComputedStyle(this);
    const token = (name: string) => style.getPropertyValue(`--weave-color-${name}`).trim();
    const colors = ["primary", "accent", "warning", "info", "success", "danger", "neutral"].map(token).filter(Boolean);
    const first = y[0];
    return {
      type: this.type,
      labels: this.rows.map((row) => (x ? cellText(i18n, x, row[x.name]) : "")),
      series: y.map((c) => ({ label: columnLabel(i18n, c), values: this.rows.map((row) => numeric(row[c.name])) })),
      colors: colors.length > 0 ? colors : ["#3b5bdb"],
      text: token("text") || "#212529",
      grid: token("border") || "#ced4da",
      format: (value) => (first ? cellText(i18n, first, value) : String(value)),
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#destroy?.();
    this.#destroy = undefined;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      .canvas {
        position: relative;
        height: 16rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-top: var(--weave-space);
      }
      th,
      td {
        text-align: left;
        padding: calc(var(--weave-space) * 0.5);
        border-bottom: 1px solid var(--weave-color-border);
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      button.link {
        border: none;
        background: none;
        padding: 0;
        min-height: auto;
        color: var(--weave-color-primary);
        text-decoration: underline;
        margin-top: var(--weave-space);
      }
    `,
  ];
}

if (!customElements.get("weave-chart")) customElements.define("weave-chart", WeaveChart);

declare global {
  interface HTMLElementTagNameMap {
    "weave-chart": WeaveChart;
  }
}
