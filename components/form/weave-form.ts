/**
 * `<weave-form>`: creates or edits one record of an entity, with the sections of its form view,
 * a widget per field (components/core/registry.ts picks it, apps may replace any), the fields
 * `_meta` and `_can` allow, and the server's validation errors on their fields.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { html as staticHtml, unsafeStatic } from "lit/static-html.js";
import { Task } from "@lit/task";
import { ApiError, type MetaEntity, type MetaField, type WeaveRecord } from "../client/index.ts";
import { fieldLabel, sectionLabel } from "../core/labels.ts";
import { widgetTag } from "../core/registry.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { createBody, formSections, initialValues, isEditable, updateBody, type FormSection } from "./form-model.ts";
import { formStyles } from "./form-styles.ts";

/** What a widget in the form looks like from here: any element with a value (custom ones too). */
type Widget = HTMLElement & { value?: unknown; checkValidity?: () => boolean; validationMessage?: string };

/** The messages to show: by field name, and those that belong to no field shown. */
interface Problems {
  readonly fields: Readonly<Record<string, string>>;
  readonly general: readonly string[];
}

const NO_PROBLEMS: Problems = { fields: {}, general: [] };

/**
 * A create or edit form for one entity.
 *
 * @fires weave-saved - after a successful save; `detail` is the saved record (cancelable: cancel it to stay on the form)
 * @fires weave-open - then, to show the saved record: `{ entity, id, mode: "detail" }`
 * @fires weave-cancel - when the user cancels (cancelable: cancel it to keep a link from being followed)
 * @slot before - above the first section
 * @slot after - below the last section
 * @slot actions - beside the Save and Cancel buttons
 * @csspart form - the form element
 * @csspart section - a fieldset of the form view
 * @csspart legend - a section's legend
 * @csspart field - each field widget (also `field-<name>`); their label, input, help and error are exported as `field-label`, …
 * @csspart error-summary - the list of problems after a refused save
 * @csspart conflict - the message when someone else saved the record first
 * @csspart actions - the button row
 * @csspart submit - the Save button
 * @csspart cancel - the Cancel button or link
 * @csspart refused - the message when the user may not create records
 * @example <weave-form entity="invoice"></weave-form>
 * @example <weave-form entity="invoices" record-id="6f1c…" api="https://billing.example.com"></weave-form>
 */
export class WeaveForm extends LitElement {
  static override styles = [baseStyles, formStyles];
  static override properties = {
    entity: { type: String },
    recordId: { type: String, attribute: "record-id" },
    api: { type: String },
    values: { state: true },
    defaults: { type: Object },
    problems: { state: true },
    conflict: { state: true },
    saving: { state: true },
    status: { state: true },
  };

  declare entity: string | undefined;
  declare recordId: string | undefined;
  declare api: string | undefined;
  protected declare values: Readonly<Record<string, unknown>>;
  /** Values a new record starts with (`defaults='{"invoice":"…"}'`), e.g. the parent of a related list. */
  declare defaults: Readonly<Record<string, unknown>> | undefined;
  protected declare problems: Problems;
  protected declare conflict: boolean;
  protected declare saving: boolean;
  protected declare status: string;
  readonly #s = new SessionController(this);
  readonly #internals = this.attachInternals();
  #record: WeaveRecord | undefined;

  readonly #load = new Task(this, {
    task: async ([name, id, meta]: readonly [string | undefined, string | undefined, unknown]) => {
      const entity = meta ? this.#s.session.entity(name) : undefined;
      if (!entity || !id) return undefined;
      const record = await this.#s.session.client.get(entity.path, id);
      this.#reset(entity, record);
      return record;
    },
    args: () => [this.entity, this.recordId, this.#s.session.meta] as const,
  });

  constructor() {
    super();
    this.values = {};
    this.problems = NO_PROBLEMS;
    this.conflict = false;
    this.saving = false;
    this.status = "";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has("entity") || changed.has("recordId") || changed.has("defaults")) && !this.recordId) {
      this.#record = undefined;
      this.values = { ...(this.defaults ?? {}) };
      this.problems = NO_PROBLEMS;
      this.#seeded = undefined;
    }
    this.#seedModelDefaults();
  }

  /** Which entity's model defaults a new record was started with (the metadata may come later). */
  #seeded: string | undefined;

  /** A new record starts with the literal defaults of the model (`taxRate: 19`), under what was given. */
  #seedModelDefaults(): void {
    const entity = this.#entity;
    if (this.recordId || !entity || this.#seeded === entity.name) return;
    this.#seeded = entity.name;
    const literal = Object.fromEntries(entity.fields.filter((f) => f.default !== undefined && f.default !== null && !f.readonly).map((f) => [f.name, f.default]));
    this.values = { ...literal, ...this.values };
  }

  #reset(entity: MetaEntity, record: WeaveRecord | undefined): void {
    this.#record = record;
    this.values = initialValues(record, formSections(entity).flatMap((s) => s.fields));
    this.problems = NO_PROBLEMS;
    this.conflict = false;
  }

  get #entity(): MetaEntity | undefined {
    return this.#s.session.entity(this.entity);
  }

  override render(): TemplateResult | typeof nothing {
    const session = this.#s.session;
    const { i18n } = session;
    if (!session.meta) return session.error ? html`<p role="alert">${session.error.message}</p>` : html`<p role="status">${i18n.t("ui.loading")}</p>`;
    const entity = this.#entity;
    if (!entity) return html`<p role="alert">${i18n.t("ui.notFound")}</p>`;
    if (!this.recordId) return entity.create ? this.#form(entity, undefined) : html`<p part="refused" role="alert">${i18n.t("ui.noAccess")}</p>`;
    return this.#load.render({
      initial: () => html`<p role="status">${i18n.t("ui.loading")}</p>`,
      pending: () => (this.#record ? this.#form(entity, this.#record) : html`<p role="status">${i18n.t("ui.loading")}</p>`),
      complete: (record) => (record ? this.#form(entity, this.#record ?? record) : nothing),
      error: (error) => html`<p role="alert">${error instanceof ApiError && error.status === 404 ? i18n.t("ui.notFound") : error instanceof Error ? error.message : String(error)}</p>`,
    });
  }

  #form(entity: MetaEntity, record: WeaveRecord | undefined): TemplateResult {
    const { i18n } = this.#s.session;
    const existing = record !== undefined;
    const canSave = !existing || !!record._can?.update;
    return html`<form part="form" novalidate @submit=${this.#submit} @input=${this.#onValue} @change=${this.#onValue}>
      <slot name="before"></slot>
      ${this.#summary(entity)} ${this.#conflict()}
      ${existing && !canSave ? html`<p part="read-only" role="status">${i18n.t("ui.readOnlyRecord")}</p>` : nothing}
      ${formSections(entity).map((section) => this.#section(entity, section, record))}
      <slot name="after"></slot>
      <div part="actions" class="actions">
        ${canSave ? html`<button type="submit" part="submit" class="primary" ?disabled=${this.saving}>${i18n.t("ui.save")}</button>` : nothing} ${this.#cancelControl(entity)}
        <slot name="actions"></slot>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </form>`;
  }

  #section(entity: MetaEntity, section: FormSection, record: WeaveRecord | undefined): TemplateResult {
    const content = section.fields.map((field) => this.#widget(entity, field, isEditable(field, record?._can, record !== undefined)));
    if (!section.label) return html`<fieldset part="section">${content}</fieldset>`;
    return html`<fieldset part="section">
      <legend part="legend">${sectionLabel(this.#s.session.i18n, entity, section.label)}</legend>
      ${content}
    </fieldset>`;
  }

  #widget(entity: MetaEntity, field: MetaField, editable: boolean): TemplateResult {
    const tag = unsafeStatic(widgetTag(field, entity.name));
    return staticHtml`<${tag}
      part="field field-${field.name}"
      exportparts="label:field-label,input:field-input,help:field-help,error:field-error"
      data-field=${field.name}
      name=${field.name}
      .field=${field}
      .entity=${entity}
      .value=${this.values[field.name] ?? null}
      .error=${this.problems.fields[field.name] ?? ""}
      ?readonly=${field.readonly}
      ?disabled=${!editable && !field.readonly}
    ></${tag}>`;
  }

  #summary(entity: MetaEntity): TemplateResult | typeof nothing {
    const { fields, general } = this.problems;
    const named = Object.entries(fields);
    if (named.length === 0 && general.length === 0) return nothing;
    const { i18n } = this.#s.session;
    const label = (name: string) => {
      const field = entity.fields.find((f) => f.name === name);
      return field ? fieldLabel(i18n, entity, field) : name;
    };
    return html`<div part="error-summary" class="summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <h2 id="summary-title">${i18n.t("ui.errorSummary")}</h2>
      <ul>
        ${general.map((message) => html`<li>${message}</li>`)}
        ${named.map(([name, message]) => html`<li><a href="#${name}" @click=${(e: Event) => this.#focusField(e, name)}>${label(name)}: ${message}</a></li>`)}
      </ul>
    </div>`;
  }

  #conflict(): TemplateResult | typeof nothing {
    if (!this.conflict) return nothing;
    const { i18n } = this.#s.session;
    return html`<div part="conflict" class="conflict" role="alert" tabindex="-1">
      <p>${i18n.t("ui.conflict")}</p>
      <button type="button" @click=${this.#reload}>${i18n.t("ui.reload")}</button>
    </div>`;
  }

  #cancelControl(entity: MetaEntity): TemplateResult {
    const { appBase, i18n } = this.#s.session;
    if (appBase) {
      const collection = entity.path.split("/").pop() ?? "";
      const href = this.recordId ? `${appBase}/${collection}/${encodeURIComponent(this.recordId)}` : `${appBase}/${collection}`;
      return html`<a part="cancel" class="button" href=${href} @click=${this.#cancel}>${i18n.t("ui.cancel")}</a>`;
    }
    return html`<button type="button" part="cancel" @click=${this.#cancel}>${i18n.t("ui.cancel")}</button>`;
  }

  #focusField(event: Event, name: string): void {
    event.preventDefault();
    this.#widgets().find((w) => w.dataset.field === name)?.focus();
  }

  #widgets(): Widget[] {
    return [...this.renderRoot.querySelectorAll<Widget>("[data-field]")];
  }

  #onValue = (event: Event) => {
    const widget = event.target as Widget;
    const name = widget.dataset?.field;
    if (!name) return;
    this.values = { ...this.values, [name]: widget.value ?? null };
    if (this.problems.fields[name]) {
      const { [name]: _fixed, ...rest } = this.problems.fields;
      this.problems = { ...this.problems, fields: rest };
    }
  };

  #cancel = (event: Event) => {
    const proceed = this.dispatchEvent(new CustomEvent("weave-cancel", { detail: { entity: this.#entity?.name, id: this.recordId }, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) event.preventDefault();
  };

  #reload = () => {
    this.conflict = false;
    this.#record = undefined;
    void this.#load.run();
  };

  #submit = async (event: Event) => {
    event.preventDefault();
    const entity = this.#entity;
    if (!entity || this.saving) return;
    const widgets = this.#widgets();
    const invalid = widgets.filter((w) => typeof w.checkValidity === "function" && !w.checkValidity());
    if (invalid.length > 0) {
      await this.#show({ fields: Object.fromEntries(invalid.map((w) => [w.dataset.field!, w.validationMessage ?? ""])), general: [] });
      return;
    }
    await this.#save(entity);
  };

  /** Defaults for fields the form view does not show (a related list's parent): sent as given. */
  #hiddenDefaults(entity: MetaEntity, shown: readonly MetaField[]): Record<string, unknown> {
    const names = new Set(shown.map((f) => f.name));
    return Object.fromEntries(Object.entries(this.defaults ?? {}).filter(([name]) => !names.has(name) && entity.fields.some((f) => f.name === name && !f.readonly)));
  }

  async #save(entity: MetaEntity): Promise<void> {
    const { client, i18n } = this.#s.session;
    const record = this.#record;
    const fields = formSections(entity).flatMap((s) => s.fields);
    const editable = fields.filter((f) => isEditable(f, record?._can, record !== undefined)).map((f) => f.name);
    this.saving = true;
    this.#setState("saving", true);
    this.status = i18n.t("ui.saving");
    this.problems = NO_PROBLEMS;
    this.#setState("invalid", false);
    this.conflict = false;
    try {
      let saved: WeaveRecord;
      if (record) {
        const body = updateBody(record, this.values, editable);
        saved = Object.keys(body).length === 0 ? record : await client.update(entity.path, String(record.id), body, record.version === undefined ? {} : { version: record.version });
      } else saved = await client.create(entity.path, { ...this.#hiddenDefaults(entity, fields), ...createBody(this.values, editable) });
      this.#record = record ? saved : undefined;
      this.status = i18n.t("ui.saved");
      this.#done(entity, saved);
    } catch (error) {
      await this.#failed(error, new Set(fields.map((f) => f.name)));
    } finally {
      this.saving = false;
      this.#setState("saving", false);
    }
  }

  #done(entity: MetaEntity, saved: WeaveRecord): void {
    const proceed = this.dispatchEvent(new CustomEvent<WeaveRecord>("weave-saved", { detail: saved, bubbles: true, composed: true, cancelable: true }));
    if (proceed && saved.id !== undefined) {
      this.dispatchEvent(new CustomEvent("weave-open", { detail: { entity: entity.name, id: String(saved.id), mode: "detail" }, bubbles: true, composed: true }));
    }
  }

  async #failed(error: unknown, shown: ReadonlySet<string>): Promise<void> {
    this.status = "";
    if (error instanceof ApiError && error.status === 412) {
      this.conflict = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(".conflict")?.focus();
      return;
    }
    if (!(error instanceof ApiError)) {
      await this.#show({ fields: {}, general: [error instanceof Error ? error.message : String(error)] });
      return;
    }
    const fields: Record<string, string> = {};
    const general: string[] = [];
    for (const [name, messages] of Object.entries(error.fieldErrors())) {
      if (name && shown.has(name)) fields[name] = messages.join(" ");
      else general.push(...messages.map((m) => (name ? `${name}: ${m}` : m)));
    }
    if (Object.keys(fields).length === 0 && general.length === 0) general.push(error.message);
    await this.#show({ fields, general });
  }

  /** Shows the problems on their fields and in the summary, and moves focus to the summary. */
  async #show(problems: Problems): Promise<void> {
    this.problems = problems;
    this.#setState("invalid", true);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(".summary")?.focus();
  }

  #setState(state: string, on: boolean): void {
    try {
      if (on) this.#internals.states.add(state);
      else this.#internals.states.delete(state);
    } catch {
      // no CustomStateSet: :state() styling is an extra
    }
  }
}

if (!customElements.get("weave-form")) customElements.define("weave-form", WeaveForm);

declare global {
  interface HTMLElementTagNameMap {
    "weave-form": WeaveForm;
  }
}
