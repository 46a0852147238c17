/**
 * `<weave-theme-toggle>`: a button that switches between light and dark colors; the choice is
 * remembered in the browser, and until one is made the system setting rules.
 *
 * @csspart button - The toggle button.
 * @example <weave-theme-toggle></weave-theme-toggle>
 */
import { css, html, LitElement } from "lit";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens, isDark, setColorScheme, storedColorScheme } from "../core/tokens.ts";

export class WeaveThemeToggle extends LitElement {
  static override properties = { api: { type: String }, dark: { state: true } };
  declare api: string | undefined;
  declare dark: boolean;
  readonly #s = new SessionController(this);

  constructor() {
    super();
    this.dark = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
    const initial = storedColorScheme();
    const preset = document.documentElement.getAttribute("data-weave-scheme-default");
    if (initial !== "auto") setColorScheme(initial);
    else if (preset === "light" || preset === "dark") document.documentElement.setAttribute("data-weave-theme", preset);
    this.dark = isDark();
  }

  override render() {
    const label = this.#s.session.i18n.t("ui.toggleDark");
    return html`<button type="button" part="button" aria-pressed=${this.dark ? "true" : "false"} aria-label=${label} title=${label} @click=${this.#toggle}>
      <span aria-hidden="true">${this.dark ? "☾" : "☀"}</span>
    </button>`;
  }

  #toggle() {
    this.dark = !this.dark;
    setColorScheme(this.dark ? "dark" : "light");
    this.dispatchEvent(new CustomEvent("weave-color-scheme", { detail: { dark: this.dark }, bubbles: true, composed: true }));
  }

  static override styles = [baseStyles, css`:host { display: inline-block; } button { min-width: 2.25rem; justify-content: center; }`];
}

if (!customElements.get("weave-theme-toggle")) customElements.define("weave-theme-toggle", WeaveThemeToggle);

declare global {
  interface HTMLElementTagNameMap {
    "weave-theme-toggle": WeaveThemeToggle;
  }
}
