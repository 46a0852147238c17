/**
 * The inspector: what the selected entity or field generated (`GET /api/_inspect`, the data of
 * `weave inspect`): its table columns, routes with OpenAPI operation ids, policies and widget,
 * and where each element is defined (file:line).
 */
import { html, nothing, type TemplateResult } from "lit";
import { sourceLink } from "./studio-context.ts";
import type { StudioText } from "./studio-texts.ts";

type T = (key: StudioText, params?: Record<string, string | number>) => string;

interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface Inspected {
  readonly entity?: { readonly name: string; readonly origin: Origin };
  readonly field?: { readonly name: string; readonly type: string; readonly origin: Origin };
  readonly columns?: readonly { readonly name: string; readonly type: string; readonly source?: string }[];
  readonly routes?: readonly { readonly method: string; readonly path: string; readonly operationId: string; readonly why: string }[];
  readonly policies?: readonly Record<string, unknown>[];
  readonly widget?: { readonly tag: string | null; readonly why: string };
}

export function inspectorView(t: T, inspected: { element: string; data: Record<string, unknown> | { error: string } } | undefined, root?: string): TemplateResult {
  if (!inspected) return html``;
  const { element, data } = inspected;
  if ("error" in data) return html`<section part="inspector" aria-labelledby="inspector-heading"><h3 id="inspector-heading">${t("inspector")}: ${element}</h3><p class="error">${data.error}</p></section>`;
  const found = data as Inspected;
  const origin = found.field?.origin ?? found.entity?.origin;
  return html`<section part="inspector" aria-labelledby="inspector-heading" class="inspector">
    <h3 id="inspector-heading">${t("inspector")}: ${element}</h3>
    ${origin ? html`<p>${t("origin")}: ${sourceLink(t, root, origin)}</p>` : nothing}
    <h4>${t("generated")}</h4>
    ${found.columns?.length
      ? html`<p>${t("columns")}:</p>
          <ul>
            ${found.columns.map((c) => html`<li><code>${c.name}</code> <span class="muted">${c.type}</span></li>`)}
          </ul>`
      : nothing}
    ${found.routes?.length
      ? html`<p>${t("routes")}:</p>
          <ul class="routes">
            ${found.routes.map((r) => html`<li><code>${r.method} ${r.path}</code> <span class="muted">${r.operationId}: ${r.why}</span></li>`)}
          </ul>`
      : nothing}
    ${found.widget ? html`<p>${t("widget")}: <code>${found.widget.tag ?? "—"}</code> <span class="muted">${found.widget.why}</span></p>` : nothing}
    ${found.policies?.length
      ? html`<p>${t("policies")}:</p>
          <ul>
            ${found.policies.map((p) => html`<li><code>${Object.entries(p).filter(([k]) => k !== "origin").map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`).join("; ")}</code></li>`)}
          </ul>`
      : nothing}
  </section>`;
}
