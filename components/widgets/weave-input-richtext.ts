/**
 * `<weave-input-richtext>`: formatted text (`richtext` fields) in a contenteditable editor with
 * a small toolbar (bold, italic, bulleted list; Ctrl+B and Ctrl+I work too). The value is HTML,
 * sanitized with DOMPurify both when it is shown and when it is set.
 */
import { css, html, type PropertyValues, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { FieldWidget, IDS } from "./field-widget.ts";
import { isEmptyRichText, sanitizeRichText } from "./sanitize.ts";
import { missingProblem, textProblem, type Invalid } from "./validity.ts";

const COMMANDS = [
  { command: "bold", key: "ui.bold", text: "B" },
  { command: "italic", key: "ui.italic", text: "I" },
  { command: "insertUnorderedList", key: "ui.bulletList", text: "•" },
] as const;

/**
 * A rich text editor, usable in any `<form>` (it submits the sanitized HTML).
 *
 * @fires input - while typing (bubbles, composed)
 * @fires change - when the editor loses focus after a change
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart toolbar - the formatting buttons
 * @csspart input - the editable area
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-richtext name="body" label="Body" value="<p>Hello</p>"></weave-input-richtext>
 */
export class WeaveInputRichtext extends FieldWidget<string> {
  static override styles = [
    ...FieldWidget.styles,
    css`
      .editor {
        min-height: 6rem;
        padding: calc(var(--weave-space) * 0.75);
        border: 1px solid var(--weave-color-border);
        border-radius: var(--weave-radius);
        background: var(--weave-color-surface);
      }
      .editor[aria-readonly="true"] {
        background: var(--weave-color-background);
      }
      [role="toolbar"] {
        display: flex;
        gap: calc(var(--weave-space) * 0.5);
      }
      [role="toolbar"] button {
        min-width: 2.25rem;
        justify-content: center;
      }
    `,
  ];

  #shown: string | null | undefined = undefined;
  #dirty = false;

  protected override problem(): Invalid | undefined {
    const text = this.value ? this.value.replace(/<[^>]*>/g, "") : "";
    return this.value && !isEmptyRichText(this.value) ? textProblem(text, { maxLength: this.field?.maxLength }) : missingProblem(true, this.isRequired);
  }

  protected override anchor(): HTMLElement | undefined {
    return this.#editor() ?? undefined;
  }

  #editor(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${IDS.control}`);
  }

  protected override renderLabel(): TemplateResult {
    // A div is not labelable: the label names it through aria-labelledby, and a click focuses it.
    return html`<span class="label-row"><span part="label" class="label" id=${IDS.label} @click=${() => this.focus()}>${this.labelText}</span>${this.requiredMark()}</span>`;
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return html`<div part="toolbar" role="toolbar" aria-label=${this.labelText} ?hidden=${this.locked}>
        ${COMMANDS.map((c) => html`<button type="button" aria-label=${this.t(c.key)} title=${this.t(c.key)} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#exec(c.command)}>${c.text}</button>`)}
      </div>
      <div
        part="input"
        class="editor"
        id=${IDS.control}
        role="textbox"
        aria-multiline="true"
        aria-labelledby=${IDS.label}
        aria-describedby=${ifDefined(describedBy)}
        aria-required=${this.isRequired ? "true" : "false"}
        aria-readonly=${this.locked ? "true" : "false"}
        aria-invalid=${this.error ? "true" : "false"}
        contenteditable=${this.locked ? "false" : "true"}
        tabindex="0"
        @input=${this.#onInput}
        @blur=${this.#onBlur}
      ></div>`;
  }

  protected override updated(changed: PropertyValues): void {
    const editor = this.#editor();
    if (editor && this.value !== this.#shown) {
      this.#shown = this.value;
      editor.innerHTML = this.value ? sanitizeRichText(this.value) : "";
    }
    super.updated(changed);
  }

  #exec(command: string): void {
    this.#editor()?.focus();
    // execCommand is deprecated but still the only editing API contenteditable has everywhere.
    document.execCommand(command);
    this.#read("input");
  }

  #onInput = (event: Event) => {
    this.stop(event);
    this.#read("input");
  };

  #onBlur = () => {
    if (!this.#dirty) return;
    this.#dirty = false;
    this.emit("change");
  };

  #read(type: "input" | "change"): void {
    const editor = this.#editor();
    if (!editor) return;
    const clean = sanitizeRichText(editor.innerHTML);
    const value = isEmptyRichText(clean) ? null : clean;
    this.#shown = value;
    this.#dirty = true;
    this.commit(value, type);
  }
}

if (!customElements.get("weave-input-richtext")) customElements.define("weave-input-richtext", WeaveInputRichtext);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-richtext": WeaveInputRichtext;
  }
}
