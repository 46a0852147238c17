/**
 * `<weave-input-number>`: whole numbers (`int`, a JSON number) and decimals (`decimal`, an exact
 * string such as "19.50", padded to the field's scale). Typed in the reader's locale ("19,5" in
 * German); never converted through a float.
 */
import { html, type PropertyValues, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { decimalSeparator, localizeDecimal, padScale, parseDecimal } from "./decimal.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import { numberProblem, type Invalid } from "./validity.ts";

/**
 * A number widget, usable in any `<form>`.
 *
 * @fires input - while typing, with the value parsed so far (bubbles, composed)
 * @fires change - when the value is committed (padded to the scale)
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the text input (inputmode numeric or decimal)
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-number name="rate" label="Rate" scale="2" min="0" max="100" value="19.00"></weave-input-number>
 */
export class WeaveInputNumber extends FieldWidget<string | number> {
  static override properties = {
    ...FieldWidget.properties,
    min: { type: String },
    max: { type: String },
    scale: { type: Number },
    integer: { type: Boolean },
    text: { state: true },
  };

  declare min: string | undefined;
  declare max: string | undefined;
  /** Decimal places of a decimal without a field (default 2). */
  declare scale: number | undefined;
  /** A whole number without a field. */
  declare integer: boolean;
  /** What the input shows: the user's text while they type, else the value in their locale. */
  protected declare text: string;
  #shown: string | number | null | undefined = undefined;
  #separator = ".";

  constructor() {
    super();
    this.integer = false;
    this.text = "";
  }

  protected get isInteger(): boolean {
    return this.integer || this.field?.type === "int";
  }

  protected get effectiveScale(): number {
    return this.scale ?? this.field?.scale ?? 2;
  }

  protected get separator(): string {
    return decimalSeparator(this.session.i18n.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A value set from outside (not the one parsed from the text) replaces the text, and so does
    // a locale that arrives (with the session) or changes while the text shows the value.
    const separator = this.separator;
    const shownAsValue = this.text === this.#format(this.#shown, this.#separator);
    if (this.value !== this.#shown || (separator !== this.#separator && shownAsValue)) {
      this.#shown = this.value;
      this.text = this.#format(this.value, separator);
    }
    this.#separator = separator;
  }

  #format(value: string | number | null | undefined, separator: string): string {
    return value === null || value === undefined || value === "" ? "" : localizeDecimal(String(value), separator);
  }

  protected override problem(): Invalid | undefined {
    const f = this.field;
    return numberProblem(
      this.text,
      { required: this.isRequired, min: this.min ?? f?.min, max: this.max ?? f?.max, integer: this.isInteger, scale: this.effectiveScale },
      this.separator,
    );
  }

  /** The API value for a text: a number for int, a string for decimal; null when empty; undefined when not a number. */
  protected parse(text: string, padded: boolean): string | number | null | undefined {
    if (text.trim() === "") return null;
    const value = parseDecimal(text, this.separator);
    if (value === undefined) return undefined;
    if (this.isInteger) return /^-?\d+$/.test(value) ? Number(value) : undefined;
    return padded ? padScale(value, this.effectiveScale) : value;
  }

  protected override restore(state: string): string | number | null {
    return this.parse(state, true) ?? null;
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`<input
      part="input"
      id=${IDS.control}
      type="text"
      inputmode=${this.isInteger ? "numeric" : "decimal"}
      name=${this.name}
      .value=${live(this.text)}
      placeholder=${this.placeholderText ?? ""}
      autocomplete="off"
      ?required=${this.isRequired}
      ?readonly=${this.readonly || (this.field?.readonly ?? false)}
      ?disabled=${this.disabled || this.formDisabled}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      @input=${this.onInput}
      @change=${this.onChange}
      @keydown=${this.submitOnEnter}
    />`;
  }

  protected onInput = (event: Event) => {
    this.stop(event);
    this.text = (event.target as HTMLInputElement).value;
    this.#take(this.parse(this.text, false), "input");
  };

  protected onChange = (event: Event) => {
    this.stop(event);
    const value = this.parse(this.text, true);
    if (typeof value === "string") this.text = localizeDecimal(value, this.separator);
    this.#take(value, "change");
  };

  /** Keeps the last good value while the text is not a number (validity says so). */
  #take(value: string | number | null | undefined, type: "input" | "change"): void {
    if (value === undefined) {
      this.requestUpdate();
      this.emit(type);
      return;
    }
    this.#shown = value;
    this.commit(value, type);
  }
}

if (!customElements.get("weave-input-number")) customElements.define("weave-input-number", WeaveInputNumber);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-number": WeaveInputNumber;
  }
}
