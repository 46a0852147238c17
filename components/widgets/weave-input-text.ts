/**
 * `<weave-input-text>`: one line of text (string, email, url, slug, uuid fields), with `pattern`,
 * `minlength` and `maxlength` from the field or from attributes.
 */
import { html, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { FieldWidget, IDS } from "./field-widget.ts";
import { patternOf, textProblem, type Invalid, type TextConstraints } from "./validity.ts";

const INPUT_TYPES: Record<string, string> = { email: "email", url: "url" };

/**
 * A single-line text widget, usable in any `<form>`.
 *
 * @fires input - on every keystroke (bubbles, composed)
 * @fires change - when the value is committed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the text input
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <form><weave-input-text name="code" label="Code" required pattern="[a-z]+"></weave-input-text></form>
 */
export class WeaveInputText extends FieldWidget<string> {
  static override properties = {
    ...FieldWidget.properties,
    pattern: { type: String },
    minLength: { type: Number, attribute: "minlength" },
    maxLength: { type: Number, attribute: "maxlength" },
    autocomplete: { type: String },
  };

  /** An HTML pattern (the whole value must match), for use without a field. */
  declare pattern: string | undefined;
  declare minLength: number | undefined;
  declare maxLength: number | undefined;
  declare autocomplete: string | undefined;

  protected get constraints(): TextConstraints {
    const f = this.field;
    return {
      required: this.isRequired,
      pattern: patternOf({ html: this.pattern, model: f?.pattern }),
      minLength: this.minLength ?? f?.minLength,
      maxLength: this.maxLength ?? f?.maxLength,
    };
  }

  protected get text(): string {
    return this.value === null || this.value === undefined ? "" : String(this.value);
  }

  protected override problem(): Invalid | undefined {
    return textProblem(this.text, this.constraints);
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    const type = INPUT_TYPES[this.field?.type ?? ""] ?? "text";
    return html`<input
      part="input"
      id=${IDS.control}
      type=${type}
      name=${this.name}
      .value=${live(this.text)}
      placeholder=${this.placeholderText ?? ""}
      autocomplete=${this.autocomplete ?? "off"}
      ?required=${this.isRequired}
      ?readonly=${this.readonly || (this.field?.readonly ?? false)}
      ?disabled=${this.disabled || this.formDisabled}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      @input=${this.#onInput}
      @change=${this.#onChange}
      @keydown=${this.submitOnEnter}
    />`;
  }

  #onInput = (event: Event) => {
    this.stop(event);
    const text = (event.target as HTMLInputElement).value;
    this.commit(text === "" ? null : text, "input");
  };

  #onChange = (event: Event) => {
    this.stop(event);
    this.emit("change");
  };
}

if (!customElements.get("weave-input-text")) customElements.define("weave-input-text", WeaveInputText);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-text": WeaveInputText;
  }
}
