/**
 * `<weave-settings>`: the signed-in user's settings: language (the app's locales), color scheme
 * (system, light, dark) and, for members of several organisations, the current one.
 *
 * @csspart form - The settings form.
 * @example <weave-settings></weave-settings>
 */
import { css, html, LitElement, nothing } from "lit";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { type ColorScheme, installTokens, setColorScheme, storedColorScheme } from "../core/tokens.ts";

const LANGUAGE_NAMES = (locale: string, inLocale: string) => {
  try {
    return new Intl.DisplayNames([inLocale], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
};

export class WeaveSettings extends LitElement {
  static override properties = { api: { type: String }, scheme: { state: true } };
  declare api: string | undefined;
  declare scheme: ColorScheme;
  readonly #s = new SessionController(this);

  constructor() {
    super();
    this.scheme = storedColorScheme();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  override render() {
    const { session } = this.#s;
    const { i18n, meta, me } = session;
    const t = i18n.t;
    const locales = meta?.app.locales.supported ?? [i18n.locale];
    const memberships = me?.memberships ?? [];
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()}>
      <label for="locale">${t("ui.language")}</label>
      <select id="locale" @change=${(e: Event) => session.setLocale((e.target as HTMLSelectElement).value)}>
        ${locales.map((l) => html`<option value=${l} ?selected=${l === i18n.locale}>${LANGUAGE_NAMES(l, l)}</option>`)}
      </select>
      <fieldset>
        <legend>${t("ui.theme")}</legend>
        ${(["auto", "light", "dark"] as const).map(
          (s) => html`<label class="choice"><input type="radio" name="scheme" value=${s} .checked=${this.scheme === s} @change=${() => this.#scheme(s)} />
            ${t(`ui.theme${s === "auto" ? "Auto" : s === "light" ? "Light" : "Dark"}`)}</label>`,
        )}
      </fieldset>
      ${memberships.length > 1
        ? html`<label for="tenant">${t("ui.tenant")}</label>
            <select id="tenant" @change=${(e: Event) => this.#tenant((e.target as HTMLSelectElement).value)}>
              ${memberships.map((m) => html`<option value=${m.tenant.id} ?selected=${m.tenant.id === me?.tenant}>${m.tenant.name}</option>`)}
            </select>`
        : nothing}
    </form>`;
  }

  #scheme(scheme: ColorScheme) {
    this.scheme = scheme;
    setColorScheme(scheme);
  }

  async #tenant(id: string) {
    await this.#s.session.client.auth.chooseTenant(id);
    await this.#s.session.reload();
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 28rem;
      }
      form {
        display: grid;
        gap: var(--weave-space);
      }
      fieldset {
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
      }
      .choice {
        display: flex;
        gap: var(--weave-space);
        align-items: center;
      }
      .choice input {
        min-height: auto;
      }
    `,
  ];
}

if (!customElements.get("weave-settings")) customElements.define("weave-settings", WeaveSettings);

declare global {
  interface HTMLElementTagNameMap {
    "weave-settings": WeaveSettings;
  }
}
