/**
 * `<weave-app>`: the whole generated app. A header with the app's title, navigation to the
 * entities the user may read, the locale, dark-mode and account controls, and routed pages:
 * `<base>/<collection>` (list), `/new`, `/<id>`, `/<id>/edit`, `/board` (kanban), plus the sign-in,
 * registration, magic-link and settings pages. Everything it shows comes from `_meta`.
 *
 * @slot header-end - Extra controls at the end of the header.
 * @csspart header - The top bar. @csspart nav - The entity navigation. @csspart main - The page.
 * @example <weave-app base="/app"></weave-app>
 */
import { ContextProvider } from "@lit/context";
import { Router } from "@lit-labs/router";
import { css, LitElement, nothing, type PropertyValues } from "lit";
import { html, unsafeStatic } from "lit/static-html.js";
import { createClient, type MetaEntity } from "../client/index.ts";
import { sessionContext } from "../core/context.ts";
import { collectionOf } from "../core/paths.ts";
import { entityLabel, entityPlural } from "../core/labels.ts";
import { viewTag, type ViewKind } from "../core/registry.ts";
import { defaultBaseUrl, WeaveSession } from "../core/session.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import type { MetaDashboard } from "../dashboard/weave-dashboard.ts";
import "../dashboard/index.ts";
import "./weave-dev-overlay.ts";
import "./weave-login.ts";
import "./weave-settings.ts";
import "./weave-theme-toggle.ts";

export class WeaveApp extends LitElement {
  static override properties = { base: { type: String }, api: { type: String }, dev: { type: Boolean } };
  declare base: string;
  declare api: string | undefined;
  declare dev: boolean;

  readonly session: WeaveSession;
  readonly #router: Router;
  #lastPath = "";

  constructor() {
    super();
    this.base = "/app";
    this.dev = false;
    this.session = new WeaveSession(createClient({ baseUrl: defaultBaseUrl() }));
    // The session is offered to every weave element inside, through @lit/context.
    new ContextProvider(this, { context: sessionContext, initialValue: this.session });
    this.#router = new Router(this, this.#routes(), { fallback: { render: () => this.#notFound() } });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
    this.session.appBase = this.base.replace(/\/$/, "");
    this.session.addEventListener("change", this.#onChange);
    this.addEventListener("weave-open", this.#onOpen as EventListener);
    this.addEventListener("weave-signed-in", this.#onSignedIn);
    this.addEventListener("weave-deleted", this.#onDeleted as EventListener);
    void this.session.ready();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.removeEventListener("change", this.#onChange);
    this.removeEventListener("weave-open", this.#onOpen as EventListener);
    this.removeEventListener("weave-signed-in", this.#onSignedIn);
    this.removeEventListener("weave-deleted", this.#onDeleted as EventListener);
  }

  readonly #onChange = () => this.requestUpdate();

  /** Navigates within the app, as a link would. */
  navigate(path: string): void {
    const url = path.startsWith("/") ? path : `${this.session.appBase}/${path}`;
    history.pushState({}, "", url);
    void this.#router.goto(new URL(url, location.href).pathname);
  }

  readonly #onOpen = (event: CustomEvent<{ entity: string; id?: string; mode?: string }>) => {
    const entity = this.session.entity(event.detail.entity);
    if (!entity) return;
    const collection = collectionOf(entity);
    const { id, mode } = event.detail;
    this.navigate(mode === "new" || !id ? `${collection}${mode === "new" ? "/new" : ""}` : `${collection}/${encodeURIComponent(id)}${mode === "edit" ? "/edit" : ""}`);
  };

  /** After a delete, the record's page is gone: show its list. */
  readonly #onDeleted = (event: CustomEvent<{ entity: string }>) => {
    const entity = this.session.entity(event.detail.entity);
    if (entity) this.navigate(collectionOf(entity));
  };

  readonly #onSignedIn = () => {
    const next = new URLSearchParams(location.search).get("next");
    this.navigate(next && next.startsWith(`${this.session.appBase}/`) ? next : `${this.session.appBase}/`);
  };

  #routes() {
    const page = (kind: ViewKind, params: Record<string, string | undefined>) => this.#view(kind, params);
    return [
      { path: `${this.base}`, render: () => this.#home() },
      { path: `${this.base}/`, render: () => this.#home() },
      { path: `${this.base}/login`, render: () => html`<weave-login></weave-login>` },
      { path: `${this.base}/register`, render: () => html`<weave-login mode="register"></weave-login>` },
      { path: `${this.base}/magic-link`, render: () => html`<weave-login mode="redeem"></weave-login>` },
      { path: `${this.base}/settings`, render: () => html`<weave-settings></weave-settings>` },
      // The Model Studio: its routes exist under `weave dev` only (cli/studio/).
      { path: `${this.base}/_studio`, render: () => html`<h1 tabindex="-1" part="heading">${this.session.i18n.t("studio.title", "Studio")}</h1><weave-studio></weave-studio>` },
      { path: `${this.base}/_dashboards/:name`, render: (p: Record<string, string | undefined>) => this.#dashboard(p.name) },
      { path: `${this.base}/_playground`, render: () => this.#playground() },
      { path: `${this.base}/:entity`, render: (p: Record<string, string | undefined>) => page("list", p) },
      { path: `${this.base}/:entity/new`, render: (p: Record<string, string | undefined>) => page("form", p) },
      { path: `${this.base}/:entity/board`, render: (p: Record<string, string | undefined>) => page("kanban", p) },
      { path: `${this.base}/:entity/:id`, render: (p: Record<string, string | undefined>) => page("detail", p) },
      { path: `${this.base}/:entity/:id/edit`, render: (p: Record<string, string | undefined>) => page("form", p) },
    ];
  }

  #view(kind: ViewKind, params: Record<string, string | undefined>) {
    const session = this.session;
    if (!session.meta) return this.#status();
    if (session.me === null) return this.#signInFirst();
    const entity = session.entity(params.entity);
    if (!entity) return this.#notFound();
    const tag = unsafeStatic(viewTag(entity.name, kind));
    const heading = this.#heading(kind, entity, params.id);
    // `/new?invoice=<id>`: a new record starts with the fields the query names (a related list's New).
    const defaults = kind === "form" && !params.id ? prefill(entity, new URLSearchParams(location.search)) : undefined;
    return html`<h1 tabindex="-1" part="heading">${heading}</h1>
      <${tag} entity=${entity.name} record-id=${params.id ?? nothing} .defaults=${defaults}></${tag}>`;
  }

  #dashboard(name: string | undefined) {
    const session = this.session;
    if (!session.meta) return this.#status();
    if (session.me === null) return this.#signInFirst();
    const dashboard = dashboardsOf(session).find((d) => d.name === name);
    if (!dashboard) return this.#notFound();
    return html`<h1 tabindex="-1" part="heading">${session.i18n.t(`dashboard.${dashboard.name}.label`, dashboard.label)}</h1>
      <weave-dashboard name=${dashboard.name}></weave-dashboard>`;
  }

  #playground() {
    // Development only: the page needs `?explain=true`, which the server honours only in weave dev.
    if (!this.dev) return this.#notFound();
    if (!this.session.meta) return this.#status();
    if (this.session.me === null) return this.#signInFirst();
    return html`<h1 tabindex="-1" part="heading">Query playground</h1><weave-playground></weave-playground>`;
  }

  #heading(kind: ViewKind, entity: MetaEntity, id: string | undefined): string {
    const { i18n } = this.session;
    if (kind === "form") return `${id ? i18n.t("ui.edit") : i18n.t("ui.create")}: ${entityLabel(i18n, entity)}`;
    if (kind === "detail") return entityLabel(i18n, entity);
    return entityPlural(i18n, entity);
  }

  #home() {
    const session = this.session;
    if (!session.meta) return this.#status();
    if (session.me === null) return this.#signInFirst();
    const first = session.meta.entities[0];
    return html`<h1 tabindex="-1" part="heading">${session.meta.app.title}</h1>
      ${first ? html`<p>${session.i18n.t("ui.pickEntity")}</p>` : html`<p>${session.i18n.t("ui.noAccess")}</p>`}
      <ul class="cards">
        ${session.meta.entities.map((e) => html`<li><a href="${session.appBase}/${collectionOf(e)}">${entityPlural(session.i18n, e)}</a></li>`)}
      </ul>`;
  }

  #signInFirst() {
    return html`<h1 tabindex="-1" part="heading">${this.session.i18n.t("ui.signIn")}</h1><weave-login></weave-login>`;
  }

  #status() {
    const { error, i18n } = this.session;
    if (error) return html`<h1 tabindex="-1">${error.problem.title}</h1><p role="alert">${error.message}</p>`;
    return html`<p role="status" aria-live="polite">${i18n.t("ui.loading")}</p>`;
  }

  #notFound() {
    if (!location.pathname.startsWith(this.session.appBase ?? this.base)) {
      location.assign(location.href); // a link out of the app: let the browser load it
      return nothing;
    }
    return html`<h1 tabindex="-1" part="heading">${this.session.i18n.t("ui.notFound")}</h1>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Focus moves to the new page's heading on navigation, so screen readers announce it.
    if (location.pathname !== this.#lastPath) {
      const first = this.#lastPath === "";
      this.#lastPath = location.pathname;
      const heading = this.renderRoot.querySelector<HTMLElement>("main h1");
      document.title = [heading?.textContent?.trim(), this.session.meta?.app.title].filter(Boolean).join(" · ");
      if (!first) heading?.focus();
    }
  }

  override render() {
    const { meta, me, i18n } = this.session;
    const here = location.pathname;
    return html`<a class="skip" href="#main" @click=${this.#skip}>${i18n.t("ui.skipToContent")}</a>
      <header part="header">
        <a class="brand" href="${this.session.appBase}/">${meta?.app.title ?? ""}</a>
        ${me
          ? html`<nav part="nav" aria-label=${i18n.t("ui.navigation")}>
              <ul>
                ${dashboardsOf(this.session).map((d) => {
                  const href = `${this.session.appBase}/_dashboards/${d.name}`;
                  return html`<li><a href=${href} aria-current=${here === href ? "page" : nothing}>${i18n.t(`dashboard.${d.name}.label`, d.label)}</a></li>`;
                })}
                ${(meta?.entities ?? []).map((e) => {
                  const href = `${this.session.appBase}/${collectionOf(e)}`;
                  const current = here === href || here.startsWith(`${href}/`);
                  return html`<li><a href=${href} aria-current=${current ? "page" : nothing}>${entityPlural(i18n, e)}</a></li>`;
                })}
              </ul>
            </nav>`
          : nothing}
        <div class="end">
          ${this.dev && me ? html`<a href="${this.session.appBase}/_playground">Playground</a>` : nothing}
          <weave-theme-toggle></weave-theme-toggle>
          ${me
            ? html`<a href="${this.session.appBase}/settings" class="account">${me.user.name ?? me.user.email}</a>
                <button type="button" @click=${this.#signOut}>${i18n.t("ui.signOut")}</button>`
            : me === null
              ? html`<a href="${this.session.appBase}/login">${i18n.t("ui.signIn")}</a>`
              : nothing}
          <slot name="header-end"></slot>
        </div>
      </header>
      <main id="main" part="main" tabindex="-1">${this.#router.outlet()}</main>
      ${this.dev ? html`<weave-dev-overlay></weave-dev-overlay>` : nothing}`;
  }

  #skip(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>("main h1, main")?.focus();
  }

  async #signOut() {
    await this.session.signOut();
    this.navigate(`${this.session.appBase}/login`);
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--weave-color-background);
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: var(--weave-space);
        top: var(--weave-space);
        z-index: 10;
        background: var(--weave-color-surface);
        padding: var(--weave-space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--weave-space) * 2);
        padding: var(--weave-space) calc(var(--weave-space) * 3);
        background: var(--weave-color-surface);
        border-bottom: 1px solid var(--weave-color-border);
      }
      .brand {
        font-weight: 700;
        color: var(--weave-color-text);
        text-decoration: none;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--weave-space);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: calc(var(--weave-space) * 0.5) var(--weave-space);
        border-radius: var(--weave-radius);
        text-decoration: none;
      }
      nav a[aria-current="page"] {
        background: var(--weave-color-primary);
        color: var(--weave-color-on-primary);
      }
      .end {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: var(--weave-space);
      }
      main {
        padding: calc(var(--weave-space) * 3);
        max-width: 1280px;
        margin: 0 auto;
      }
      main:focus {
        outline: none;
      }
      h1 {
        margin: 0 0 calc(var(--weave-space) * 2);
        font-size: 1.5rem;
      }
      .cards {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: var(--weave-space);
      }
      .cards a {
        display: block;
        padding: calc(var(--weave-space) * 2);
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
      }
      @media (max-width: 640px) {
        header {
          padding: var(--weave-space);
        }
        main {
          padding: var(--weave-space);
        }
      }
    `,
  ];
}

/** The query's values for fields of the entity a user may set, to start a new record with. */
function prefill(entity: MetaEntity, search: URLSearchParams): Record<string, unknown> | undefined {
  const values = Object.fromEntries([...search].filter(([name]) => entity.fields.some((f) => f.name === name && !f.readonly)));
  return Object.keys(values).length > 0 ? values : undefined;
}

/** The dashboards `_meta` offers the user. */
function dashboardsOf(session: WeaveSession): readonly MetaDashboard[] {
  return (session.meta as { dashboards?: readonly MetaDashboard[] } | undefined)?.dashboards ?? [];
}


if (!customElements.get("weave-app")) customElements.define("weave-app", WeaveApp);

declare global {
  interface HTMLElementTagNameMap {
    "weave-app": WeaveApp;
  }
}
