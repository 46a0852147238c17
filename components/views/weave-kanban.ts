/**
 * `<weave-kanban>`: an entity's records as cards in one column per state of its kanban view's
 * state field. Moving a card (drag and drop, or the card's "Move to…" menu) runs the transition
 * between the two states; the server's `_can` decides whether it may, and its guard whether it can.
 */
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { Task, TaskStatus } from "@lit/task";
import type { MetaEntity, WeaveRecord } from "../client/index.ts";
import { LiveEventsController } from "./live-events.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { entityPlural, valueLabel } from "../core/labels.ts";
import { formatContext, type FormatContext, formatPath, pathLabel, textOf } from "./format-value.ts";
import { renderValue } from "./render-value.ts";
import { fixedFilters, includesFor } from "./list-query.ts";
import { moveFor } from "./kanban-moves.ts";
import { recordHref, dispatchOpen } from "./open.ts";
import { problemText } from "./problem-text.ts";
import { viewStyles } from "./view-styles.ts";

const BOARD_SIZE = 100;
const DRAG_TYPE = "application/x-weave-record";

/**
 * A board of records by state.
 *
 * @fires weave-changed - `{ record, transition }` after a card moved
 * @fires weave-open - `{ entity, id, mode: "detail" }` when a card is opened and there is no app shell
 * @csspart board - the columns; `column` each, `column-title` its heading, `cards` its list
 * @csspart card - a card; `card-title`, `card-fields`, `move` (the Move to… button), `menu`, `menu-item`
 * @csspart alert - a refused move's message; `status` the other messages
 *
 * @example <weave-kanban entity="invoice" filter-customer="9f0e…"></weave-kanban>
 */
export class WeaveKanban extends LitElement {
  static override styles = [
    baseStyles,
    viewStyles,
    css`
      .board {
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: minmax(14rem, 1fr);
        gap: var(--weave-space);
        overflow-x: auto;
      }
      .column {
        background: var(--weave-color-background);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: var(--weave-space);
        min-height: 8rem;
      }
      .column.over {
        outline: var(--weave-focus);
      }
      .column h3 {
        margin: 0 0 var(--weave-space);
        font-size: 1rem;
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--weave-space);
      }
      .card {
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: var(--weave-space);
        cursor: grab;
        position: relative;
      }
      .card dl {
        margin: calc(var(--weave-space) * 0.5) 0;
        font-size: 0.875em;
      }
      .card dt {
        display: inline;
        color: var(--weave-color-text-muted);
      }
      .card dt::after {
        content: ": ";
      }
      .card dd {
        display: inline;
        margin: 0;
      }
      .card dd::after {
        content: "";
        display: block;
      }
      [role="menu"] {
        position: absolute;
        z-index: 1;
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: calc(var(--weave-space) * 0.5);
        display: grid;
        gap: calc(var(--weave-space) * 0.25);
      }
    `,
  ];

  static override properties = {
    entity: { type: String },
    api: { type: String },
    filter: { type: String },
    _message: { state: true },
    _refused: { state: true },
    _menu: { state: true },
    _over: { state: true },
    _refresh: { state: true },
  };

  declare entity: string | undefined;
  declare api: string | undefined;
  /** Fixed filters, as on `<weave-list>` (JSON, or `filter-<path>` attributes). */
  declare filter: string | undefined;
  declare _message: string;
  declare _refused: boolean;
  /** The id of the card whose Move to… menu is open. */
  declare _menu: string | undefined;
  declare _over: string | undefined;
  declare _refresh: number;

  readonly #s = new SessionController(this);
  /** Records as they are after a move, until the next load. */
  readonly #moved = new Map<string, WeaveRecord>();
  readonly #live = new LiveEventsController(this, () => this.#s.session.client, () => this.#entity()?.name, () => this._refresh++);

  readonly #task = new Task(this, {
    task: async ([path]) => {
      if (!path) return undefined;
      const entity = this.#entity()!;
      const board = entity.views.kanban!;
      const filter = fixedFilters(entity, this.filter, [...this.attributes].map((a) => [a.name, a.value] as const));
      const include = includesFor(entity, [board.title ?? entity.title, ...(board.fields ?? [])]);
      const page = await this.#s.session.client.list(path, { size: BOARD_SIZE, ...(Object.keys(filter).length ? { filter } : {}), ...(include.length ? { include } : {}) });
      this.#moved.clear();
      return page.data;
    },
    // The filters and the refresh count are part of the arguments so that changing either reloads.
    args: () => [this.#entity()?.views.kanban ? this.#entity()!.path : undefined, this.filter, this._refresh, this.#s.session.meta] as const,
  });

  constructor() {
    super();
    this.entity = undefined;
    this.api = undefined;
    this.filter = undefined;
    this._message = "";
    this._refused = false;
    this._menu = undefined;
    this._over = undefined;
    this._refresh = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  #entity(): MetaEntity | undefined {
    return this.#s.session.entity(this.entity);
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
    const board = entity.views.kanban;
    const machine = board ? entity.states.find((m) => m.field === board.by) : undefined;
    if (!board || !machine) return this.#status(i18n.t("ui.notFound"), true);
    if (this.#task.status === TaskStatus.ERROR) return this.#status(problemText(i18n, this.#task.error), true);
    const records = (this.#task.value ?? []).map((r) => (r.id !== undefined && this.#moved.get(r.id)) || r);
    const field = entity.fields.find((f) => f.name === board.by)!;
    return html`
      <div class="alert" part="alert" role="alert">${this._refused ? this._message : ""}</div>
      <p class="visually-hidden" part="status" role="status">${this._refused ? "" : this._message}</p>
      <div class="board" part="board" aria-label=${entityPlural(i18n, entity)} aria-busy=${this.#task.status === TaskStatus.PENDING ? "true" : "false"}>
        ${machine.states.map((state) => {
          const cards = records.filter((r) => r[board.by] === state.name);
          const headingId = `column-${state.name}`;
          return html`<section class="column ${this._over === state.name ? "over" : ""}" part="column" data-state=${state.name} aria-labelledby=${headingId}
            @dragover=${(e: DragEvent) => this.#onDragOver(e, state.name)} @dragleave=${() => (this._over = undefined)} @drop=${(e: DragEvent) => this.#onDrop(e, entity, state.name)}>
            <h3 id=${headingId} part="column-title">${valueLabel(i18n, entity, field, state.name)} <span class="muted">(${cards.length})</span></h3>
            <ul class="cards" part="cards">${repeat(cards, (r) => r.id, (r) => this.#renderCard(entity, r))}</ul>
          </section>`;
        })}
      </div>`;
  }

  #status(text: string, isError: boolean): TemplateResult {
    return html`<p part="status" class=${isError ? "alert" : "status"} role=${isError ? "alert" : "status"}>${text}</p>`;
  }

  #renderCard(entity: MetaEntity, record: WeaveRecord): TemplateResult {
    const board = entity.views.kanban!;
    const ctx = this.#ctx();
    const { i18n, appBase } = this.#s.session;
    const id = String(record.id);
    const title = textOf(formatPath(ctx, entity, board.title ?? entity.title, record));
    const href = recordHref(appBase, entity, id, "detail");
    const targets = this.#targets(entity, record);
    return html`<li class="card" part="card" draggable="true" data-id=${id} @dragstart=${(e: DragEvent) => this.#onDragStart(e, id)}>
      <strong part="card-title">${href ? html`<a href=${href}>${title}</a>` : html`<a href="#" @click=${(e: Event) => (e.preventDefault(), dispatchOpen(this, entity, id, "detail"))}>${title}</a>`}</strong>
      ${board.fields?.length
        ? html`<dl part="card-fields">${board.fields.map((path) => html`<dt>${pathLabel(ctx, entity, path)}</dt><dd>${renderValue(formatPath(ctx, entity, path, record))}</dd>`)}</dl>`
        : nothing}
      ${targets.length ? this.#renderMenu(entity, record, id, title, targets) : nothing}
    </li>`;
  }

  /** The states this card may move to now: a transition exists and `_can` allows it. */
  #targets(entity: MetaEntity, record: WeaveRecord): string[] {
    const machine = entity.states.find((m) => m.field === entity.views.kanban!.by);
    return (machine?.states ?? []).map((s) => s.name).filter((state) => moveFor(entity, entity.views.kanban!.by, record, state).ok);
  }

  #renderMenu(entity: MetaEntity, record: WeaveRecord, id: string, title: string, targets: readonly string[]): TemplateResult {
    const { i18n } = this.#s.session;
    const field = entity.fields.find((f) => f.name === entity.views.kanban!.by)!;
    const open = this._menu === id;
    const menuId = `menu-${id}`;
    return html`<button part="move" aria-haspopup="menu" aria-expanded=${open ? "true" : "false"} aria-controls=${menuId} aria-label=${`${i18n.t("ui.moveTo")} (${title})`}
        @click=${() => this.#toggleMenu(id)}>${i18n.t("ui.moveTo")}</button>
      ${open
        ? html`<div role="menu" id=${menuId} part="menu" @keydown=${(e: KeyboardEvent) => this.#onMenuKey(e, id)}>
            ${targets.map((state) => html`<button role="menuitem" part="menu-item" tabindex="-1" @click=${() => this.#move(entity, record, state)}>${valueLabel(i18n, entity, field, state)}</button>`)}
          </div>`
        : nothing}`;
  }

  #toggleMenu(id: string): void {
    this._menu = this._menu === id ? undefined : id;
    if (this._menu) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="menu"] [role="menuitem"]')?.focus());
  }

  #onMenuKey(event: KeyboardEvent, id: string): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menu"] [role="menuitem"]')];
    const at = items.indexOf(event.target as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1 + items.length, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === "Escape" || event.key === "Tab") {
      this._menu = undefined;
      if (event.key === "Escape") void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [part="move"]`)?.focus());
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    items[next % items.length]?.focus();
  }

  // ---- drag and drop

  #onDragStart(event: DragEvent, id: string): void {
    event.dataTransfer?.setData(DRAG_TYPE, id);
    event.dataTransfer?.setData("text/plain", id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
  }

  #onDragOver(event: DragEvent, state: string): void {
    event.preventDefault(); // allows the drop
    if (event.dataTransfer) event.dataTransfer.dropEffect = "move";
    this._over = state;
  }

  #onDrop(event: DragEvent, entity: MetaEntity, state: string): void {
    event.preventDefault();
    this._over = undefined;
    const id = event.dataTransfer?.getData(DRAG_TYPE) || event.dataTransfer?.getData("text/plain");
    const record = (this.#task.value ?? []).map((r) => (r.id !== undefined && this.#moved.get(r.id)) || r).find((r) => String(r.id) === id);
    if (record) void this.#move(entity, record, state);
  }

  /** Runs the transition to `state`, or says why the card stays where it is. */
  async #move(entity: MetaEntity, record: WeaveRecord, state: string): Promise<void> {
    const { i18n, client } = this.#s.session;
    const by = entity.views.kanban!.by;
    const field = entity.fields.find((f) => f.name === by)!;
    this._menu = undefined;
    const move = moveFor(entity, by, record, state);
    if (!move.ok) {
      if (move.reason !== "same") this.#say(i18n.t("ui.moveFailed"), true);
      return;
    }
    try {
      const next = await client.transition(entity.path, String(record.id), move.transition.name, record.version !== undefined ? { version: record.version } : {});
      this.#moved.set(String(record.id), { ...next, ...(record._included ? { _included: record._included } : {}) });
      this.#say(i18n.t("ui.moved", "", { state: valueLabel(i18n, entity, field, state) }), false);
      this.dispatchEvent(new CustomEvent("weave-changed", { detail: { record: next, transition: move.transition.name }, bubbles: true, composed: true }));
    } catch (error) {
      this.#say(`${i18n.t("ui.moveFailed")} ${problemText(i18n, error)}`, true);
    }
  }

  #say(message: string, refused: boolean): void {
    this._refused = refused;
    this._message = message;
    this.requestUpdate();
  }
}

if (!customElements.get("weave-kanban")) customElements.define("weave-kanban", WeaveKanban);

declare global {
  interface HTMLElementTagNameMap {
    "weave-kanban": WeaveKanban;
  }
}
