/** `<weave-input-boolean>`: true or false, as a checkbox or (with `switch`) an on/off switch. */
import { css, html, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { FieldWidget, IDS } from "./field-widget.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/**
 * A boolean widget, usable in any `<form>` (it submits "true" when checked, nothing otherwise, as
 * a checkbox does). `required` as an attribute means "must be checked", as on a native checkbox;
 * a required boolean field of the model only needs a value, which false is.
 *
 * @fires input - when toggled (bubbles, composed)
 * @fires change - when toggled
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the checkbox
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-boolean name="active" label="Active" switch value="true"></weave-input-boolean>
 */
export class WeaveInputBoolean extends FieldWidget<boolean> {
  static override properties = {
    ...FieldWidget.properties,
    value: { attribute: "value", converter: { fromAttribute: (v: string | null) => v !== null && v !== "false" } },
    switch: { type: Boolean },
  };
  static override styles = [
    ...FieldWidget.styles,
    css`
      .row {
        display: flex;
        align-items: center;
        gap: var(--weave-space);
      }
      input {
        width: 1.25rem;
        height: 1.25rem;
        min-height: 0;
        accent-color: var(--weave-color-primary);
      }
    `,
  ];

  declare switch: boolean;

  constructor() {
    super();
    this.switch = false;
  }

  protected override problem(): Invalid | undefined {
    return missingProblem(this.value !== true, this.required);
  }

  protected override formValue(): string | null {
    return this.value ? "true" : null;
  }

  protected override restore(state: string): boolean {
    return state === "true";
  }

  override render(): TemplateResult {
    const help = this.helpText;
    const describedBy = [help ? IDS.help : "", this.error ? IDS.error : ""].filter(Boolean).join(" ") || undefined;
    return html`<div part="field" class="field">
      <div class="row">${this.renderControl(describedBy)} ${this.renderLabel()}</div>
      ${help ? html`<div part="help" id=${IDS.help} class="help">${help}</div>` : ""}
      <div part="error" id=${IDS.error} class="error">${this.error ?? ""}</div>
    </div>`;
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`<input
      part="input"
      id=${IDS.control}
      type="checkbox"
      role=${ifDefined(this.switch ? "switch" : undefined)}
      name=${this.name}
      .checked=${live(this.value === true)}
      ?required=${this.required}
      ?disabled=${this.locked}
      aria-invalid=${this.error ? "true" : "false"}
      aria-describedby=${ifDefined(describedBy)}
      @input=${this.stop}
      @change=${this.#onChange}
    />`;
  }

  #onChange = (event: Event) => {
    this.stop(event);
    this.commit((event.target as HTMLInputElement).checked, "input");
    this.emit("change");
  };
}

if (!customElements.get("weave-input-boolean")) customElements.define("weave-input-boolean", WeaveInputBoolean);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-boolean": WeaveInputBoolean;
  }
}
