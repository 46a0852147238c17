/** `<weave-input-json>`: any JSON value (`json` fields), typed as text and checked as it is typed. */
import { css, html, type PropertyValues, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { FieldWidget, IDS } from "./field-widget.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/** The JSON value of a text: `{ ok, value }`; empty text is null. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A JSON editor, usable in any `<form>` (it submits the JSON text).
 *
 * @fires input - while typing, when the text is valid JSON (bubbles, composed)
 * @fires change - when the text is committed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the textarea
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-json name="settings" label="Settings" value='{"a":1}'></weave-input-json>
 */
export class WeaveInputJson extends FieldWidget<unknown> {
  static override properties = {
    ...FieldWidget.properties,
    value: { attribute: "value", converter: { fromAttribute: (v: string | null) => (v ? (JSON.parse(v) as unknown) : null) } },
    text: { state: true },
  };
  static override styles = [
    ...FieldWidget.styles,
    css`
      textarea {
        font-family: var(--weave-font-mono);
      }
    `,
  ];

  protected declare text: string;
  #shown: unknown = undefined;

  constructor() {
    super();
    this.text = "";
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.value !== this.#shown) {
      this.#shown = this.value;
      this.text = this.value === null || this.value === undefined ? "" : JSON.stringify(this.value, null, 2);
    }
  }

  protected override problem(): Invalid | undefined {
    if (!parseJson(this.text).ok) return { flag: "badInput", key: "ui.invalidJson" };
    return missingProblem(this.text.trim() === "", this.isRequired);
  }

  protected override formValue(): string | null {
    return this.text.trim() === "" ? null : this.text;
  }

  protected override restore(state: string): unknown {
    const parsed = parseJson(state);
    return parsed.ok ? parsed.value : null;
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`<textarea
      part="input"
      id=${IDS.control}
      name=${this.name}
      rows="6"
      spellcheck="false"
      .value=${live(this.text)}
      ?required=${this.isRequired}
      ?readonly=${this.readonly || (this.field?.readonly ?? false)}
      ?disabled=${this.disabled || this.formDisabled}
      aria-invalid=${this.error || !parseJson(this.text).ok ? "true" : "false"}
      aria-describedby=${ifDefined([describedBy, !parseJson(this.text).ok ? "json-error" : ""].filter(Boolean).join(" ") || undefined)}
      @input=${this.#onInput}
      @change=${this.#onChange}
    ></textarea>
    ${parseJson(this.text).ok ? "" : html`<div id="json-error" class="error" part="json-error">${this.t("ui.invalidJson")}</div>`}`;
  }

  #onInput = (event: Event) => {
    this.stop(event);
    this.text = (event.target as HTMLTextAreaElement).value;
    const parsed = parseJson(this.text);
    if (parsed.ok) {
      this.#shown = parsed.value;
      this.commit(parsed.value, "input");
    } else this.emit("input");
  };

  #onChange = (event: Event) => {
    this.stop(event);
    this.emit("change");
  };
}

if (!customElements.get("weave-input-json")) customElements.define("weave-input-json", WeaveInputJson);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-json": WeaveInputJson;
  }
}
