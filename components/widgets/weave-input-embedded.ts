/**
 * `<weave-input-embedded>`: an embedded object (`embedded` fields), edited with a widget per nested
 * field (the same widgets, recursively), or with `array: true` a list of them with add and remove.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { html as staticHtml, unsafeStatic } from "lit/static-html.js";
import type { MetaField } from "../client/index.ts";
import { widgetTag } from "../core/registry.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import type { Invalid } from "./validity.ts";

type Item = Readonly<Record<string, unknown>>;

/** The object without empty members; null when nothing is left. */
function compact(item: Item): Item | null {
  const kept = Object.entries(item).filter(([, v]) => v !== null && v !== undefined && v !== "");
  return kept.length === 0 ? null : Object.fromEntries(kept);
}

/**
 * An embedded-object editor, usable in any `<form>` (it submits the object as JSON).
 *
 * @fires input - when a nested value changes (bubbles, composed)
 * @fires change - when a nested value is committed, or a row is added or removed
 * @csspart field - the wrapper (a fieldset)
 * @csspart label - the legend
 * @csspart row - one object of an array
 * @csspart add - the add-row button
 * @csspart remove - a row's remove button
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-embedded name="address" .field=${addressField} .entity=${customer}></weave-input-embedded>
 */
export class WeaveInputEmbedded extends FieldWidget<Item | readonly Item[]> {
  static override properties = {
    ...FieldWidget.properties,
    value: { attribute: "value", converter: { fromAttribute: (v: string | null) => (v ? (JSON.parse(v) as unknown) : null) } },
  };
  static override styles = [
    ...FieldWidget.styles,
    css`
      fieldset {
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        padding: var(--weave-space) calc(var(--weave-space) * 1.5);
        margin: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 calc(var(--weave-space) * 0.5);
      }
      .row-actions {
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  protected get isArray(): boolean {
    return this.field?.array ?? Array.isArray(this.value);
  }

  protected get rows(): readonly Item[] {
    return Array.isArray(this.value) ? (this.value as readonly Item[]) : [];
  }

  protected get object(): Item {
    return this.value && !Array.isArray(this.value) ? (this.value as Item) : {};
  }

  protected get nestedFields(): readonly MetaField[] {
    return this.field?.fields ?? [];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The nested widgets settle after this one: read their validity once they have.
    void Promise.all(this.#nested().map((w) => w.updateComplete)).then(() => this.syncForm());
  }

  #nested(): FieldWidget[] {
    return [...this.renderRoot.querySelectorAll<FieldWidget>("[data-nested]")];
  }

  protected override problem(): Invalid | undefined {
    if (this.isRequired && (this.isArray ? this.rows.length === 0 : compact(this.object) === null)) return { flag: "valueMissing", key: "ui.valueMissing" };
    const bad = this.#nested().find((w) => w.validity && !w.validity.valid);
    return bad ? { flag: "customError", key: `${bad.labelFor()}: ${bad.validationMessage}` } : undefined;
  }

  protected override anchor(): HTMLElement | undefined {
    return this.#nested().find((w) => w.validity && !w.validity.valid) ?? this.#nested()[0] ?? this.renderRoot.querySelector<HTMLElement>("button") ?? undefined;
  }

  override render(): TemplateResult {
    const help = this.helpText;
    return html`<fieldset part="field" id=${IDS.control} aria-describedby=${[help ? IDS.help : "", this.error ? IDS.error : ""].filter(Boolean).join(" ")} ?disabled=${this.disabled || this.formDisabled}>
      <legend part="label" id=${IDS.label}>${this.labelText}</legend>
      ${help ? html`<div part="help" id=${IDS.help} class="help">${help}</div>` : nothing} ${this.renderControl()}
      <div part="error" id=${IDS.error} class="error">${this.error ?? ""}</div>
    </fieldset>`;
  }

  protected override renderControl(): TemplateResult {
    if (!this.isArray) return html`<div @input=${this.#onNested} @change=${this.#onNested}>${this.#fields(this.object, -1)}</div>`;
    return html`${this.rows.map(
        (row, i) => html`<fieldset part="row" @input=${this.#onNested} @change=${this.#onNested}>
          <legend>${this.t("ui.row", { n: i + 1 })}</legend>
          ${this.#fields(row, i)}
          <div class="row-actions">
            <button type="button" part="remove" ?disabled=${this.locked} @click=${() => this.#removeRow(i)}>${this.t("ui.removeItem", { label: this.t("ui.row", { n: i + 1 }) })}</button>
          </div>
        </fieldset>`,
      )}
      <button type="button" part="add" ?disabled=${this.locked} @click=${this.#addRow}>${this.t("ui.add")}: ${this.labelText}</button>`;
  }

  #fields(item: Item, index: number): TemplateResult[] {
    const base = this.path ?? this.field?.name ?? this.name;
    return this.nestedFields.map((sub) => {
      const tag = unsafeStatic(widgetTag(sub));
      return staticHtml`<${tag}
        data-nested
        data-index=${index}
        data-name=${sub.name}
        name=${sub.name}
        .field=${sub}
        .entity=${this.entity}
        .path=${`${base}.${sub.name}`}
        .value=${item[sub.name] ?? null}
        ?readonly=${this.readonly}
        ?disabled=${this.disabled || this.formDisabled}
      ></${tag}>`;
    });
  }

  #onNested = (event: Event) => {
    const widget = event.target as FieldWidget;
    if (!(widget instanceof HTMLElement) || !widget.dataset.name) return;
    event.stopPropagation();
    const index = Number(widget.dataset.index);
    const name = widget.dataset.name;
    if (index < 0) this.value = compact({ ...this.object, [name]: widget.value });
    else this.value = this.rows.map((row, i) => (i === index ? { ...row, [name]: widget.value } : row));
    this.emit(event.type === "change" ? "change" : "input");
  };

  #addRow = async () => {
    this.commit([...this.rows, {}], "input");
    this.emit("change");
    await this.updateComplete;
    const rows = this.renderRoot.querySelectorAll("fieldset[part='row']");
    rows[rows.length - 1]?.querySelector<HTMLElement>("[data-nested]")?.focus();
  };

  #removeRow(index: number): void {
    this.commit(
      this.rows.filter((_, i) => i !== index),
      "input",
    );
    this.emit("change");
    this.renderRoot.querySelector<HTMLElement>("button[part='add']")?.focus();
  }
}

if (!customElements.get("weave-input-embedded")) customElements.define("weave-input-embedded", WeaveInputEmbedded);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-embedded": WeaveInputEmbedded;
  }
}
