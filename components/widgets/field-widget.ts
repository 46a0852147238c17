/**
 * The part every weave field widget shares: a form-associated custom element (ElementInternals)
 * with the common properties, its own visible label, help and error text, and native-like
 * constraint validation. A subclass renders the control and says how its value is read and checked.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { MetaEntity, MetaField } from "../client/index.ts";
import { fieldHelp, fieldLabel } from "../core/labels.ts";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import type { WeaveSession } from "../core/session.ts";
import type { Invalid } from "./validity.ts";
import { widgetStyles } from "./widget-styles.ts";

/** The ids inside every widget's shadow root that label and describe its control. */
export const IDS = { control: "control", label: "label", help: "help", error: "error" } as const;

/**
 * Base class of the field widgets. `V` is the value as the API wants it.
 *
 * @example
 *   class AcmeColor extends FieldWidget<string> {
 *     protected renderControl() { return html`<input id="control" type="color" .value=${this.value ?? ""} @input=${(e: Event) => this.commit((e.target as HTMLInputElement).value, "input")}>`; }
 *   }
 */
export abstract class FieldWidget<V = unknown> extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, widgetStyles];
  static override properties: PropertyDeclarations = {
    name: { type: String, reflect: true },
    value: { attribute: "value" },
    field: { attribute: false },
    entity: { attribute: false },
    path: { type: String },
    label: { type: String },
    help: { type: String },
    placeholder: { type: String },
    required: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    error: { type: String },
    api: { type: String },
    formDisabled: { state: true },
  };

  declare name: string;
  declare value: V | null;
  /** The field as `_meta` describes it: type, constraints, values, target, currency. */
  declare field: MetaField | undefined;
  /** The entity the field belongs to, for translated labels. */
  declare entity: MetaEntity | undefined;
  /** The dotted path of a nested field (`address.city`), for its i18n keys. */
  declare path: string | undefined;
  declare label: string | undefined;
  declare help: string | undefined;
  declare placeholder: string | undefined;
  declare required: boolean;
  declare readonly: boolean;
  declare disabled: boolean;
  /** A message from the server (or the form) shown under the control. */
  declare error: string | undefined;
  declare api: string | undefined;
  protected declare formDisabled: boolean;

  protected readonly internals: ElementInternals;
  readonly #s = new SessionController(this);
  #initial: V | null = null;
  #captured = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.name = "";
    this.value = null;
    this.required = false;
    this.readonly = false;
    this.disabled = false;
    this.formDisabled = false;
  }

  protected get session(): WeaveSession {
    return this.#s.session;
  }

  protected t(key: string, params?: Record<string, string | number>): string {
    return this.session.i18n.t(key, undefined, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#captured) {
      this.#captured = true;
      this.#initial = this.value; // what a form reset goes back to
    }
  }

  // ---- what subclasses provide ----

  /** The control(s), with `id="control"` on the element the label names. */
  protected abstract renderControl(describedBy: string | undefined): TemplateResult;

  /** What is wrong with the current value (constraints already merged from `field` and attributes). */
  protected problem(): Invalid | undefined {
    return undefined;
  }

  /** The value submitted with a plain `<form>`. */
  protected formValue(): string | File | FormData | null {
    const value = this.value as unknown;
    if (value === null || value === undefined || value === "") return null;
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  /** The element the browser points at when the value is invalid, and focus goes to. */
  protected anchor(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`#${IDS.control}`) ?? undefined;
  }

  // ---- shared state ----

  /** Whether the value cannot be changed: read-only, disabled, or in a disabled fieldset. */
  protected get locked(): boolean {
    return this.readonly || this.disabled || this.formDisabled || (this.field?.readonly ?? false);
  }

  protected get isRequired(): boolean {
    // A required field the server fills by default may be left empty.
    return this.required || ((this.field?.required ?? false) && !this.field?.hasDefault);
  }

  /** The visible label: the attribute, else the field's translated label, else the name. */
  protected get labelText(): string {
    if (this.label) return this.label;
    const { field, entity } = this;
    if (field && entity) return fieldLabel(this.session.i18n, entity, field, this.path ?? field.name);
    return field?.label ?? this.name;
  }

  protected get helpText(): string | undefined {
    if (this.help) return this.help;
    const { field, entity } = this;
    if (field && entity) return fieldHelp(this.session.i18n, entity, field, this.path ?? field.name);
    return field?.help;
  }

  /** The visible label's text (an embedded editor names a nested field at fault with it). */
  labelFor(): string {
    return this.labelText;
  }

  protected get placeholderText(): string | undefined {
    return this.placeholder ?? this.field?.placeholder;
  }

  /** Sets the value from the user and tells the page (`input` while typing, `change` when done). */
  protected commit(value: V | null, type: "input" | "change"): void {
    this.value = value;
    this.emit(type);
  }

  protected emit(type: "input" | "change"): void {
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }

  /** Native `input`/`change` of the inner control must not leave the shadow root as well as ours. */
  protected stop(event: Event): void {
    event.stopPropagation();
  }

  // ---- rendering ----

  override render(): TemplateResult {
    const help = this.helpText;
    const describedBy = [help ? IDS.help : "", this.error ? IDS.error : ""].filter(Boolean).join(" ") || undefined;
    return html`<div part="field" class="field">
      ${this.renderLabel()} ${this.renderControl(describedBy)}
      ${help ? html`<div part="help" id=${IDS.help} class="help">${help}</div>` : nothing}
      <div part="error" id=${IDS.error} class="error">${this.error ?? ""}</div>
    </div>`;
  }

  protected renderLabel(): TemplateResult {
    // The asterisk stays outside the label, so the accessible name is the label alone.
    return html`<span class="label-row"><label part="label" id=${IDS.label} for=${IDS.control}>${this.labelText}</label>${this.requiredMark()}</span>`;
  }

  protected requiredMark(): TemplateResult | typeof nothing {
    return this.isRequired && !this.locked ? html`<span class="required" aria-hidden="true">*</span>` : nothing;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
  }

  /** Hands the value and its validity to the form. */
  protected syncForm(): void {
    this.internals.setFormValue(this.formValue());
    const invalid = this.locked ? undefined : this.problem();
    if (invalid) this.internals.setValidity({ [invalid.flag]: true }, this.t(invalid.key, invalid.params as Record<string, string | number> | undefined), this.anchor());
    else this.internals.setValidity({});
    this.#setState("invalid", !!invalid || !!this.error);
    this.#setState("disabled", this.locked);
  }

  #setState(state: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(state);
      else this.internals.states.delete(state);
    } catch {
      // an engine without CustomStateSet: styling by :state() is an extra
    }
  }

  // ---- the form-associated element API, as native inputs have it ----

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  override focus(options?: FocusOptions): void {
    const target = this.anchor();
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Enter in a one-line control submits the form, as it does for native inputs. */
  protected submitOnEnter(event: KeyboardEvent): void {
    if (event.key !== "Enter" || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    this.syncForm();
    this.owningForm()?.requestSubmit();
  }

  /** The form this widget belongs to, or the one of the widget it is nested in (an embedded editor). */
  protected owningForm(): HTMLFormElement | null {
    let host: Node | null = this;
    while (host instanceof HTMLElement) {
      const form = host instanceof FieldWidget ? host.internals.form : null;
      if (form) return form;
      const root = host.getRootNode();
      host = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  formResetCallback(): void {
    this.value = this.#initial;
    this.error = undefined;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === "string") this.value = this.restore(state);
  }

  /** The value back from its submitted form (history navigation restores forms). */
  protected restore(state: string): V | null {
    return state as unknown as V;
  }
}
