/**
 * `<weave-input-reference>`: picks one record of the target entity (`ref` and `one` fields); the
 * value is the record's id. Searching, arrows, Enter and Escape work as the ARIA combobox pattern says.
 */
import type { PropertyValues, TemplateResult } from "lit";
import type { WeaveRecord } from "../client/index.ts";
import { ReferenceCombobox } from "./reference-combobox.ts";
import { missingProblem, type Invalid } from "./validity.ts";

/**
 * A reference picker, usable in any `<form>` (it submits the id).
 *
 * @fires input - when a record is picked or the text is cleared (bubbles, composed)
 * @fires change - when a record is picked
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the combobox input
 * @csspart listbox - the list of candidates
 * @csspart option - one candidate
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-reference name="customer" label="Customer" to="Customer"></weave-input-reference>
 */
export class WeaveInputReference extends ReferenceCombobox<string> {
  protected get selectionText(): string {
    return this.value ? (this.titles.get(this.value) ?? "") : "";
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.value && !this.titles.has(this.value) && this.session.meta) void this.fetchTitles([this.value]);
  }

  protected override problem(): Invalid | undefined {
    return missingProblem(!this.value, this.isRequired);
  }

  protected pick(record: WeaveRecord): void {
    this.commit(String(record.id), "input");
  }

  protected override onQuery(text: string): void {
    if (text === "" && this.value) this.commit(null, "input");
  }

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    return this.renderCombobox(describedBy);
  }
}

if (!customElements.get("weave-input-reference")) customElements.define("weave-input-reference", WeaveInputReference);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-reference": WeaveInputReference;
  }
}
