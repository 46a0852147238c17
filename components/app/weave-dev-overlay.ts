/**
 * `<weave-dev-overlay>`: under `weave dev`, listens to `/weave/dev/events`. A `reload` (a new
 * model is served) refreshes the session's metadata, so every element redraws with the new
 * fields; `diagnostics` (the spec has errors) shows them over the page, with file:line:col and
 * the code, until the next good model. The app shell adds it when served by `weave dev`.
 *
 * @fires weave-dev-reload - After a new model is served and the metadata reloaded.
 * @csspart panel - The overlay panel.
 * @example <weave-dev-overlay></weave-dev-overlay>
 */
import { css, html, LitElement, nothing } from "lit";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";

/** A problem as `/weave/dev/events` sends it (runtime/ui/dev-channel.ts). */
interface DevDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
}

export class WeaveDevOverlay extends LitElement {
  static override properties = { api: { type: String }, diagnostics: { state: true } };
  declare api: string | undefined;
  declare diagnostics: readonly DevDiagnostic[];
  readonly #s = new SessionController(this);
  #source: EventSource | undefined;

  constructor() {
    super();
    this.diagnostics = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#source = new EventSource(`${this.#s.session.client.baseUrl}/weave/dev/events`);
    this.#source.addEventListener("reload", () => void this.#reload());
    this.#source.addEventListener("diagnostics", (event) => {
      this.diagnostics = (JSON.parse((event as MessageEvent<string>).data) as { diagnostics: DevDiagnostic[] }).diagnostics;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.close();
  }

  async #reload() {
    this.diagnostics = [];
    await this.#s.session.reload();
    this.dispatchEvent(new CustomEvent("weave-dev-reload", { bubbles: true, composed: true }));
  }

  override render() {
    if (this.diagnostics.length === 0) return nothing;
    return html`<section part="panel" role="alert" aria-labelledby="title">
      <h2 id="title">The spec has ${this.diagnostics.length === 1 ? "an error" : `${this.diagnostics.length} errors`}; the last good model is still served</h2>
      <ul>
        ${this.diagnostics.map(
          (d) => html`<li>
            <code>${d.file ? `${d.file}:${d.line ?? 1}:${d.column ?? 1}` : ""}</code> <strong>${d.code}</strong> ${d.message}
            ${d.hint ? html`<div class="hint">${d.hint}</div>` : nothing}
          </li>`,
        )}
      </ul>
      <button type="button" @click=${() => (this.diagnostics = [])}>Dismiss</button>
    </section>`;
  }

  static override styles = [
    baseStyles,
    css`
      section {
        position: fixed;
        inset: auto 1rem 1rem 1rem;
        max-height: 60vh;
        overflow: auto;
        z-index: 1000;
        padding: 1rem;
        background: var(--weave-color-surface);
        color: var(--weave-color-text);
        border: 2px solid var(--weave-color-danger);
        border-radius: var(--weave-radius);
        box-shadow: 0 8px 24px rgb(0 0 0 / 0.25);
        font-family: var(--weave-font-mono);
      }
      h2 {
        margin-top: 0;
        font-size: 1rem;
        color: var(--weave-color-danger);
      }
      .hint {
        color: var(--weave-color-text-muted);
      }
    `,
  ];
}

if (!customElements.get("weave-dev-overlay")) customElements.define("weave-dev-overlay", WeaveDevOverlay);

declare global {
  interface HTMLElementTagNameMap {
    "weave-dev-overlay": WeaveDevOverlay;
  }
}
