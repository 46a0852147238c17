/**
 * `<weave-actions>`: the buttons for what a user may do with a record (its transitions and record
 * actions) or with a collection (its collection actions). Whether a button shows is decided by
 * the server only: `_can.transitions` and `_can.actions` on the record, `can` on a collection
 * action in `_meta`. A button the user may not use is not shown (never shown disabled).
 */
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { html as staticHtml, unsafeStatic } from "lit/static-html.js";
import { Task } from "@lit/task";
import { ApiError, type MetaEntity, type MetaField, type WeaveRecord } from "../client/index.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { actionLabel, transitionLabel } from "../core/labels.ts";
import { widgetTag } from "../core/registry.ts";
import { allowedTransitions } from "./kanban-moves.ts";
import { problemText } from "./problem-text.ts";
import { viewStyles } from "./view-styles.ts";

type Action = MetaEntity["actions"][number];
type Transition = MetaEntity["transitions"][number];

let dialogs = 0;

/**
 * Transition and action buttons for one record (`record-id` or `.record`), or the collection
 * actions of an entity (`scope="collection"`, the default without a record).
 *
 * @fires weave-changed - `{ record, transition? , action? }` after a transition or record action, with the record as it is now
 * @fires weave-action-done - `{ action, output }` after any action
 * @csspart actions - the group of buttons
 * @csspart action - each button (`transition` or `record-action` / `collection-action` too)
 * @csspart alert - the message when the server refused
 * @csspart dialog - the input dialog of an action; `dialog-form` its form
 *
 * @example
 *   <weave-actions entity="invoice" record-id="0b7c…"></weave-actions>
 *   <weave-actions entity="invoice" scope="collection"></weave-actions>
 */
export class WeaveActions extends LitElement {
  static override styles = [
    baseStyles,
    viewStyles,
    css`
      .toolbar {
        margin: 0;
      }
      .alert {
        margin-block-end: 0;
      }
    `,
  ];

  static override properties = {
    entity: { type: String },
    recordId: { type: String, attribute: "record-id" },
    record: { attribute: false },
    scope: { type: String },
    api: { type: String },
    _busy: { state: true },
    _alert: { state: true },
    _done: { state: true },
    _dialog: { state: true },
    _fieldErrors: { state: true },
  };

  declare entity: string | undefined;
  declare recordId: string | undefined;
  /** The record, when the page has it already (a detail page passes its own). */
  declare record: WeaveRecord | undefined;
  /** `record` (transitions and record actions) or `collection`; default: record when one is given. */
  declare scope: "record" | "collection" | undefined;
  declare api: string | undefined;
  declare _busy: boolean;
  declare _alert: string;
  declare _done: string;
  declare _dialog: Action | undefined;
  declare _fieldErrors: Readonly<Record<string, string[]>>;

  readonly #s = new SessionController(this);
  readonly #dialogId = `weave-actions-dialog-${++dialogs}`;
  #fetched: WeaveRecord | undefined;

  readonly #task = new Task(this, {
    task: async ([path, id, given]) => {
      if (given || !path || !id) return undefined;
      return (this.#fetched = await this.#s.session.client.get(path, id));
    },
    args: () => [this.#entity()?.path, this.recordId, this.record, this.#s.session.meta] as const,
  });

  constructor() {
    super();
    this.entity = undefined;
    this.recordId = undefined;
    this.record = undefined;
    this.scope = undefined;
    this.api = undefined;
    this._busy = false;
    this._alert = "";
    this._done = "";
    this._dialog = undefined;
    this._fieldErrors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  #entity(): MetaEntity | undefined {
    return this.#s.session.entity(this.entity);
  }

  #record(): WeaveRecord | undefined {
    return this.record ?? (this.#task.value ? this.#fetched : undefined);
  }

  #scope(): "record" | "collection" {
    return this.scope ?? (this.record || this.recordId ? "record" : "collection");
  }

  override render(): TemplateResult | typeof nothing {
    const entity = this.#entity();
    if (!entity) return nothing;
    const { i18n } = this.#s.session;
    const buttons = this.#scope() === "collection" ? this.#collectionButtons(entity) : this.#recordButtons(entity);
    return html`
      ${buttons.length ? html`<div class="toolbar" part="actions" role="group" aria-label=${i18n.t("ui.actions")} aria-busy=${this._busy ? "true" : "false"}>${buttons}</div>` : nothing}
      <div class="alert" part="alert" role="alert">${this._dialog ? "" : this._alert}</div>
      <span class="visually-hidden" role="status">${this._done}</span>
      ${this.#renderDialog(entity)}
    `;
  }

  #recordButtons(entity: MetaEntity): TemplateResult[] {
    const record = this.#record();
    if (!record) return [];
    const { i18n } = this.#s.session;
    const transitions = allowedTransitions(entity, record).map(
      (t) => html`<button part="action transition" data-transition=${t.name} ?disabled=${this._busy} @click=${() => this.#runTransition(entity, record, t)}>${transitionLabel(i18n, entity, t)}</button>`,
    );
    const actions = entity.actions
      .filter((a) => a.scope === "record" && record._can?.actions[a.name] === true)
      .map((a) => html`<button part="action record-action" data-action=${a.name} ?disabled=${this._busy} title=${a.description ?? nothing} @click=${() => this.#startAction(entity, a)}>${actionLabel(i18n, entity, a)}</button>`);
    return [...transitions, ...actions];
  }

  #collectionButtons(entity: MetaEntity): TemplateResult[] {
    const { i18n } = this.#s.session;
    return entity.actions
      .filter((a) => a.scope === "collection" && a.can === true)
      .map((a) => html`<button part="action collection-action" data-action=${a.name} ?disabled=${this._busy} title=${a.description ?? nothing} @click=${() => this.#startAction(entity, a)}>${actionLabel(i18n, entity, a)}</button>`);
  }

  async #runTransition(entity: MetaEntity, record: WeaveRecord, transition: Transition): Promise<void> {
    await this.#busy(async () => {
      const { client, i18n } = this.#s.session;
      const next = await client.transition(entity.path, String(record.id), transition.name, record.version !== undefined ? { version: record.version } : {});
      this.#changed(next, { transition: transition.name });
      this._done = i18n.t("ui.done");
    });
  }

  #startAction(entity: MetaEntity, action: Action): void {
    if (action.input?.length) {
      this._fieldErrors = {};
      this._dialog = action;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>("dialog")?.showModal());
      return;
    }
    void this.#runAction(entity, action, {});
  }

  async #runAction(entity: MetaEntity, action: Action, input: Record<string, unknown>): Promise<boolean> {
    return this.#busy(async () => {
      const { client, i18n } = this.#s.session;
      const record = this.#record();
      const id = action.scope === "record" ? String(record?.id) : undefined;
      const output = await client.action(entity.path, id, action.name, input);
      this.dispatchEvent(new CustomEvent("weave-action-done", { detail: { action: action.name, output }, bubbles: true, composed: true }));
      if (id !== undefined) this.#changed(await client.get<WeaveRecord>(entity.path, id), { action: action.name });
      this._done = i18n.t("ui.done");
    });
  }

  /** Runs a call with the buttons disabled; a refusal becomes the alert. True when it worked. */
  async #busy(work: () => Promise<void>): Promise<boolean> {
    this._busy = true;
    this._alert = "";
    this._done = "";
    try {
      await work();
      return true;
    } catch (error) {
      this._fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
      this._alert = problemText(this.#s.session.i18n, error);
      return false;
    } finally {
      this._busy = false;
    }
  }

  #changed(record: WeaveRecord, what: { transition?: string; action?: string }): void {
    if (this.record) this.record = record;
    else this.#fetched = record;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent("weave-changed", { detail: { record, ...what }, bubbles: true, composed: true }));
  }

  // ---- the input dialog of an action

  #renderDialog(entity: MetaEntity): TemplateResult | typeof nothing {
    const action = this._dialog;
    if (!action) return nothing;
    const { i18n } = this.#s.session;
    const titleId = `${this.#dialogId}-title`;
    return html`<dialog part="dialog" aria-labelledby=${titleId} @close=${this.#onDialogClose}>
      <form part="dialog-form" @submit=${(e: SubmitEvent) => this.#submitDialog(e, entity, action)} novalidate>
        <h2 id=${titleId}>${actionLabel(i18n, entity, action)}</h2>
        ${action.description ? html`<p class="muted">${action.description}</p>` : nothing}
        ${(action.input ?? []).map((field) => this.#renderInput(entity, action, field))}
        <div class="alert" role="alert">${this._alert}</div>
        <div class="buttons">
          <button type="button" @click=${() => this.renderRoot.querySelector("dialog")?.close()}>${i18n.t("ui.cancel")}</button>
          <button type="submit" class="primary" ?disabled=${this._busy}>${i18n.t("ui.run")}</button>
        </div>
      </form>
    </dialog>`;
  }

  #renderInput(entity: MetaEntity, action: Action, field: MetaField): TemplateResult {
    const { i18n } = this.#s.session;
    const label = i18n.t(`action.${entity.name}.${action.name}.input.${field.name}.label`, field.label);
    const error = this._fieldErrors[field.name]?.join(" ");
    const tag = widgetTag(field, entity.name);
    if (customElements.get(tag)) {
      const widget = unsafeStatic(tag);
      return staticHtml`<div class="field"><${widget} name=${field.name} .field=${field} .entity=${entity} .label=${label} .value=${field.default ?? null} .error=${error ?? ""} ?required=${field.required} api=${this.api ?? nothing}></${widget}></div>`;
    }
    // No widget registered for the type yet: a native input keeps the dialog usable.
    const id = `${this.#dialogId}-${field.name}`;
    const type = field.type === "int" || field.type === "decimal" || field.type === "money" ? "number" : field.type === "date" ? "date" : field.type === "boolean" ? "checkbox" : "text";
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${field.name} type=${type} ?required=${field.required} .value=${field.default === undefined || field.default === null ? "" : String(field.default)}
        .checked=${field.default === true} aria-invalid=${error ? "true" : "false"} aria-describedby=${error ? `${id}-error` : nothing} />
      ${error ? html`<span id=${`${id}-error`} class="error">${error}</span>` : nothing}
    </div>`;
  }

  readonly #onDialogClose = () => {
    this._dialog = undefined;
    this._alert = "";
  };

  async #submitDialog(event: SubmitEvent, entity: MetaEntity, action: Action): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = inputValues(form, action.input ?? []);
    if (await this.#runAction(entity, action, input)) this.renderRoot.querySelector("dialog")?.close();
  }
}

/** The dialog's values as the API wants them: numbers for int inputs, booleans, empty left out. */
function inputValues(form: HTMLFormElement, fields: readonly MetaField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const element = form.querySelector<HTMLElement & { value?: unknown; checked?: boolean; type?: string }>(`[name="${CSS.escape(field.name)}"]`);
    if (!element) continue;
    let value: unknown = element instanceof HTMLInputElement && element.type === "checkbox" ? element.checked : element.value;
    if (value === "" || value === null || value === undefined) continue;
    if (field.type === "int" && typeof value === "string") value = Number(value);
    out[field.name] = value;
  }
  return out;
}

if (!customElements.get("weave-actions")) customElements.define("weave-actions", WeaveActions);

declare global {
  interface HTMLElementTagNameMap {
    "weave-actions": WeaveActions;
  }
}
