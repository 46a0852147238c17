/**
 * `<weave-playground>`: the query playground of `weave dev` (`/app/_playground`). Type a query
 * with the DSL (`from("Invoice").where(o => o.total.gt(100)).select("number", "total")`) or as
 * JSON, run it, and see the SQL, its parameters, the plan and the rows, under the signed-in
 * user's policies: the server runs it exactly as it would for the app.
 *
 * The text is the developer's own, run in their own browser against their development server;
 * the server validates the resulting JSON against the model like any other query.
 *
 * @csspart editor - The query text. @csspart sql - The SQL. @csspart plan - The plan. @csspart rows - The rows.
 * @example <weave-playground></weave-playground>
 */
import { css, html, LitElement, nothing } from "lit";
import { ApiError } from "../client/index.ts";
import * as dsl from "../client/query-dsl.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";

interface Explained {
  readonly columns: readonly { name: string; label: string; type: string }[];
  readonly data: readonly Record<string, unknown>[];
  readonly sql?: string;
  readonly parameters?: readonly unknown[];
  readonly plan?: unknown;
}

const EXAMPLE = `from("Invoice")
  .groupBy("status")
  .count("invoices")
  .sum("total", "amount")
  .orderBy(col("amount"), "desc")`;

/** The query JSON from the text: JSON as is, else the DSL with its functions in scope. */
export function queryFromText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return JSON.parse(trimmed);
  const names = Object.keys(dsl).filter((k) => typeof (dsl as Record<string, unknown>)[k] === "function");
  const build = new Function(...names, `"use strict"; return (${trimmed});`) as (...fns: unknown[]) => { toJSON?: () => unknown };
  const result = build(...names.map((n) => (dsl as Record<string, unknown>)[n]));
  return typeof result?.toJSON === "function" ? result.toJSON() : result;
}

export class WeavePlayground extends LitElement {
  static override properties = { api: { type: String }, text: { state: true }, result: { state: true }, error: { state: true }, busy: { state: true } };
  declare api: string | undefined;
  declare text: string;
  declare result: Explained | undefined;
  declare error: string | undefined;
  declare busy: boolean;
  readonly #s = new SessionController(this);

  constructor() {
    super();
    this.text = EXAMPLE;
    this.busy = false;
  }

  async run() {
    this.busy = true;
    this.error = undefined;
    try {
      const query = queryFromText(this.text);
      this.result = await this.#s.session.client.request<Explained>("POST", "/api/query?explain=true", query);
    } catch (error) {
      this.result = undefined;
      this.error = error instanceof ApiError ? [error.message, ...(error.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`)].join("\n") : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const r = this.result;
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this.run())}>
        <label for="query">Query (DSL or JSON)</label>
        <textarea id="query" part="editor" rows="8" spellcheck="false" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
          @keydown=${(e: KeyboardEvent) => (e.key === "Enter" && (e.ctrlKey || e.metaKey) ? (e.preventDefault(), void this.run()) : undefined)}></textarea>
        <button class="primary" type="submit" ?disabled=${this.busy}>Run (Ctrl+Enter)</button>
      </form>
      ${this.error ? html`<pre class="error" role="alert">${this.error}</pre>` : nothing}
      ${r
        ? html`<h2>Rows (${r.data.length})</h2>
            <div class="scroll"><table part="rows">
              <thead><tr>${r.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
              <tbody>${r.data.map((row) => html`<tr>${r.columns.map((c) => html`<td>${format(row[c.name])}</td>`)}</tr>`)}</tbody>
            </table></div>
            <h2>SQL</h2>
            <pre part="sql">${r.sql ?? ""}</pre>
            <h3>Parameters</h3>
            <pre>${JSON.stringify(r.parameters ?? [])}</pre>
            <h2>Plan</h2>
            <pre part="plan">${JSON.stringify(r.plan ?? null, null, 2)}</pre>`
        : nothing}`;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--weave-space);
      }
      textarea,
      pre {
        font-family: var(--weave-font-mono);
      }
      button {
        justify-self: start;
      }
      pre {
        white-space: pre-wrap;
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: var(--weave-space);
        overflow: auto;
        max-height: 24rem;
      }
      .scroll {
        overflow: auto;
        max-height: 24rem;
      }
      table {
        border-collapse: collapse;
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

function format(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

if (!customElements.get("weave-playground")) customElements.define("weave-playground", WeavePlayground);

declare global {
  interface HTMLElementTagNameMap {
    "weave-playground": WeavePlayground;
  }
}
