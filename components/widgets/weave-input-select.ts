/**
 * `<weave-input-select>`: one of a list of values (`enum` fields, and `state` fields, which are
 * shown read-only since only transitions change them), labelled through the app's messages.
 */
import { html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { valueLabel } from "../core/labels.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/** One choice. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * A select widget, usable in any `<form>`; without a field, give `options` (a property) or
 * `<option>` children.
 *
 * @fires input - when the choice changes (bubbles, composed)
 * @fires change - when the choice changes
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the native select
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-select name="size" label="Size"><option value="s">Small</option><option value="l">Large</option></weave-input-select>
 */
export class WeaveInputSelect extends FieldWidget<string> {
  static override properties = {
    ...FieldWidget.properties,
    options: { attribute: false },
  };

  declare options: readonly Choice[] | undefined;

  /** The choices: given, else the field's values (or its machine's states), else `<option>` children. */
  protected get choices(): readonly Choice[] {
    if (this.options) return this.options;
    const { field, entity } = this;
    const i18n = this.session.i18n;
    if (field && entity) {
      const states = field.type === "state" ? entity.states.find((m) => m.field === field.name)?.states.map((s) => s.name) : undefined;
      const values = states ?? field.values?.map((v) => v.value) ?? [];
      return values.map((value) => ({ value, label: valueLabel(i18n, entity, field, value) }));
    }
    if (field?.values) return field.values;
    return [...this.querySelectorAll("option")].map((o) => ({ value: o.value, label: o.textContent?.trim() ?? o.value }));
  }

  protected override problem(): Invalid | undefined {
    return missingProblem(!this.value, this.isRequired);
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    const value = this.value ?? "";
    return html`<select
      part="input"
      id=${IDS.control}
      name=${this.name}
      ?required=${this.isRequired}
      ?disabled=${this.locked}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(value)}
      @input=${this.stop}
      @change=${this.#onChange}
    >
      ${!this.isRequired || !value ? html`<option value="" ?selected=${!value}>${this.isRequired ? this.t("ui.choose") : this.t("ui.none")}</option>` : nothing}
      ${this.choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  }

  #onChange = (event: Event) => {
    this.stop(event);
    const value = (event.target as HTMLSelectElement).value;
    this.commit(value === "" ? null : value, "input");
    this.emit("change");
  };
}

if (!customElements.get("weave-input-select")) customElements.define("weave-input-select", WeaveInputSelect);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-select": WeaveInputSelect;
  }
}
