/** Turns a {@link Formatted} value into a template: text, a state badge, a link to a record or a file. */
import { html, nothing, type TemplateResult } from "lit";
import type { Formatted } from "./format-value.ts";

/**
 * The template of a formatted value. Links get `tabindex` from the caller, so a grid can keep
 * them out of the Tab order (its cells move focus instead).
 *
 * @example html`<td>${renderValue(formatPath(ctx, entity, "status", record))}</td>`
 */
export function renderValue(value: Formatted, linkTabIndex?: number): TemplateResult | string {
  switch (value.kind) {
    case "empty":
      return html`<span class="muted" part="empty">${value.text}</span>`;
    case "text":
      return value.text;
    case "badge":
      return html`<span class="badge" part="badge" data-state=${value.value}>${value.text}</span>`;
    case "ref":
      return value.href ? html`<a part="ref" href=${value.href} tabindex=${linkTabIndex ?? nothing}>${value.text}</a>` : value.text;
    case "file":
      return html`<a part="file" href=${value.href} download tabindex=${linkTabIndex ?? nothing}>${value.text}</a>`;
    case "list":
      return html`${value.items.map((item, i) => html`${i > 0 ? ", " : ""}${renderValue(item, linkTabIndex)}`)}`;
  }
}
