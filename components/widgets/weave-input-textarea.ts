/** `<weave-input-textarea>`: several lines of plain text (`text` fields). */
import { html, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { IDS } from "./field-widget.ts";
import { WeaveInputText } from "./weave-input-text.ts";

/**
 * A multi-line text widget, usable in any `<form>`; Enter adds a line, it does not submit.
 *
 * @fires input - on every keystroke (bubbles, composed)
 * @fires change - when the value is committed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the textarea
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-textarea name="notes" label="Notes" maxlength="4000"></weave-input-textarea>
 */
export class WeaveInputTextarea extends WeaveInputText {
  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`<textarea
      part="input"
      id=${IDS.control}
      name=${this.name}
      rows="4"
      .value=${live(this.text)}
      placeholder=${this.placeholderText ?? ""}
      ?required=${this.isRequired}
      ?readonly=${this.readonly || (this.field?.readonly ?? false)}
      ?disabled=${this.disabled || this.formDisabled}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      @input=${this.#onInput}
      @change=${this.#onChange}
    ></textarea>`;
  }

  #onInput = (event: Event) => {
    this.stop(event);
    const text = (event.target as HTMLTextAreaElement).value;
    this.commit(text === "" ? null : text, "input");
  };

  #onChange = (event: Event) => {
    this.stop(event);
    this.emit("change");
  };
}

if (!customElements.get("weave-input-textarea")) customElements.define("weave-input-textarea", WeaveInputTextarea);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-textarea": WeaveInputTextarea;
  }
}
