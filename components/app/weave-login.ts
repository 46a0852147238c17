/**
 * `<weave-login>`: sign in with a password or a magic link, create an account (`mode="register"`),
 * or redeem a magic link (`mode="redeem"`, token from `?token=`). Shows only the methods the app
 * offers (`_meta.app.auth`). Works on its own on any page, or as the app's sign-in page.
 *
 * @fires weave-signed-in - After a successful sign-in or registration; the session has reloaded.
 * @csspart form - Each form. @csspart error - The error message.
 * @example <weave-login api="https://books.example.com"></weave-login>
 */
import { css, html, LitElement, nothing } from "lit";
import { ApiError } from "../client/index.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";

type Mode = "login" | "register" | "redeem";

export class WeaveLogin extends LitElement {
  static override properties = { api: { type: String }, mode: { type: String }, error: { state: true }, notice: { state: true }, busy: { state: true } };
  declare api: string | undefined;
  declare mode: Mode;
  declare error: string | undefined;
  declare notice: string | undefined;
  declare busy: boolean;
  readonly #s = new SessionController(this);
  #redeemed = false;

  constructor() {
    super();
    this.mode = "login";
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  override render() {
    const { session } = this.#s;
    const t = session.i18n.t;
    const auth = session.meta?.app.auth ?? { password: true, magicLink: false };
    if (this.mode === "redeem") return this.#redeem();
    const base = session.appBase;
    return html`
      ${this.error ? html`<p class="error" role="alert" part="error">${this.error}</p>` : nothing}
      ${this.notice ? html`<p role="status" part="notice">${this.notice}</p>` : nothing}
      ${auth.password ? this.#passwordForm() : nothing}
      ${auth.magicLink && this.mode === "login"
        ? html`<form part="form" class="magic" @submit=${this.#requestLink} aria-labelledby="magic-title">
            <h2 id="magic-title">${t("ui.orMagicLink")}</h2>
            <label for="magic-email">${t("ui.email")}</label>
            <input id="magic-email" name="email" type="email" autocomplete="email" required />
            <button type="submit" ?disabled=${this.busy}>${t("ui.magicLink")}</button>
          </form>`
        : nothing}
      ${base && auth.password
        ? html`<p>${this.mode === "register" ? html`<a href="${base}/login">${t("ui.haveAccount")}</a>` : html`<a href="${base}/register">${t("ui.noAccount")}</a>`}</p>`
        : nothing}
    `;
  }

  #passwordForm() {
    const t = this.#s.session.i18n.t;
    const register = this.mode === "register";
    return html`<form part="form" @submit=${this.#submit} aria-label=${register ? t("ui.register") : t("ui.signIn")}>
      ${register
        ? html`<label for="name">${t("ui.name")}</label>
            <input id="name" name="name" autocomplete="name" />`
        : nothing}
      <label for="email">${t("ui.email")}</label>
      <input id="email" name="email" type="email" autocomplete=${register ? "email" : "username"} required />
      <label for="password">${t("ui.password")}</label>
      <input id="password" name="password" type="password" autocomplete=${register ? "new-password" : "current-password"} minlength=${register ? 12 : nothing} required aria-describedby=${register ? "password-hint" : nothing} />
      ${register ? html`<small id="password-hint" class="muted">${t("ui.passwordHint")}</small>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${register ? t("ui.register") : t("ui.signIn")}</button>
    </form>`;
  }

  #redeem() {
    const t = this.#s.session.i18n.t;
    if (!this.#redeemed) {
      this.#redeemed = true;
      void this.#redeemToken(new URLSearchParams(location.search).get("token") ?? "");
    }
    return this.error ? html`<p class="error" role="alert" part="error">${this.error}</p>` : html`<p role="status">${t("ui.signingIn")}</p>`;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    const { session } = this.#s;
    await this.#run(async () => {
      if (this.mode === "register") await session.client.auth.register(email, password, String(data.get("name") ?? "") || undefined);
      else await session.client.auth.login(email, password);
      await session.reload();
      this.dispatchEvent(new CustomEvent("weave-signed-in", { bubbles: true, composed: true }));
    });
  }

  async #requestLink(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get("email") ?? "");
    const { session } = this.#s;
    await this.#run(async () => {
      await session.client.auth.requestMagicLink(email);
      this.notice = session.i18n.t("ui.magicLinkSent");
    });
  }

  async #redeemToken(token: string) {
    const { session } = this.#s;
    await this.#run(async () => {
      try {
        await session.client.auth.redeemMagicLink(token);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 400)) throw new ApiError({ ...error.problem, detail: session.i18n.t("ui.linkInvalid") });
        throw error;
      }
      await session.reload();
      this.dispatchEvent(new CustomEvent("weave-signed-in", { bubbles: true, composed: true }));
    });
  }

  async #run(work: () => Promise<void>) {
    this.busy = true;
    this.error = undefined;
    this.notice = undefined;
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ApiError ? (error.problem.errors?.map((e) => e.message).join(" ") || error.message) : String(error);
    } finally {
      this.busy = false;
    }
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 24rem;
      }
      form {
        display: grid;
        gap: calc(var(--weave-space) * 0.75);
        margin-bottom: calc(var(--weave-space) * 3);
      }
      h2 {
        font-size: 1rem;
        margin: 0;
      }
      button[type="submit"] {
        justify-self: start;
      }
    `,
  ];
}

if (!customElements.get("weave-login")) customElements.define("weave-login", WeaveLogin);

declare global {
  interface HTMLElementTagNameMap {
    "weave-login": WeaveLogin;
  }
}
