/**
 * `<weave-detail>`: one record as its detail view in `_meta` lays it out: sections of labelled
 * values, then tabs for related lists, extra fields and the history from the audit log.
 */
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { Task, TaskStatus } from "@lit/task";
import type { MetaEntity, MetaSection, WeaveRecord } from "../client/index.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { entityLabel, entityPlural, sectionLabel, tabLabel } from "../core/labels.ts";
import { collectionOf, formatContext, type FormatContext, formatPath, pathLabel } from "./format-value.ts";
import { renderValue } from "./render-value.ts";
import { includesFor } from "./list-query.ts";
import { dispatchOpen, recordHref } from "./open.ts";
import { problemText } from "./problem-text.ts";
import { viewStyles } from "./view-styles.ts";
import { renderHistory, type AuditEntry } from "./history.ts";
import "./weave-actions.ts";
import "./weave-list.ts";

type Tab = MetaEntity["views"]["detail"]["tabs"][number];

let details = 0;

/**
 * A record's detail page: its title, Edit and Delete (only when `_can` allows), its transition and
 * action buttons, its sections, and tabs (ARIA tabs pattern) for related lists and history.
 *
 * @fires weave-open - `{ entity, id, mode: "edit" }` from Edit when there is no app shell
 * @fires weave-deleted - `{ entity, id }` after the record was deleted
 * @slot header - extra content beside the title
 * @csspart header - title and buttons; `title` the heading
 * @csspart edit - the Edit link or button; `delete` the Delete button
 * @csspart section - each section; `section-title`, `fields` (the dl), `field`, `label`, `value`
 * @csspart tabs - the tab list; `tab` each tab; `panel` the tab panel
 * @csspart history - the history timeline; `entry` each entry
 * @csspart confirm - the delete confirmation dialog
 *
 * @example <weave-detail entity="invoice" record-id="0b7c…"></weave-detail>
 */
export class WeaveDetail extends LitElement {
  static override styles = [
    baseStyles,
    viewStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: var(--weave-space);
        align-items: center;
      }
      header h2 {
        margin: 0;
        flex: 1;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8rem, max-content) 1fr;
        gap: calc(var(--weave-space) * 0.5) calc(var(--weave-space) * 2);
        margin: 0;
      }
      dl > div {
        display: contents;
      }
      dt {
        color: var(--weave-color-text-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      section {
        margin-block: calc(var(--weave-space) * 2);
      }
      [role="tablist"] {
        display: flex;
        gap: calc(var(--weave-space) * 0.5);
        border-bottom: 1px solid var(--weave-color-border);
        margin-block-start: calc(var(--weave-space) * 2);
      }
      [role="tab"] {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: none;
      }
      [role="tab"][aria-selected="true"] {
        border-bottom-color: var(--weave-color-primary);
        font-weight: 600;
      }
      [role="tabpanel"] {
        padding-block: var(--weave-space);
      }
      ol.history {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ol.history li {
        border-inline-start: 2px solid var(--weave-color-border);
        padding: 0 0 var(--weave-space) calc(var(--weave-space) * 1.5);
      }
    `,
  ];

  static override properties = {
    entity: { type: String },
    recordId: { type: String, attribute: "record-id" },
    api: { type: String },
    _tab: { state: true },
    _alert: { state: true },
    _deleted: { state: true },
  };

  declare entity: string | undefined;
  declare recordId: string | undefined;
  declare api: string | undefined;
  declare _tab: number;
  declare _alert: string;
  declare _deleted: boolean;

  readonly #s = new SessionController(this);
  readonly #id = `weave-detail-${++details}`;
  /** The record after a transition or action, until the next load. */
  #current: WeaveRecord | undefined;

  readonly #task = new Task(this, {
    task: async ([path, id, include]) => {
      if (!path || !id) return undefined;
      this.#current = undefined;
      return this.#s.session.client.get(path, id, include ? { include: include.split(",") } : {});
    },
    args: () => {
      const entity = this.#entity();
      return [entity?.path, this.recordId, entity ? includesFor(entity, detailPaths(entity)).join(",") : "", this.#s.session.meta] as const;
    },
  });

  readonly #history = new Task(this, {
    task: async ([name, id, open]) => {
      if (!name || !id || !open) return undefined;
      const { data } = await this.#s.session.client.audit({ entity: name, recordId: id, size: 50 });
      return data as unknown as readonly AuditEntry[];
    },
    args: () => [this.#entity()?.name, this.recordId, this.#activeTab()?.audit === true, this.#s.session.meta] as const,
  });

  constructor() {
    super();
    this.entity = undefined;
    this.recordId = undefined;
    this.api = undefined;
    this._tab = 0;
    this._alert = "";
    this._deleted = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  #entity(): MetaEntity | undefined {
    return this.#s.session.entity(this.entity);
  }

  #activeTab(): Tab | undefined {
    const tabs = this.#entity()?.views.detail.tabs ?? [];
    return tabs[Math.min(this._tab, tabs.length - 1)];
  }

  #ctx(): FormatContext {
    return formatContext(this.#s.session);
  }

  override render(): TemplateResult {
    const session = this.#s.session;
    const { i18n } = session;
    if (!session.meta) return this.#status(session.error ? problemText(i18n, session.error) : i18n.t("ui.loading"), !!session.error);
    const entity = this.#entity();
    if (!entity) return this.#status(session.me === null ? i18n.t("ui.signInRequired") : i18n.t("ui.noAccess"), true);
    if (this._deleted) return this.#renderDeleted(entity);
    if (this.#task.status === TaskStatus.ERROR) return this.#status(problemText(i18n, this.#task.error), true);
    const record = this.#current ?? this.#task.value;
    if (!record) return this.#status(i18n.t("ui.loading"), false);
    return html`
      ${this.#renderHeader(entity, record)}
      ${entity.views.detail.sections.map((s, i) => this.#renderSection(entity, record, s, i))}
      ${this.#renderTabs(entity, record)}
      ${this.#renderConfirm(entity, record)}
    `;
  }

  #status(text: string, isError: boolean): TemplateResult {
    return html`<p part="status" class=${isError ? "alert" : "status"} role=${isError ? "alert" : "status"}>${text}</p>`;
  }

  #renderHeader(entity: MetaEntity, record: WeaveRecord): TemplateResult {
    const { i18n, appBase } = this.#s.session;
    const title = record[entity.title];
    const editHref = recordHref(appBase, entity, record.id, "edit");
    const edit = record._can?.update
      ? editHref
        ? html`<a class="button" part="edit" href=${editHref}>${i18n.t("ui.edit")}</a>`
        : html`<button part="edit" @click=${() => dispatchOpen(this, entity, record.id, "edit")}>${i18n.t("ui.edit")}</button>`
      : nothing;
    return html`<header part="header">
        <h2 part="title">${title === undefined || title === null || title === "" ? entityLabel(i18n, entity) : String(title)}</h2>
        <slot name="header"></slot>
        ${edit}
        ${record._can?.delete ? html`<button class="danger" part="delete" @click=${this.#askDelete}>${i18n.t("ui.delete")}</button>` : nothing}
      </header>
      <weave-actions entity=${entity.name} api=${this.api ?? nothing} .record=${record} exportparts="actions, action, alert" @weave-changed=${this.#onChanged}></weave-actions>
      <div class="alert" part="alert" role="alert">${this._alert}</div>`;
  }

  #renderSection(entity: MetaEntity, record: WeaveRecord, section: MetaSection, index: number): TemplateResult {
    const headingId = `${this.#id}-section-${index}`;
    return html`<section part="section" aria-labelledby=${section.label ? headingId : nothing}>
      ${section.label ? html`<h3 id=${headingId} part="section-title">${sectionLabel(this.#s.session.i18n, entity, section.label)}</h3>` : nothing}
      ${this.#renderFields(entity, record, section.fields)}
    </section>`;
  }

  #renderFields(entity: MetaEntity, record: WeaveRecord, paths: readonly string[]): TemplateResult {
    const ctx = this.#ctx();
    return html`<dl part="fields">
      ${paths.map((path) => html`<div part="field" data-field=${path}><dt part="label">${pathLabel(ctx, entity, path)}</dt><dd part="value">${renderValue(formatPath(ctx, entity, path, record))}</dd></div>`)}
    </dl>`;
  }

  // ---- tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/, automatic activation)

  #renderTabs(entity: MetaEntity, record: WeaveRecord): TemplateResult | typeof nothing {
    const tabs = entity.views.detail.tabs;
    if (tabs.length === 0) return nothing;
    const { i18n } = this.#s.session;
    const active = Math.min(this._tab, tabs.length - 1);
    const tabId = (i: number) => `${this.#id}-tab-${i}`;
    const panelId = `${this.#id}-panel`;
    return html`<div role="tablist" part="tabs" aria-label=${entityLabel(i18n, entity)} @keydown=${this.#onTabKey}>
        ${tabs.map((tab, i) => html`<button role="tab" part="tab" id=${tabId(i)} aria-selected=${i === active ? "true" : "false"} aria-controls=${panelId}
          tabindex=${i === active ? 0 : -1} @click=${() => (this._tab = i)}>${this.#tabLabel(tab)}</button>`)}
      </div>
      <div role="tabpanel" part="panel" id=${panelId} aria-labelledby=${tabId(active)} tabindex="0">${this.#renderPanel(entity, record, tabs[active]!)}</div>`;
  }

  #tabLabel(tab: Tab): string {
    const { i18n } = this.#s.session;
    return tab.audit ? i18n.t("ui.history", tab.label) : tabLabel(i18n, this.#entity()!, tab);
  }

  readonly #onTabKey = (event: KeyboardEvent) => {
    const count = this.#entity()?.views.detail.tabs.length ?? 0;
    const moves: Record<string, number> = { ArrowRight: this._tab + 1, ArrowLeft: this._tab - 1 + count, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    this._tab = next % count;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  };

  #renderPanel(entity: MetaEntity, record: WeaveRecord, tab: Tab): TemplateResult | typeof nothing {
    if (tab.relation) {
      return html`<weave-list parent=${entity.name} parent-id=${String(record.id)} relation=${tab.relation} api=${this.api ?? nothing} exportparts="grid, row, cell, header"></weave-list>`;
    }
    if (tab.audit) return renderHistory(this.#s.session.i18n, this.#history);
    if (tab.fields?.length) return this.#renderFields(entity, record, tab.fields);
    return nothing;
  }

  // ---- changes and deletion

  readonly #onChanged = (event: CustomEvent<{ record: WeaveRecord }>) => {
    const previous = this.#current ?? this.#task.value;
    // A transition's answer has no `_included`: keep the related records the page already has.
    this.#current = { ...event.detail.record, ...(previous?._included ? { _included: previous._included } : {}) };
    this.requestUpdate();
    if (this.#activeTab()?.audit) void this.#history.run();
  };

  readonly #askDelete = () => {
    this.renderRoot.querySelector<HTMLDialogElement>("dialog.confirm")?.showModal();
  };

  #renderConfirm(entity: MetaEntity, record: WeaveRecord): TemplateResult | typeof nothing {
    if (!record._can?.delete) return nothing;
    const { i18n } = this.#s.session;
    const textId = `${this.#id}-confirm`;
    return html`<dialog class="confirm" part="confirm" role="alertdialog" aria-labelledby=${textId}>
      <p id=${textId}>${i18n.t("ui.deleteConfirm")}</p>
      <div class="buttons">
        <button autofocus @click=${() => this.renderRoot.querySelector<HTMLDialogElement>("dialog.confirm")?.close()}>${i18n.t("ui.cancel")}</button>
        <button class="danger" @click=${() => this.#delete(entity, record)}>${i18n.t("ui.delete")}</button>
      </div>
    </dialog>`;
  }

  async #delete(entity: MetaEntity, record: WeaveRecord): Promise<void> {
    this.renderRoot.querySelector<HTMLDialogElement>("dialog.confirm")?.close();
    this._alert = "";
    try {
      await this.#s.session.client.remove(entity.path, String(record.id), record.version !== undefined ? { version: record.version } : {});
    } catch (error) {
      this._alert = problemText(this.#s.session.i18n, error);
      return;
    }
    this._deleted = true;
    this.dispatchEvent(new CustomEvent("weave-deleted", { detail: { entity: entity.name, id: record.id }, bubbles: true, composed: true }));
  }

  #renderDeleted(entity: MetaEntity): TemplateResult {
    const { i18n, appBase } = this.#s.session;
    return html`<p part="status" role="status">${i18n.t("ui.deleted")}
      ${appBase !== undefined ? html`<a href=${`${appBase}/${collectionOf(entity)}`}>${entityPlural(i18n, entity)}</a>` : nothing}</p>`;
  }
}

/** Every path the detail shows outside related tabs, for `include`. */
function detailPaths(entity: MetaEntity): string[] {
  const { sections, tabs } = entity.views.detail;
  return [...sections.flatMap((s) => s.fields), ...tabs.flatMap((t) => t.fields ?? [])];
}

if (!customElements.get("weave-detail")) customElements.define("weave-detail", WeaveDetail);

declare global {
  interface HTMLElementTagNameMap {
    "weave-detail": WeaveDetail;
  }
}
