/**
 * `<weave-input-references>`: picks several records (`many-to-many` fields): chips for the chosen
 * ones, each with a remove button, and the same combobox to add more. The value is a list of ids.
 */
import { css, html, type PropertyValues, type TemplateResult } from "lit";
import type { WeaveRecord } from "../client/index.ts";
import { ReferenceCombobox } from "./reference-combobox.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/**
 * A multi-reference picker, usable in any `<form>` (it submits one entry per id).
 *
 * @fires input - when a record is added or removed (bubbles, composed)
 * @fires change - when a record is added or removed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart chips - the list of chosen records
 * @csspart chip - one chosen record
 * @csspart remove - a chip's remove button
 * @csspart input - the combobox input
 * @csspart listbox - the list of candidates
 * @csspart option - one candidate
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-references name="tags" label="Tags" to="Tag"></weave-input-references>
 */
export class WeaveInputReferences extends ReferenceCombobox<readonly string[]> {
  static override properties = {
    ...ReferenceCombobox.properties,
    value: { attribute: "value", converter: { fromAttribute: (v: string | null) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []) } },
  };
  static override styles = [
    ...ReferenceCombobox.styles,
    css`
      ul.chips {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--weave-space) * 0.5);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: calc(var(--weave-space) * 0.5);
        border: 1px solid var(--weave-color-border);
        border-radius: 999px;
        padding: 0 0 0 var(--weave-space);
      }
      .chip button {
        min-height: 1.75rem;
        border-radius: 999px;
        padding: 0 var(--weave-space);
      }
    `,
  ];

  protected get ids(): readonly string[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  protected get selectionText(): string {
    return "";
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.ids.some((id) => !this.titles.has(id)) && this.session.meta) void this.fetchTitles(this.ids);
  }

  protected override excluded(id: string): boolean {
    return this.ids.includes(id);
  }

  protected override problem(): Invalid | undefined {
    return missingProblem(this.ids.length === 0, this.isRequired);
  }

  protected override formValue(): FormData | null {
    if (this.ids.length === 0) return null;
    const data = new FormData();
    for (const id of this.ids) data.append(this.name, id);
    return data;
  }

  protected pick(record: WeaveRecord): void {
    this.commit([...this.ids, String(record.id)], "input");
  }

  #remove(id: string): void {
    this.commit(
      this.ids.filter((i) => i !== id),
      "input",
    );
    this.emit("change");
    this.focus();
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`${this.ids.length > 0
        ? html`<ul part="chips" class="chips" aria-label=${this.labelText}>
            ${this.ids.map((id) => {
              const title = this.titles.get(id) ?? id;
              return html`<li part="chip" class="chip">
                <span>${title}</span>
                <button type="button" part="remove" ?disabled=${this.locked} aria-label=${this.t("ui.removeItem", { label: title })} @click=${() => this.#remove(id)}>×</button>
              </li>`;
            })}
          </ul>`
        : ""}
      ${this.renderCombobox(describedBy)}`;
  }
}

if (!customElements.get("weave-input-references")) customElements.define("weave-input-references", WeaveInputReferences);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-references": WeaveInputReferences;
  }
}
