/**
 * `<weave-dashboard name="billing">`: a dashboard of the model: a grid of widgets, each the rows
 * of a saved query as a number, a table or a chart. Which widgets show is the server's decision
 * (`_meta.dashboards` lists only those whose query the user may run); each widget fetches its
 * rows from the path `_meta` gives it.
 *
 * @csspart grid - The widget grid. @csspart widget - Each widget; `widget-title`, `number`, `table`.
 * @example <weave-dashboard name="billing"></weave-dashboard>
 */
import { Task } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { ApiError } from "../client/index.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { cellText, columnLabel, type QueryAnswer } from "./cells.ts";
import "./weave-chart.ts";

/** A widget as `_meta.dashboards` gives it. */
export interface MetaWidget {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly type: "number" | "table" | "bar" | "line" | "pie";
  readonly query: string;
  readonly x?: string;
  readonly y?: readonly string[];
  readonly columns?: readonly string[];
  readonly span: number;
  readonly path: string;
}

/** A dashboard as `_meta.dashboards` gives it. */
export interface MetaDashboard {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly widgets: readonly MetaWidget[];
}

export class WeaveDashboard extends LitElement {
  static override properties = { api: { type: String }, name: { type: String } };
  declare api: string | undefined;
  declare name: string | undefined;
  readonly #s = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  /** The dashboard this element shows: by name, else the first one. */
  get dashboard(): MetaDashboard | undefined {
    const all = ((this.#s.session.meta as { dashboards?: readonly MetaDashboard[] } | undefined)?.dashboards ?? []) as readonly MetaDashboard[];
    return this.name ? all.find((d) => d.name === this.name) : all[0];
  }

  override render() {
    const { session } = this.#s;
    if (!session.meta) return html`<p role="status">${session.i18n.t("ui.loading")}</p>`;
    const dashboard = this.dashboard;
    if (!dashboard) return html`<p>${session.i18n.t("ui.noAccess")}</p>`;
    const t = session.i18n.t;
    return html`${dashboard.description ? html`<p class="muted">${t(`dashboard.${dashboard.name}.description`, dashboard.description)}</p>` : nothing}
      <div class="grid" part="grid">
        ${repeat(dashboard.widgets, (w) => w.name, (w) => html`<weave-dashboard-widget part="widget" exportparts="widget-title, number, table" style="--span: ${w.span}" .widget=${w} .dashboard=${dashboard.name}></weave-dashboard-widget>`)}
      </div>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: calc(var(--weave-space) * 2);
      }
      weave-dashboard-widget {
        grid-column: span var(--span, 2);
      }
      @media (max-width: 800px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
        weave-dashboard-widget {
          grid-column: auto;
        }
      }
    `,
  ];
}

/** One widget: fetches its rows and shows them. Internal to `<weave-dashboard>`. */
export class WeaveDashboardWidget extends LitElement {
  static override properties = { api: { type: String }, widget: { attribute: false }, dashboard: { type: String } };
  declare api: string | undefined;
  declare widget: MetaWidget;
  declare dashboard: string;
  readonly #s = new SessionController(this);
  readonly #rows = new Task(this, {
    task: async ([path], { signal }) => this.#s.session.client.request<QueryAnswer>("GET", path, undefined, { signal }),
    args: () => [this.widget?.path] as const,
  });

  override render() {
    const { i18n } = this.#s.session;
    const w = this.widget;
    const title = i18n.t(`dashboard.${this.dashboard}.widget.${w.name}.label`, w.label);
    return html`<section aria-labelledby="title">
      <h2 id="title" part="widget-title">${title}</h2>
      ${w.description ? html`<p class="muted">${w.description}</p>` : nothing}
      ${this.#rows.render({
        pending: () => html`<p role="status">${i18n.t("ui.loading")}</p>`,
        error: (error) => html`<p role="alert" class="error">${error instanceof ApiError ? error.message : String(error)}</p>`,
        complete: (answer) => this.#body(answer, title),
      })}
    </section>`;
  }

  #body(answer: QueryAnswer, title: string) {
    const { i18n } = this.#s.session;
    const w = this.widget;
    if (answer.data.length === 0) return html`<p class="muted">${i18n.t("ui.empty")}</p>`;
    if (w.type === "number") {
      const column = answer.columns.find((c) => c.name === w.y?.[0]) ?? answer.columns.at(-1)!;
      return html`<p class="number" part="number">${cellText(i18n, column, answer.data[0]![column.name])}</p>`;
    }
    if (w.type === "table") {
      const columns = w.columns ? answer.columns.filter((c) => w.columns!.includes(c.name)) : answer.columns.filter((c) => c.name !== "id");
      return html`<table part="table">
        <thead><tr>${columns.map((c) => html`<th scope="col">${columnLabel(i18n, c)}</th>`)}</tr></thead>
        <tbody>${answer.data.map((row) => html`<tr>${columns.map((c) => html`<td>${cellText(i18n, c, row[c.name])}</td>`)}</tr>`)}</tbody>
      </table>`;
    }
    return html`<weave-chart type=${w.type} x=${w.x ?? nothing} y=${w.y?.join(",") ?? nothing} label=${title} .columns=${answer.columns} .rows=${answer.data}></weave-chart>`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: calc(var(--weave-space) * 2);
        min-width: 0;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 var(--weave-space);
      }
      .number {
        font-size: 2rem;
        font-weight: 700;
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: calc(var(--weave-space) * 0.5);
        border-bottom: 1px solid var(--weave-color-border);
      }
    `,
  ];
}

if (!customElements.get("weave-dashboard")) customElements.define("weave-dashboard", WeaveDashboard);
if (!customElements.get("weave-dashboard-widget")) customElements.define("weave-dashboard-widget", WeaveDashboardWidget);

declare global {
  interface HTMLElementTagNameMap {
    "weave-dashboard": WeaveDashboard;
    "weave-dashboard-widget": WeaveDashboardWidget;
  }
}
