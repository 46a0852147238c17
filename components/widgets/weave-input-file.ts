/**
 * `<weave-input-file>`: a `file` field. Choosing a file uploads it at once to the API's file store
 * (within the field's `accept` and `maxSize`) and sets the value to what the record holds:
 * `{ key, name, type, size }`. The current file links to its download.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { accepts } from "../core/accept.ts";
import { FieldWidget, IDS } from "./field-widget.ts";
import { fileUrl, uploadFile, type FileValue } from "./upload.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/**
 * A file upload widget, usable in any `<form>` (it submits the stored file's description as JSON).
 *
 * @fires input - when a file has been uploaded or removed (bubbles, composed)
 * @fires change - when a file has been uploaded or removed
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the native file input
 * @csspart current - the link to the current file
 * @csspart remove - the remove button
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-file name="logo" upload-for="Customer.logo"></weave-input-file>
 */
export class WeaveInputFile extends FieldWidget<FileValue> {
  static override properties = {
    ...FieldWidget.properties,
    value: { attribute: "value", converter: { fromAttribute: (v: string | null) => (v ? (JSON.parse(v) as unknown) : null) } },
    uploadFor: { type: String, attribute: "upload-for" },
    busy: { state: true },
    status: { state: true },
    uploadError: { state: true },
  };
  static override styles = [
    ...FieldWidget.styles,
    css`
      .current {
        display: flex;
        align-items: center;
        gap: var(--weave-space);
      }
    `,
  ];

  /** `Entity.field` the upload is for, when the widget has no `entity` and `field`. */
  declare uploadFor: string | undefined;
  protected declare busy: boolean;
  protected declare status: string;
  protected declare uploadError: string;

  constructor() {
    super();
    this.busy = false;
    this.status = "";
    this.uploadError = "";
  }

  /** The entity and field path the server checks the upload against. */
  protected get target(): { entity: string; field: string } | undefined {
    if (this.uploadFor) {
      const [entity, ...path] = this.uploadFor.split(".");
      return entity && path.length ? { entity, field: path.join(".") } : undefined;
    }
    if (this.entity && this.field) return { entity: this.entity.name, field: this.path ?? this.field.name };
    return undefined;
  }

  protected override problem(): Invalid | undefined {
    if (this.uploadError) return { flag: "customError", key: this.uploadError };
    if (this.busy) return { flag: "customError", key: "ui.uploading" };
    return missingProblem(!this.value, this.isRequired);
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    const value = this.value;
    const accept = this.field?.accept?.join(",");
    return html`${value
        ? html`<div class="current">
            <a part="current" href=${fileUrl(this.session.client, value.key)} target="_blank" rel="noopener">${value.name}</a>
            <span class="help">${this.session.i18n.number(value.size)} B</span>
            <button type="button" part="remove" ?disabled=${this.locked || this.busy} @click=${this.#remove}>${this.t("ui.removeItem", { label: value.name })}</button>
          </div>`
        : nothing}
      <input
        part="input"
        id=${IDS.control}
        type="file"
        accept=${ifDefined(accept)}
        ?disabled=${this.locked || this.busy}
        aria-invalid=${this.error || this.uploadError ? "true" : "false"}
        aria-describedby=${ifDefined([describedBy, this.uploadError ? "upload-error" : ""].filter(Boolean).join(" ") || undefined)}
        @input=${this.stop}
        @change=${this.#onPick}
      />
      ${this.uploadError ? html`<div id="upload-error" class="error">${this.uploadError}</div>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>`;
  }

  #onPick = async (event: Event) => {
    this.stop(event);
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.uploadError = "";
    const refusal = this.#refusal(file);
    if (refusal) {
      this.uploadError = refusal;
      input.value = "";
      return;
    }
    const target = this.target;
    if (!target) return;
    this.busy = true;
    this.status = this.t("ui.uploading");
    try {
      const value = await uploadFile(this.session.client, target.entity, target.field, file);
      this.status = this.t("ui.uploaded", { name: value.name });
      this.commit(value, "input");
      this.emit("change");
    } catch (error) {
      this.uploadError = this.t("ui.uploadFailed", { reason: error instanceof Error ? error.message : String(error) });
      this.status = this.uploadError;
    } finally {
      this.busy = false;
      input.value = "";
    }
  };

  /** The message for a file the field will not take, checked before the upload (the server checks again). */
  #refusal(file: File): string | undefined {
    const max = this.field?.maxSize;
    if (max !== undefined && file.size > max) return this.t("ui.fileTooLarge", { max });
    if (file.type && !accepts(this.field?.accept, file.type)) return this.t("ui.fileType");
    return undefined;
  }

  #remove = () => {
    this.status = "";
    this.commit(null, "input");
    this.emit("change");
    this.focus();
  };
}

if (!customElements.get("weave-input-file")) customElements.define("weave-input-file", WeaveInputFile);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-file": WeaveInputFile;
  }
}
