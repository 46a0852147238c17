/** What the Studio's panels get from `<weave-studio>`: texts, the model, and the edit calls. */
import { html, nothing, type TemplateResult } from "lit";
import type { EditNote, EditOutcome, Origin, StudioDiagnostic, StudioEdit, StudioEntity, StudioModel } from "./studio-client.ts";
import type { StudioText } from "./studio-texts.ts";

/** An edit's outcome, or the reason the server refused it. */
export type Outcome = EditOutcome | { readonly error: string };

export interface PanelContext {
  readonly t: (key: StudioText, params?: Record<string, string | number>) => string;
  readonly model: StudioModel;
  readonly entity: StudioEntity;
  /** Runs the edit of form `form`. */
  send(form: string, edit: StudioEdit): void;
  /** Runs the last edit of form `form` again, written despite its errors. */
  force(form: string): void;
  /** Checks an edit without writing (live diagnostics) under the key `key`. */
  check(key: string, edit: StudioEdit): void;
  outcome(key: string): Outcome | undefined;
  /** Shows what `element` (`Invoice` or `Invoice.total`) generated. */
  inspect(element: string): void;
  /** Asks to confirm a removal, showing its diff (and the compiler's refusal) first. `what` names it: "field Invoice.note". */
  remove(edit: StudioEdit, what: string): void;
}

/**
 * `file:line:col` as a link that opens the file in VS Code (`vscode://file/<abs path>:<line>:<col>`),
 * followed by the absolute path as plain text to copy into any other editor.
 *
 * @example sourceLink(t, "/home/me/app", { file: "domain/invoice.entity.yaml", line: 20, column: 3 })
 */
export function sourceLink(t: PanelContext["t"], root: string | undefined, origin: Origin): TemplateResult {
  const where = `${origin.file}:${origin.line}:${origin.column}`;
  if (!root) return html`<span class="where">${where}</span>`;
  const absolute = `${root.replace(/\/$/, "")}/${origin.file}`;
  const href = `vscode://file${absolute.startsWith("/") ? "" : "/"}${encodeURI(absolute)}:${origin.line}:${origin.column}`;
  return html`<a class="origin" part="source-link" href=${href} aria-label=${t("openInEditor", { where })}>${where}</a>
    <code class="abs muted">${absolute}:${origin.line}:${origin.column}</code>`;
}

/** Reads a form's named values as trimmed strings. */
export function formValues(event: Event): Record<string, string> & { readonly form: HTMLFormElement } {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) values[key] = String(value).trim();
  return Object.assign(values, { form });
}

/** `a, b ,c` -> ["a", "b", "c"] */
export function names(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A labelled input: `<label for>` and the control, ids scoped to the form. */
export function labelled(id: string, label: string, control: TemplateResult): TemplateResult {
  return html`<div class="control"><label for=${id}>${label}</label>${control}</div>`;
}

/** The outcome of the form's last edit, next to the form: the problems, and whether it was written. */
export function outcomeView(ctx: PanelContext, key: string): TemplateResult {
  const outcome = ctx.outcome(key);
  return html`<div class="outcome" id="${key}-outcome" role="status" aria-live="polite" part="outcome">
    ${outcome === undefined
      ? nothing
      : "error" in outcome
        ? html`<p class="error">${outcome.error}</p>`
        : html`${outcome.written ? html`<p class="ok">${ctx.t("written", { files: outcome.files.join(", ") })}</p>` : hasErrors(outcome.diagnostics) ? html`<p class="error">${ctx.t("notWritten")}</p>` : nothing}
          ${diagnosticsList(outcome.diagnostics)} ${notesList(ctx, outcome.notes ?? [])}
          ${!outcome.written && hasErrors(outcome.diagnostics) ? html`<button type="button" class="danger" @click=${() => ctx.force(key)}>${ctx.t("writeAnyway")}</button>` : nothing}`}
  </div>`;
}

export function diagnosticsList(diagnostics: readonly StudioDiagnostic[]): TemplateResult | typeof nothing {
  if (diagnostics.length === 0) return nothing;
  return html`<ul class="diagnostics" part="diagnostics">
    ${diagnostics.map(
      (d) => html`<li class=${d.severity} data-element=${d.element ? "true" : "false"}>
        <span class="where">${d.file}:${d.line}:${d.column}</span> <code>${d.code}</code> ${d.message}${d.hint ? html` <span class="muted">(${d.hint})</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** What the edit left to check by hand: expressions naming what it renamed or removed. */
export function notesList(ctx: Pick<PanelContext, "t">, notes: readonly EditNote[]): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  return html`<p>${ctx.t("notes")}:</p>
    <ul class="notes" part="notes">
      ${notes.map((n) => html`<li><span class="where">${n.file}:${n.line}:${n.column}</span> ${n.message}</li>`)}
    </ul>`;
}

export function hasErrors(diagnostics: readonly StudioDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** True when the live check under `key` found an error in the edited element. */
export function liveInvalid(ctx: PanelContext, key: string): boolean {
  const outcome = ctx.outcome(key);
  return outcome !== undefined && !("error" in outcome) && outcome.diagnostics.some((d) => d.severity === "error" && d.element);
}
