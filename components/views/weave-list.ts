/**
 * `<weave-list>`: an entity's records as a keyboard-navigable grid, with the columns, filters,
 * sort, search and page size of its list view in `_meta`.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { Task, TaskStatus } from "@lit/task";
import { type Filters, type ListPage, type MetaEntity, type WeaveRecord } from "../client/index.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { entityPlural } from "../core/labels.ts";
import { collectionOf, formatContext, type FormatContext, formatPath, formatValue, type Formatted, pathLabel, textOf } from "./format-value.ts";
import { renderValue } from "./render-value.ts";
import { columnWidths, gridColumns } from "./list-columns.ts";
import { rowStrings } from "./row-template.ts";
import { fixedFilters, includesFor, listParams, listSettings, type ListSettings, nextSort, sortKey } from "./list-query.ts";
import { filtersFromForm, type RefOption, renderFilters } from "./list-filters.ts";
import { GridFocusController } from "./grid-focus.ts";
import { LiveEventsController } from "./live-events.ts";
import type { Cell } from "./grid-keys.ts";
import { dispatchOpen, recordHref } from "./open.ts";
import { listStyles } from "./list-styles.ts";
import { viewStyles } from "./view-styles.ts";
import { problemText } from "./problem-text.ts";
import "./weave-actions.ts";

/** A column, resolved once per render so cells do no lookups. */
interface Column {
  readonly path: string;
  readonly label: string;
  readonly sortKey: string | undefined;
  readonly format: (record: WeaveRecord) => Formatted;
  readonly numeric: boolean;
}

/** Where the rows come from: the entity's collection, or a related list of a parent record. */
interface Source {
  readonly entity: MetaEntity;
  readonly path: string;
  readonly parent?: { readonly entity: MetaEntity; readonly id: string; readonly relation: string };
}

/** What every row of one render shares, worked out once rather than per row. */
interface RowContext {
  readonly entity: MetaEntity;
  readonly titleCol: number;
  readonly appBase: string | undefined;
  /** The row template for these columns (row-template.ts). */
  readonly strings: TemplateStringsArray;
  readonly selectLabel: (title: string) => string;
}

let lists = 0;

/** Stands for the title in a row checkbox's label, so the label is translated once per render. */
const TITLE = "\u0000title\u0000";

/** A translated message with {@link TITLE} in it, as a function of the title. */
function messageWith(text: string): (title: string) => string {
  const parts = text.split(TITLE);
  return (title) => parts.join(title);
}

/**
 * A list of records: an ARIA grid with sortable headers, filters, search, cursor paging, row
 * selection, a toolbar (New, collection actions) and live updates from the server's events.
 *
 * Attributes override the list view: `columns="number,total"`, `page-size="10"`,
 * `sort="-due"`, `filter='{"status":"sent"}'` or `filter-<path>="value"` (`filter-due="gte:2026-01-01"`).
 * With `parent`, `parent-id` and `relation` it lists a record's related records
 * (`/api/invoices/<id>/lines`). `.records` shows given records without asking the API.
 *
 * @fires weave-open - `{ entity, id, mode }` when a record is opened and there is no app shell
 * @fires weave-selection-change - `{ ids, records }` when the selection changes
 * @slot toolbar - extra controls at the end of the toolbar
 * @slot empty - shown instead of the built-in text when there are no records
 * @csspart toolbar - the bar above the grid
 * @csspart search - the search box
 * @csspart filters - the filter form; `filter` each control, `filter-input` its input
 * @csspart create - the New link or button
 * @csspart board - the link to the entity's kanban board (in the app, when the entity has one)
 * @csspart grid - the table; `row`, `header-row`, `cell`, `header` its pieces
 * @csspart sort - a column header's sort button
 * @csspart select - a row's checkbox; `select-all` the header's
 * @csspart open - the link that opens a row's record
 * @csspart pager - the paging controls; `count` the record count
 * @csspart status - loading, empty and error texts
 *
 * @example
 *   <weave-list entity="invoice" filter-status="sent" filter-customer="9f0e…" page-size="10"></weave-list>
 */
export class WeaveList extends LitElement {
  static override styles = [baseStyles, viewStyles, listStyles];

  static override properties = {
    entity: { type: String },
    api: { type: String },
    columns: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    sort: { type: String },
    filter: { type: String },
    parent: { type: String },
    parentId: { type: String, attribute: "parent-id" },
    relation: { type: String },
    records: { attribute: false },
    _filters: { state: true },
    _sort: { state: true },
    _q: { state: true },
    _cursors: { state: true },
    _refresh: { state: true },
    _refOptions: { state: true },
  };

  declare entity: string | undefined;
  declare api: string | undefined;
  declare columns: string | undefined;
  declare pageSize: number | undefined;
  declare sort: string | undefined;
  declare filter: string | undefined;
  declare parent: string | undefined;
  declare parentId: string | undefined;
  declare relation: string | undefined;
  /** Records to show as they are, without asking the API (paging, filters and sort are off). */
  declare records: readonly WeaveRecord[] | undefined;
  declare _filters: Filters;
  declare _sort: string | undefined;
  declare _q: string;
  declare _cursors: readonly (string | undefined)[];
  declare _refresh: number;
  declare _refOptions: ReadonlyMap<string, readonly RefOption[]>;

  readonly #s = new SessionController(this);
  readonly #id = `weave-list-${++lists}`;
  #selected = new Set<string>();
  readonly #focus = new GridFocusController(this, (event, at, cell) => this.#activate(event, at, cell));
  // Given records (`.records`) are not the server's: no events for them.
  readonly #live = new LiveEventsController(this, () => this.#s.session.client, () => (this.records ? undefined : this.#source()?.entity.name), () => this.refresh());
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #refOptionsFor: string | undefined;

  readonly #task = new Task(this, {
    task: async ([key, records], { signal }) => {
      if (records) return { data: records, page: { size: records.length } } as ListPage;
      const source = this.#source();
      if (!source || key === "") return undefined;
      const params = this.#params(source);
      const client = this.#s.session.client;
      return source.parent
        ? await client.related(source.parent.entity.path, source.parent.id, source.parent.relation, params)
        : await client.list(source.path, params, signal);
    },
    // The metadata object changes on sign-in, sign-out and tenant switches: load again then.
    args: () => [this.#requestKey(), this.records, this._refresh, this.#s.session.meta] as const,
  });

  constructor() {
    super();
    this.entity = undefined;
    this.api = undefined;
    this.columns = undefined;
    this.pageSize = undefined;
    this.sort = undefined;
    this.filter = undefined;
    this.parent = undefined;
    this.parentId = undefined;
    this.relation = undefined;
    this.records = undefined;
    this._filters = {};
    this._sort = undefined;
    this._q = "";
    this._cursors = [undefined];
    this._refresh = 0;
    this._refOptions = new Map();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Loads the current page again (the element does it by itself on the server's events). */
  refresh(): void {
    this._refresh++;
  }

  /** The ids of the selected records. */
  get selected(): readonly string[] {
    return [...this.#selected];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new question starts on the first page.
    if (["entity", "columns", "pageSize", "sort", "filter", "parent", "parentId", "relation"].some((p) => changed.has(p as keyof WeaveList))) this._cursors = [undefined];
  }

  protected override updated(): void {
    this.#loadRefOptions();
  }

  #source(): Source | undefined {
    const session = this.#s.session;
    if (!session.meta) return undefined;
    if (this.parent && this.parentId && this.relation) {
      const parent = session.entity(this.parent);
      const field = parent?.fields.find((f) => f.name === this.relation);
      const target = this.entity ? session.entity(this.entity) : field?.to?.length === 1 ? session.entity(field.to[0]) : undefined;
      if (!parent || !field || !target) return undefined;
      return { entity: target, path: target.path, parent: { entity: parent, id: this.parentId, relation: field.name } };
    }
    const entity = session.entity(this.entity);
    return entity ? { entity, path: entity.path } : undefined;
  }

  #settings(entity: MetaEntity): ListSettings {
    return listSettings(entity, { columns: this.columns, pageSize: this.pageSize, sort: this.sort });
  }

  #fixed(entity: MetaEntity): Filters {
    return fixedFilters(entity, this.filter, [...this.attributes].map((a) => [a.name, a.value] as const));
  }

  #params(source: Source) {
    const settings = this.#settings(source.entity);
    const choices = { filters: this._filters, sort: this._sort, q: this._q, after: this._cursors[this._cursors.length - 1] };
    return listParams(settings, this.#fixed(source.entity), choices, includesFor(source.entity, settings.columns));
  }

  /** Everything the request depends on, as one string (the task runs when it changes). */
  #requestKey(): string {
    const source = this.#source();
    if (!source) return "";
    return JSON.stringify([source.path, source.parent, this.#params(source)]);
  }

  #ctx(): FormatContext {
    return formatContext(this.#s.session);
  }

  override render(): TemplateResult {
    const session = this.#s.session;
    const { i18n } = session;
    if (!session.meta) return this.#renderStatus(session.error ? problemText(i18n, session.error) : i18n.t("ui.loading"), !!session.error);
    const source = this.#source();
    if (!source) return this.#renderStatus(session.me === null ? i18n.t("ui.signInRequired") : i18n.t("ui.noAccess"), true);
    const { entity } = source;
    const settings = this.#settings(entity);
    const ctx = this.#ctx();
    const columns = this.#columnsOf(ctx, entity, settings);
    const page = this.#task.value;
    const error = this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
    const loading = this.#task.status === TaskStatus.PENDING;
    return html`
      ${this.#renderToolbar(entity, settings, !!source.parent)}
      ${this.records ? nothing : renderFilters({ i18n, entity, paths: settings.filters.filter((p) => !(p in this.#fixed(entity))), entityByName: ctx.entity, refOptions: this._refOptions, current: this._filters, idPrefix: this.#id }, this.#onFilterChange)}
      ${error ? this.#renderStatus(problemText(i18n, error), true) : this.#renderGrid(entity, columns, page?.data ?? [], loading)}
      <p class="status" part="status" role="status" aria-live="polite">${loading ? i18n.t("ui.loading") : page && page.data.length === 0 ? nothing : ""}</p>
      ${page && page.data.length === 0 && !loading && !error ? html`<slot name="empty"><p part="status empty" class="muted">${i18n.t("ui.empty")}</p></slot>` : nothing}
      ${page && !error && !this.records ? this.#renderPager(page) : nothing}
    `;
  }

  #renderStatus(text: string, isError: boolean): TemplateResult {
    return html`<p part="status" class=${isError ? "alert" : "status"} role=${isError ? "alert" : "status"}>${text}</p>`;
  }

  #columnsOf(ctx: FormatContext, entity: MetaEntity, settings: ListSettings): Column[] {
    return settings.columns.map((path) => {
      const field = path.includes(".") ? undefined : entity.fields.find((f) => f.name === path);
      const format = field ? (r: WeaveRecord) => formatValue(ctx, entity, field, r[path], r) : (r: WeaveRecord) => formatPath(ctx, entity, path, r);
      const numeric = !!field && ["int", "decimal", "money"].includes(field.type);
      return { path, label: pathLabel(ctx, entity, path), sortKey: this.records ? undefined : sortKey(entity, path, ctx.entity), format, numeric };
    });
  }

  /** The child's field pointing at the parent of a related list, when the relation has one. */
  #parentLink(): { field: string; id: string } | undefined {
    const parent = this.parent ? this.#s.session.entity(this.parent) : undefined;
    const inverse = parent?.fields.find((f) => f.name === this.relation)?.inverse;
    return inverse && this.parentId ? { field: inverse, id: this.parentId } : undefined;
  }

  #renderToolbar(entity: MetaEntity, settings: ListSettings, related: boolean): TemplateResult {
    const { i18n, appBase } = this.#s.session;
    const searchId = `${this.#id}-search`;
    // In a related list, New starts a record already linked to the parent (`?invoice=<id>`).
    const link = related ? this.#parentLink() : undefined;
    const base = recordHref(appBase, entity, undefined, "new");
    const href = base && link ? `${base}?${new URLSearchParams({ [link.field]: link.id })}` : base;
    const create = entity.create && (!related || link)
      ? href
        ? html`<a class="button primary" part="create" href=${href}>${i18n.t("ui.create")}</a>`
        : html`<button class="primary" part="create" @click=${() => dispatchOpen(this, entity, undefined, "new")}>${i18n.t("ui.create")}</button>`
      : nothing;
    return html`<div class="toolbar" part="toolbar">
      ${settings.search && !this.records
        ? html`<label class="visually-hidden" for=${searchId}>${i18n.t("ui.search")}</label>
            <input id=${searchId} type="search" part="search" placeholder=${i18n.t("ui.search")} .value=${this._q} @input=${this.#onSearch} />`
        : nothing}
      <span class="grow"></span>
      ${this.#selected.size ? html`<span part="selected-count">${i18n.t("ui.selected", "", { count: this.#selected.size })}</span>` : nothing}
      ${related || this.records ? nothing : html`<weave-actions entity=${entity.name} api=${this.api ?? nothing} scope="collection" exportparts="action, actions, alert"></weave-actions>`}
      ${entity.views.kanban && appBase !== undefined && !related && !this.records
        ? html`<a class="button" part="board" href=${`${appBase}/${collectionOf(entity)}/board`}>${i18n.t("ui.board")}</a>`
        : nothing}
      ${create}
      <slot name="toolbar"></slot>
    </div>`;
  }

  #renderGrid(entity: MetaEntity, columns: readonly Column[], records: readonly WeaveRecord[], loading: boolean): TemplateResult {
    const { i18n, appBase } = this.#s.session;
    const titleCol = Math.max(0, columns.findIndex((c) => c.path === entity.title));
    const effectiveSort = this._sort ?? this.#settings(entity).sort[0] ?? entity.views.list.sort[0];
    const pageIds = records.map((r) => r.id).filter((id): id is string => id !== undefined);
    const selectedOnPage = pageIds.filter((id) => this.#selected.has(id)).length;
    // Formatted once here: the column widths are estimated from every cell before a row renders.
    const cells = records.map((r) => columns.map((c) => c.format(r)));
    const layout = gridColumns(columnWidths(columns.map((c) => ({ label: c.label, sorts: !!c.sortKey })), cells));
    const row: RowContext = { entity, titleCol, appBase, strings: rowStrings(columns.map((c) => c.numeric)), selectLabel: messageWith(i18n.t("ui.selectRow", "", { title: TITLE })) };
    return html`<div class="scroll" part="scroller">
      <table role="grid" part="grid" aria-label=${entityPlural(i18n, entity)} aria-rowcount=${records.length + 1} aria-busy=${loading ? "true" : "false"}
        style=${`--columns: ${layout.template}; min-width: ${layout.minWidth}`}
        @keydown=${this.#focus.onKey} @focusin=${this.#focus.onFocus} @click=${this.#onGridClick} @change=${this.#onSelectChange}>
        <thead role="rowgroup">
          <tr role="row" part="header-row" aria-rowindex="1">
            <th role="columnheader" part="header select-header" class="select">
              <input type="checkbox" part="select-all" tabindex="-1" data-select-all aria-label=${i18n.t("ui.selectAll")}
                .checked=${pageIds.length > 0 && selectedOnPage === pageIds.length} .indeterminate=${selectedOnPage > 0 && selectedOnPage < pageIds.length} />
            </th>
            ${columns.map((c) => this.#renderHeader(c, effectiveSort))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${repeat(records, (r, i) => r.id ?? i, (r, i) => this.#renderRow(row, r, cells[i]!, i))}
        </tbody>
      </table>
    </div>`;
  }

  #renderHeader(column: Column, effectiveSort: string | undefined): TemplateResult {
    const base = effectiveSort?.replace(/^-/, "");
    const matches = base !== undefined && (base === column.sortKey || base === column.path);
    const direction = matches ? (effectiveSort!.startsWith("-") ? "descending" : "ascending") : "none";
    const cls = column.numeric ? "numeric" : "";
    if (!column.sortKey) return html`<th role="columnheader" part="header" class=${cls} tabindex="-1">${column.label}</th>`;
    return html`<th role="columnheader" part="header" class=${cls} aria-sort=${direction}>
      <button part="sort" tabindex="-1" data-sort=${column.sortKey}>${column.label}<span aria-hidden="true" class="arrow">${direction === "ascending" ? "▲" : direction === "descending" ? "▼" : ""}</span></button>
    </th>`;
  }

  #renderRow(row: RowContext, record: WeaveRecord, cells: readonly Formatted[], index: number): TemplateResult {
    const id = record.id;
    const selected = id !== undefined && this.#selected.has(id);
    const contents = cells.map((value, i) =>
      i === row.titleCol && id !== undefined
        ? html`<a part="open" tabindex="-1" href=${recordHref(row.appBase, row.entity, id, "detail") ?? "#"}>${textOf(value)}</a>`
        : renderValue(value, -1),
    );
    const title = textOf(cells[row.titleCol] ?? { kind: "empty", text: "" });
    // One template for the whole row (see row-template.ts), so `html` is called with its strings.
    return html(row.strings, index + 2, selected ? "true" : "false", id ?? "", selected, row.selectLabel(title), ...contents);
  }

  #renderPager(page: ListPage): TemplateResult {
    const { i18n } = this.#s.session;
    const index = this._cursors.length;
    return html`<nav class="pager" part="pager" aria-label=${i18n.t("ui.pagination")}>
      <button part="previous" ?disabled=${index <= 1} @click=${() => (this._cursors = this._cursors.slice(0, -1))}>${i18n.t("ui.previous")}</button>
      <span part="page">${i18n.t("ui.page", "", { n: index })}</span>
      <button part="next" ?disabled=${!page.page.after} @click=${() => (this._cursors = [...this._cursors, page.page.after])}>${i18n.t("ui.next")}</button>
      ${page.count !== undefined ? html`<span part="count" class="muted">${i18n.t("ui.count", "", { count: i18n.number(page.count) })}</span>` : nothing}
    </nav>`;
  }

  // ---- events

  readonly #onFilterChange = (event: Event) => {
    const form = (event.currentTarget as HTMLFormElement) ?? undefined;
    if (!form) return;
    this._filters = filtersFromForm(form);
    this._cursors = [undefined];
  };

  readonly #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this._q = value;
      this._cursors = [undefined];
    }, 250);
  };

  readonly #onGridClick = (event: Event) => {
    const target = event.target as HTMLElement;
    const sort = target.closest<HTMLElement>("button[data-sort]");
    if (sort) {
      this._sort = nextSort(this._sort ?? this.#currentDefaultSort(), sort.dataset.sort!);
      this._cursors = [undefined];
      return;
    }
    const open = target.closest<HTMLAnchorElement>("a[part=open]");
    if (open && !this.#s.session.appBase) {
      event.preventDefault();
      const source = this.#source();
      const id = open.closest<HTMLElement>("tr")?.dataset.id;
      if (source && id) dispatchOpen(this, source.entity, id, "detail");
    }
  };

  #currentDefaultSort(): string | undefined {
    const source = this.#source();
    return source ? (this.#settings(source.entity).sort[0] ?? source.entity.views.list.sort[0]) : undefined;
  }

  readonly #onSelectChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    event.stopPropagation();
    if (input.dataset.selectAll !== undefined) this.#selectPage(input.checked);
    else if (input.dataset.select !== undefined) this.#toggle(input.closest<HTMLElement>("tr")?.dataset.id, input.checked);
  };

  #pageRecords(): readonly WeaveRecord[] {
    return this.#task.value?.data ?? [];
  }

  #selectPage(on: boolean): void {
    for (const r of this.#pageRecords()) if (r.id !== undefined) on ? this.#selected.add(r.id) : this.#selected.delete(r.id);
    this.#selectionChanged();
  }

  #toggle(id: string | undefined, on?: boolean): void {
    if (!id) return;
    const next = on ?? !this.#selected.has(id);
    next ? this.#selected.add(id) : this.#selected.delete(id);
    this.#selectionChanged();
  }

  #selectionChanged(): void {
    this.requestUpdate();
    const ids = [...this.#selected];
    const records = this.#pageRecords().filter((r) => r.id !== undefined && this.#selected.has(r.id));
    this.dispatchEvent(new CustomEvent("weave-selection-change", { detail: { ids, records }, bubbles: true, composed: true }));
  }

  // ---- the grid's keyboard (focus moves in grid-focus.ts)

  /** Enter opens the row's record, Space toggles its selection; on a header, both sort. */
  #activate(event: KeyboardEvent, at: Cell, cell: HTMLTableCellElement): void {
    if (at.row === 0) return; // the select-all checkbox and the sort buttons handle Enter and Space themselves
    const tr = cell.parentElement as HTMLTableRowElement;
    if (event.key === " ") {
      if (at.col === 0) return; // the checkbox toggles itself
      event.preventDefault();
      this.#toggle(tr.dataset.id);
      return;
    }
    if ((event.target as HTMLElement).closest("a")) return; // a focused link opens itself
    event.preventDefault();
    tr.querySelector<HTMLAnchorElement>("a[part=open]")?.click();
  }

  // ---- ref filter options

  #loadRefOptions(): void {
    const source = this.#source();
    if (!source || this.records) return;
    const settings = this.#settings(source.entity);
    const key = `${source.entity.name}:${settings.filters.join(",")}`;
    if (key === this.#refOptionsFor) return;
    this.#refOptionsFor = key;
    const session = this.#s.session;
    const refs = settings.filters.map((path) => ({ path, field: source.entity.fields.find((f) => f.name === path) })).filter((r) => (r.field?.type === "ref" || r.field?.type === "one") && r.field.to?.length === 1);
    void Promise.all(refs.map(async ({ path, field }) => {
      const target = session.entity(field!.to![0]);
      if (!target) return undefined;
      const page = await session.client.list(target.path, { size: 100, ...(target.title !== "id" ? { sort: [target.title] } : {}) }).catch(() => undefined);
      return page ? ([path, page.data.map((r) => ({ id: String(r.id), title: String(r[target.title] ?? r.id) }))] as const) : undefined;
    })).then((entries) => {
      this._refOptions = new Map(entries.filter((e) => e !== undefined));
    });
  }
}

if (!customElements.get("weave-list")) customElements.define("weave-list", WeaveList);

declare global {
  interface HTMLElementTagNameMap {
    "weave-list": WeaveList;
  }
}
