/**
 * Two views of `<weave-studio>`: the confirmation of a removal (a modal `<dialog>`: Escape cancels,
 * focus stays inside and returns to the button that opened it), showing the diff the removal
 * would write, or the compiler's refusal; and "what made this?", the reverse inspector: a
 * generated column, route, operation id or widget, and the model element it came from, linked.
 */
import { html, nothing, type TemplateResult } from "lit";
import { diagnosticsList, hasErrors, notesList, type Outcome, type PanelContext, sourceLink } from "./studio-context.ts";
import type { GeneratedMatch, StudioEdit } from "./studio-client.ts";

type T = PanelContext["t"];

export interface PendingRemoval {
  readonly edit: StudioEdit;
  /** What is removed, in words: `Invoice.note`, `lifecycle.void`. */
  readonly what: string;
  /** The dry run (write: false), once answered. */
  readonly outcome?: Outcome;
}

export type MadeAnswer = { readonly thing: string } & ({ readonly matches: readonly GeneratedMatch[] } | { readonly error: string });

interface ConfirmActions {
  confirm(): void;
  cancel(): void;
  /** Asks again with `raiseVersion` on or off. */
  raiseVersion(on: boolean): void;
  diff(text: string): unknown;
}

/** The dialog, always in the tree (empty and closed while nothing waits), opened by the element. */
export function confirmDialog(t: T, pending: PendingRemoval | undefined, actions: ConfirmActions): TemplateResult {
  const outcome = pending?.outcome;
  const refused = outcome !== undefined && ("error" in outcome || hasErrors(outcome.diagnostics));
  return html`<dialog class="confirm" part="confirm" aria-labelledby="confirm-heading" @close=${() => pending && actions.cancel()}>
    ${pending
      ? html`<h2 id="confirm-heading">${t("confirmTitle", { what: pending.what })}</h2>
          ${"raiseVersion" in pending.edit
            ? html`<label class="check"
                ><input type="checkbox" .checked=${pending.edit.raiseVersion === true} @change=${(e: Event) => actions.raiseVersion((e.target as HTMLInputElement).checked)} />
                ${t("raiseVersion", { entity: pending.edit.entity })}</label
              >`
            : nothing}
          <div role="status" aria-live="polite">
            ${outcome === undefined
              ? html`<p>${t("checking")}</p>`
              : "error" in outcome
                ? html`<p class="error">${outcome.error}</p>`
                : html`${refused ? html`<p class="error">${t("refused")}</p>` : html`<p>${t("confirmIntro")}</p>`}
                    <pre class="diff" tabindex="0">${actions.diff(outcome.diff)}</pre>
                    ${diagnosticsList(outcome.diagnostics.filter((d) => d.severity === "error"))} ${notesList({ t }, outcome.notes ?? [])}`}
          </div>
          <div class="actions">
            ${outcome !== undefined && !refused ? html`<button type="button" class="danger" @click=${actions.confirm}>${t("remove")}</button>` : nothing}
            <button type="button" autofocus @click=${actions.cancel}>${t("cancel")}</button>
          </div>`
      : nothing}
  </dialog>`;
}

/** "What made this?": a search box and, for the last search, each match with its source linked. */
export function madeView(t: T, root: string, made: MadeAnswer | undefined, find: (thing: string) => void): TemplateResult {
  const submit = (event: Event) => {
    event.preventDefault();
    find(String(new FormData(event.target as HTMLFormElement).get("thing") ?? "").trim());
  };
  return html`<section aria-labelledby="made-heading" part="made">
    <h2 id="made-heading">${t("whatMadeThis")}</h2>
    <form role="search" @submit=${submit} aria-label=${t("whatMadeThis")}>
      <div class="control">
        <label for="made-thing">${t("generatedThing")}</label>
        <input id="made-thing" name="thing" type="search" class="mono" required placeholder="GET /api/invoices/{id}" .value=${made?.thing ?? ""} />
      </div>
      <button type="submit">${t("find")}</button>
    </form>
    <div role="status" aria-live="polite">
      ${made === undefined
        ? nothing
        : "error" in made
          ? html`<p class="error">${made.error}</p>`
          : html`<ul class="made" part="made-list">
              ${made.matches.map(
                (m) => html`<li>
                  <code>${m.generated.kind} ${m.generated.name}</code> ${t("madeBy")} <strong>${m.element.kind} ${m.element.name}</strong>
                  <span class="muted">(${m.why})</span><br />
                  ${sourceLink(t, root, m.element.origin)}
                </li>`,
              )}
            </ul>`}
    </div>
  </section>`;
}
