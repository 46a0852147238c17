/**
 * `<weave-input-date>`: a date ("YYYY-MM-DD") or, for `datetime` fields, an instant (ISO in
 * UTC), edited with the browser's native date or datetime-local input in local time.
 */
import { html, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { isoToLocalInput, localInputToIso } from "./datetime.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import { dateProblem, type Invalid } from "./validity.ts";

/**
 * A date or datetime widget, usable in any `<form>`.
 *
 * @fires input - when the date changes (bubbles, composed)
 * @fires change - when the date is committed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the native date input
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-date name="due" label="Due on" min="2026-01-01"></weave-input-date>
 * @example <weave-input-date name="at" label="At" kind="datetime" value="2026-01-31T09:30:00.000Z"></weave-input-date>
 */
export class WeaveInputDate extends FieldWidget<string> {
  static override properties = {
    ...FieldWidget.properties,
    kind: { type: String },
    min: { type: String },
    max: { type: String },
  };

  /** `date` or `datetime`; default: the field's type. */
  declare kind: "date" | "datetime" | undefined;
  declare min: string | undefined;
  declare max: string | undefined;

  protected get isDateTime(): boolean {
    return (this.kind ?? this.field?.type) === "datetime";
  }

  /** The native input's value for the current value. */
  protected get inputValue(): string {
    if (!this.value) return "";
    return this.isDateTime ? isoToLocalInput(this.value) : this.value;
  }

  /** A bound as the native input wants it. */
  #bound(bound: number | string | undefined): string | undefined {
    if (bound === undefined) return undefined;
    return this.isDateTime ? isoToLocalInput(String(bound)) || undefined : String(bound);
  }

  protected override problem(): Invalid | undefined {
    const f = this.field;
    return dateProblem(this.inputValue, { required: this.isRequired, min: this.#bound(this.min ?? f?.min), max: this.#bound(this.max ?? f?.max) });
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    const f = this.field;
    return html`<input
      part="input"
      id=${IDS.control}
      type=${this.isDateTime ? "datetime-local" : "date"}
      name=${this.name}
      .value=${live(this.inputValue)}
      min=${ifDefined(this.#bound(this.min ?? f?.min))}
      max=${ifDefined(this.#bound(this.max ?? f?.max))}
      ?required=${this.isRequired}
      ?readonly=${this.readonly || (f?.readonly ?? false)}
      ?disabled=${this.disabled || this.formDisabled}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      @input=${this.#onInput}
      @change=${this.#onChange}
      @keydown=${this.submitOnEnter}
    />`;
  }

  #read(input: HTMLInputElement): string | null {
    if (input.value === "") return null;
    return this.isDateTime ? (localInputToIso(input.value) ?? null) : input.value;
  }

  #onInput = (event: Event) => {
    this.stop(event);
    this.commit(this.#read(event.target as HTMLInputElement), "input");
  };

  #onChange = (event: Event) => {
    this.stop(event);
    this.commit(this.#read(event.target as HTMLInputElement), "change");
  };
}

if (!customElements.get("weave-input-date")) customElements.define("weave-input-date", WeaveInputDate);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-date": WeaveInputDate;
  }
}
