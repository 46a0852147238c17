/**
 * `<weave-studio>`: the Model Studio, served by `weave dev` at `/app/_studio`. An entity-relationship
 * diagram of the model (each box a button that opens the entity's panel), a panel to add and edit
 * entities, fields, relations, indexes, policies, views and state machines, the compiler's problems
 * next to the edited element before anything is written, the YAML diff of the last edit, and the
 * inspector: what the selected element generated and where it is defined. Edits go to
 * `/weave/studio/edit`; a written file reloads the dev server, and the Studio reads the model again.
 *
 * @fires weave-studio-written - After an edit was written; detail: { files }.
 * @csspart diagram - The diagram. @csspart entity - An entity's box. @csspart panel - The side panel.
 * @csspart diff - The last edit's diff. @csspart inspector - The inspector.
 * @example <weave-studio></weave-studio>
 */
import { html, LitElement, nothing, svg, type TemplateResult } from "lit";
import { SessionController } from "../core/session-controller.ts";
import { baseStyles } from "../core/styles.ts";
import { installTokens } from "../core/tokens.ts";
import { BOX_WIDTH, layoutDiagram, MAX_ROWS, type Layout } from "./er-layout.ts";
import { confirmDialog, madeView, type MadeAnswer, type PendingRemoval } from "./studio-remove.ts";
import { formValues, labelled, outcomeView, type Outcome, type PanelContext } from "./studio-context.ts";
import { type StudioEdit, studioClient, type StudioModel } from "./studio-client.ts";
import { entityPanel, typeSelect } from "./studio-entity-panel.ts";
import { inspectorView } from "./studio-inspector.ts";
import { machinesPanel } from "./studio-machine-panel.ts";
import { studioStyles } from "./studio-styles.ts";
import { studioTexts } from "./studio-texts.ts";

const LIVE_DELAY_MS = 300;

export class WeaveStudio extends LitElement {
  static override properties = {
    api: { type: String },
    model: { state: true },
    selected: { state: true },
    adding: { state: true },
    outcomes: { state: true },
    lastDiff: { state: true },
    inspected: { state: true },
    loadError: { state: true },
    pending: { state: true },
    made: { state: true },
  };
  declare api: string | undefined;
  declare model: StudioModel | undefined;
  declare selected: string | undefined;
  declare adding: boolean;
  declare outcomes: ReadonlyMap<string, Outcome>;
  declare lastDiff: string;
  declare inspected: { element: string; data: Record<string, unknown> | { error: string } } | undefined;
  declare loadError: string | undefined;
  /** The removal waiting for confirmation, with its dry run once the server answered. */
  declare pending: PendingRemoval | undefined;
  /** The last "what made this?" answer. */
  declare made: MadeAnswer | undefined;

  readonly #s = new SessionController(this);
  readonly #edits = new Map<string, StudioEdit>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #source: EventSource | undefined;

  constructor() {
    super();
    this.adding = false;
    this.outcomes = new Map();
    this.lastDiff = "";
  }

  get #client() {
    return studioClient(this.api ?? this.#s.session.client.baseUrl);
  }

  get #t() {
    return studioTexts(this.#s.session.i18n);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installTokens();
    void this.#load();
    // A written file (by the Studio or an editor) reloads the server: read the model again.
    this.#source = new EventSource(`${this.api ?? this.#s.session.client.baseUrl}/weave/dev/events`);
    this.#source.addEventListener("reload", () => void this.#load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.close();
    for (const timer of this.#timers.values()) clearTimeout(timer);
  }

  async #load(): Promise<void> {
    try {
      this.model = await this.#client.model();
      this.loadError = undefined;
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  #set(key: string, outcome: Outcome): void {
    this.outcomes = new Map(this.outcomes).set(key, outcome);
  }

  async #send(key: string, edit: StudioEdit, force = false): Promise<void> {
    this.#edits.set(key, edit);
    try {
      const outcome = await this.#client.edit(edit, { force });
      this.#set(key, outcome);
      if (outcome.diff) this.lastDiff = outcome.diff;
      if (outcome.written) {
        this.dispatchEvent(new CustomEvent("weave-studio-written", { detail: { files: outcome.files }, bubbles: true, composed: true }));
        if (edit.kind === "addEntity") (this.selected = edit.entity), (this.adding = false);
        if (edit.kind === "renameEntity") this.selected = String(edit.to);
        if (edit.kind === "removeEntity") (this.selected = undefined), (this.inspected = undefined);
        await this.#load();
      }
    } catch (error) {
      this.#set(key, { error: (error as Error).message });
    }
  }

  /** Checks an edit while the user types, without writing it. */
  #check(key: string, edit: StudioEdit): void {
    clearTimeout(this.#timers.get(key));
    this.#timers.set(
      key,
      setTimeout(async () => {
        try {
          this.#set(key, await this.#client.edit(edit, { write: false }));
        } catch (error) {
          this.#set(key, { error: (error as Error).message });
        }
      }, LIVE_DELAY_MS),
    );
  }

  async #inspect(element: string): Promise<void> {
    try {
      this.inspected = { element, data: await this.#client.inspect(element) };
    } catch (error) {
      this.inspected = { element, data: { error: (error as Error).message } };
    }
  }

  /** Opens the confirmation of a removal and checks it (write: false) to show its diff. */
  async #askRemove(edit: StudioEdit, what: string): Promise<void> {
    this.pending = { edit, what };
    try {
      const outcome = await this.#client.edit(edit, { write: false });
      if (this.pending?.edit === edit) this.pending = { edit, what, outcome };
    } catch (error) {
      if (this.pending?.edit === edit) this.pending = { edit, what, outcome: { error: (error as Error).message } };
    }
  }

  #confirmRemove(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) void this.#send("remove", pending.edit);
  }

  async #findMade(thing: string): Promise<void> {
    if (thing === "") return;
    try {
      this.made = { thing, matches: (await this.#client.generated(thing)).matches };
    } catch (error) {
      this.made = { thing, error: (error as Error).message };
    }
  }

  override updated(): void {
    // The dialog is always in the tree; open and close it as `pending` says, so Escape and focus work natively.
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>("dialog.confirm");
    if (dialog && this.pending && !dialog.open) dialog.showModal();
    if (dialog && !this.pending && dialog.open) dialog.close();
  }

  #context(): PanelContext | undefined {
    const entity = this.model?.entities.find((e) => e.name === this.selected);
    if (!this.model || !entity) return undefined;
    return {
      t: this.#t,
      model: this.model,
      entity,
      send: (key, edit) => void this.#send(key, edit),
      force: (key) => {
        const edit = this.#edits.get(key);
        if (edit) void this.#send(key, edit, true);
      },
      check: (key, edit) => this.#check(key, edit),
      outcome: (key) => this.outcomes.get(key),
      inspect: (element) => void this.#inspect(element),
      remove: (edit, what) => void this.#askRemove(edit, what),
    };
  }

  #select(name: string): void {
    this.selected = name;
    this.adding = false;
    void this.#inspect(name);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("#entity-heading")?.focus());
  }

  override render() {
    const t = this.#t;
    if (!this.model) return html`<p role=${this.loadError ? "alert" : "status"}>${this.loadError ?? t("loading")}</p>`;
    const ctx = this.#context();
    return html`<p class="muted">${t("intro")}</p>
      <div class="layout">
        <div class="main">
          <div class="toolbar" part="toolbar">
            <button type="button" class="primary" @click=${() => ((this.adding = true), (this.selected = undefined))}>${t("addEntity")}</button>
            <slot name="toolbar"></slot>
          </div>
          ${this.#diagram(layoutDiagram(this.model.entities))}
          <section aria-labelledby="diff-heading" part="diff">
            <h2 id="diff-heading">${t("diff")}</h2>
            <pre class="diff" tabindex="0">${this.lastDiff ? diffLines(this.lastDiff) : "—"}</pre>
          </section>
          ${madeView(t, this.model.app.root, this.made, (thing) => void this.#findMade(thing))}
        </div>
        <aside class="panel" part="panel" aria-label=${t("title")}>
          ${outcomeView(this.#bareContext(), "remove")}
          ${this.adding ? this.#addEntityForm() : ctx ? html`${entityPanel(ctx)} ${machinesPanel(ctx)}` : html`<p>${t("select")}</p>`}
          ${inspectorView(t, this.inspected, this.model.app.root)}
        </aside>
      </div>
      ${confirmDialog(t, this.pending, {
        confirm: () => this.#confirmRemove(),
        cancel: () => (this.pending = undefined),
        raiseVersion: (on) => this.pending && void this.#askRemove({ ...this.pending.edit, raiseVersion: on }, this.pending.what),
        diff: diffLines,
      })}`;
  }

  #diagram(layout: Layout): TemplateResult {
    const model = this.model!;
    const center = (name: string) => {
      const box = layout.boxes.find((b) => b.name === name)!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    return html`<section class="diagram" part="diagram" aria-label=${this.#t("diagram")}>
      <div class="canvas" style="width:${layout.width}px;height:${layout.height}px">
        <svg width=${layout.width} height=${layout.height} aria-hidden="true">
          ${layout.edges.map((e) => {
            const [a, b] = [center(e.from), center(e.to)];
            return svgLine(a, b, e.kind);
          })}
        </svg>
        ${layout.boxes.map((box) => {
          const entity = model.entities.find((e) => e.name === box.name)!;
          const extra = entity.fields.length - MAX_ROWS;
          return html`<button
            type="button"
            class="entity"
            part="entity"
            style="left:${box.x}px;top:${box.y}px;width:${BOX_WIDTH}px;height:${box.height}px"
            aria-pressed=${this.selected === entity.name ? "true" : "false"}
            @click=${() => this.#select(entity.name)}
          >
            <strong>${entity.name}</strong>
            ${entity.fields.slice(0, extra > 1 ? MAX_ROWS : MAX_ROWS + 1).map((f) => html`<span class="row"><span>${f.name}</span><span class="muted">${f.relation ? `→ ${f.relation.to.join("|")}` : f.type}</span></span>`)}
            ${extra > 1 ? html`<span class="row muted">${this.#t("more", { n: extra })}</span>` : nothing}
          </button>`;
        })}
      </div>
    </section>`;
  }

  /** The context of forms that belong to no entity: texts, outcomes and forcing. */
  #bareContext(): PanelContext {
    const force = (key: string) => {
      const edit = this.#edits.get(key);
      if (edit) void this.#send(key, edit, true);
    };
    return { t: this.#t, model: this.model!, outcome: (key: string) => this.outcomes.get(key), force } as PanelContext;
  }

  #addEntityForm(): TemplateResult {
    const t = this.#t;
    const model = this.model!;
    const ctx = this.#bareContext();
    const submit = (event: Event) => {
      const v = formValues(event);
      const policies = { ...(v.read ? { read: v.read } : {}), ...(v.write ? { write: v.write } : {}) };
      const fields = { [v.field!]: { type: v.type, ...(v.required ? { required: true } : {}) } };
      void this.#send("add-entity", { kind: "addEntity", entity: v.entity!, ...(v.label ? { label: v.label } : {}), ...(v.tenant ? { tenant: true } : {}), fields, policies });
    };
    return html`<section aria-labelledby="add-entity-heading">
      <h2 id="add-entity-heading">${t("addEntity")}</h2>
      <form @submit=${submit} aria-label=${t("addEntity")}>
        ${labelled("entity-name", t("entityName"), html`<input id="entity-name" name="entity" required pattern="[A-Z][A-Za-z0-9]*" placeholder="Project" />`)}
        ${labelled("entity-label", t("label"), html`<input id="entity-label" name="label" />`)}
        <label class="check"><input type="checkbox" name="tenant" ?checked=${model.app.tenancy} /> ${t("tenant")}</label>
        <fieldset>
          <legend>${t("firstField")}</legend>
          ${labelled("entity-field", t("fieldName"), html`<input id="entity-field" name="field" required pattern="[A-Za-z][A-Za-z0-9_]*" value="name" />`)}
          ${labelled("entity-field-type", t("fieldType"), typeSelect(ctx, "entity-field-type"))}
          <label class="check"><input type="checkbox" name="required" checked /> ${t("required")}</label>
        </fieldset>
        ${labelled("entity-read", t("readPolicy"), html`<input id="entity-read" name="read" class="mono" />`)}
        ${labelled("entity-write", t("writePolicy"), html`<input id="entity-write" name="write" class="mono" />`)}
        <button type="submit" class="primary">${t("create")}</button>
        ${outcomeView(ctx, "add-entity")}
      </form>
    </section>`;
  }

  static override styles = [baseStyles, studioStyles];
}

function svgLine(a: { x: number; y: number }, b: { x: number; y: number }, kind: string) {
  const dashed = kind === "many" || kind === "many-to-many";
  return svg`<line x1=${a.x} y1=${a.y} x2=${b.x} y2=${b.y} class=${dashed ? "edge dashed" : "edge"}></line>`;
}

/** The diff with its added and removed lines marked for the styles. */
function diffLines(diff: string) {
  return diff
    .split("\n")
    .map((line) => html`<span class=${/^(\+\+\+|---) /.test(line) ? "head" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : ""}>${line}\n</span>`);
}

if (!customElements.get("weave-studio")) customElements.define("weave-studio", WeaveStudio);

declare global {
  interface HTMLElementTagNameMap {
    "weave-studio": WeaveStudio;
  }
}
