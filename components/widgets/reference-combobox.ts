/**
 * The ARIA 1.2 combobox both reference widgets share (an input with role=combobox, a listbox,
 * aria-activedescendant; arrow keys, Enter, Escape): it searches the target entity's list as the
 * user types and hands the picked record to the widget.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import type { MetaEntity, WeaveRecord } from "../client/index.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import { mergeCandidates, recordTitle, referenceQueries } from "./reference-query.ts";

/** Waits this long after the last keystroke before searching. */
const DEBOUNCE_MS = 150;

export abstract class ReferenceCombobox<V> extends FieldWidget<V> {
  static override properties = {
    ...FieldWidget.properties,
    to: { type: String },
    query: { state: true },
    open: { state: true },
    active: { state: true },
    candidates: { state: true },
    status: { state: true },
  };
  static override styles = [
    ...FieldWidget.styles,
    css`
      .combo {
        position: relative;
      }
      [role="listbox"] {
        position: absolute;
        z-index: 10;
        inset-inline: 0;
        margin: 2px 0 0;
        padding: 0;
        list-style: none;
        max-height: 16rem;
        overflow: auto;
        background: var(--weave-color-surface);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
      }
      [role="option"] {
        padding: calc(var(--weave-space) * 0.75);
        cursor: pointer;
      }
      [role="option"][aria-selected="true"] {
        background: var(--weave-color-primary);
        color: var(--weave-color-on-primary);
      }
      .empty {
        padding: calc(var(--weave-space) * 0.75);
        color: var(--weave-color-text-muted);
      }
    `,
  ];

  /** The target entity (name or collection), for use without a field. */
  declare to: string | undefined;
  /** What the user typed; undefined while the input shows the selection. */
  protected declare query: string | undefined;
  protected declare open: boolean;
  protected declare active: number;
  protected declare candidates: readonly WeaveRecord[];
  protected declare status: string;
  /** Titles of records already seen, by id, so a picked record is not fetched again. */
  protected readonly titles = new Map<string, string>();
  readonly #fetching = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.open = false;
    this.active = -1;
    this.candidates = [];
    this.status = "";
  }

  protected get target(): MetaEntity | undefined {
    return this.session.entity(this.to ?? this.field?.to?.[0]);
  }

  /** The text the input shows when the user is not typing. */
  protected abstract get selectionText(): string;

  /** Takes the record the user picked. */
  protected abstract pick(record: WeaveRecord): void;

  /** Candidates not to offer (already chosen). */
  protected excluded(_id: string): boolean {
    return false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  protected renderCombobox(describedBy: string | undefined): TemplateResult {
    const shown = this.candidates.filter((r) => !this.excluded(String(r.id)));
    const activeId = this.open && this.active >= 0 && this.active < shown.length ? `option-${this.active}` : undefined;
    return html`<div class="combo">
      <input
        part="input"
        id=${IDS.control}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${this.open ? "true" : "false"}
        aria-controls="listbox"
        aria-activedescendant=${ifDefined(activeId)}
        aria-invalid=${this.error ? "true" : "false"}
        aria-describedby=${ifDefined(describedBy)}
        aria-required=${this.isRequired ? "true" : "false"}
        name=${this.name}
        placeholder=${this.placeholderText ?? ""}
        .value=${live(this.query ?? this.selectionText)}
        ?readonly=${this.readonly || (this.field?.readonly ?? false)}
        ?disabled=${this.disabled || this.formDisabled}
        @input=${this.#onInput}
        @change=${this.stop}
        @keydown=${this.#onKeydown}
        @blur=${this.#onBlur}
      />
      <ul part="listbox" id="listbox" role="listbox" aria-labelledby=${IDS.label} ?hidden=${!this.open}>
        ${shown.map(
          (record, i) =>
            html`<li part="option" id="option-${i}" role="option" aria-selected=${i === this.active ? "true" : "false"} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose(record)}>
              ${recordTitle(this.target ?? { title: "id" }, record)}
            </li>`,
        )}
      </ul>
      ${this.open && shown.length === 0 ? html`<div class="empty">${this.t("ui.noMatches")}</div>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </div>`;
  }

  #onInput = (event: Event) => {
    this.stop(event);
    this.query = (event.target as HTMLInputElement).value;
    this.onQuery(this.query);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.search(this.query ?? ""), DEBOUNCE_MS);
  };

  /** The user changed the text (a single reference clears its value when the text is emptied). */
  protected onQuery(_text: string): void {}

  /** Loads the candidates for `text` and opens the list. */
  protected async search(text: string): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = this.t("ui.loading");
    try {
      const pages = await Promise.all(referenceQueries(target, text).map((params) => this.session.client.list(target.path, params, abort.signal)));
      if (abort.signal.aborted) return;
      const candidates = mergeCandidates(pages.map((p) => p.data));
      for (const record of candidates) if (record.id !== undefined) this.titles.set(String(record.id), recordTitle(target, record));
      this.candidates = candidates;
      this.open = true;
      this.active = -1;
      const count = candidates.filter((r) => !this.excluded(String(r.id))).length;
      this.status = count === 0 ? this.t("ui.noMatches") : this.t("ui.matches", { count });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = error instanceof Error ? error.message : String(error);
    }
  }

  #visible(): readonly WeaveRecord[] {
    return this.candidates.filter((r) => !this.excluded(String(r.id)));
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (this.locked) return;
    const count = this.#visible().length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.open) {
          void this.search(this.query ?? "").then(() => (this.active = this.#visible().length > 0 ? 0 : -1));
        } else if (count > 0) this.active = (this.active + 1) % count;
        return;
      case "ArrowUp":
        event.preventDefault();
        if (this.open && count > 0) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case "Enter": {
        const record = this.open ? this.#visible()[this.active] : undefined;
        if (record) {
          event.preventDefault();
          this.#choose(record);
        } else if (!this.open) this.submitOnEnter(event);
        else event.preventDefault();
        return;
      }
      case "Escape":
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.#close();
        } else if (this.query !== undefined) {
          event.preventDefault();
          this.query = undefined;
        }
        return;
      case "Tab":
        this.#close();
        return;
    }
  };

  #onBlur = () => {
    this.#close();
    this.query = undefined; // typed but not picked: show the selection again
  };

  #close(): void {
    clearTimeout(this.#timer);
    this.open = false;
    this.active = -1;
  }

  #choose(record: WeaveRecord): void {
    if (record.id === undefined) return;
    this.titles.set(String(record.id), recordTitle(this.target ?? { title: "id" }, record));
    this.query = undefined;
    this.#close();
    this.pick(record);
    this.emit("change");
  }

  /** Fetches the titles of ids not seen yet (a value given as ids only). */
  protected async fetchTitles(ids: readonly string[]): Promise<void> {
    const target = this.target;
    const missing = ids.filter((id) => !this.titles.has(id) && !this.#fetching.has(id));
    if (!target || missing.length === 0) return;
    for (const id of missing) this.#fetching.add(id);
    await Promise.all(
      missing.map(async (id) => {
        try {
          this.titles.set(id, recordTitle(target, await this.session.client.get(target.path, id)));
        } catch {
          this.titles.set(id, id); // unreadable or gone: the id is all there is to show
        } finally {
          this.#fetching.delete(id);
        }
      }),
    );
    this.requestUpdate();
  }
}
