/**
 * The filter controls of a `<weave-list>`: one per filter path of the list view, by type (see
 * {@link filterControl}). Each control is named `<path>:<op>`, so the list rebuilds its filters
 * from the form alone ({@link filtersFromForm}) and keeps no copy of them.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Filters, FilterOp, MetaEntity } from "../client/index.ts";
import type { Translator } from "../core/i18n.ts";
import { valueLabel } from "../core/labels.ts";
import { type FilterControl, filterControl } from "./list-query.ts";
import { pathLabel } from "./format-value.ts";

/** A record a ref filter offers: its id and title. */
export interface RefOption {
  readonly id: string;
  readonly title: string;
}

export interface FilterFormInput {
  readonly i18n: Translator;
  readonly entity: MetaEntity;
  readonly paths: readonly string[];
  readonly entityByName: (name: string) => MetaEntity | undefined;
  /** Options of ref filters by path; a path without them gets a text box for the id. */
  readonly refOptions: ReadonlyMap<string, readonly RefOption[]>;
  /** The filters chosen now, to show them. */
  readonly current: Filters;
  /** Unique per list, for ids. */
  readonly idPrefix: string;
}

/** The controls, or nothing when the view has no filter the user may use. */
export function renderFilters(input: FilterFormInput, onChange: (event: Event) => void): TemplateResult | typeof nothing {
  const controls = input.paths
    .map((path) => ({ path, control: filterControl(input.entity, path, input.entityByName) }))
    .filter((c): c is { path: string; control: FilterControl } => c.control !== undefined);
  if (controls.length === 0) return nothing;
  return html`<form part="filters" class="filters" role="search" aria-label=${input.i18n.t("ui.filters")} @change=${onChange} @submit=${(e: Event) => e.preventDefault()}>
    ${controls.map(({ path, control }) => renderControl(input, path, control))}
  </form>`;
}

function renderControl(input: FilterFormInput, path: string, control: FilterControl): TemplateResult {
  const { i18n, entity } = input;
  const label = pathLabel({ i18n, entity: input.entityByName }, entity, path);
  const id = (op: string) => `${input.idPrefix}-${path.replace(/\W/g, "-")}-${op}`;
  const value = (op: FilterOp) => String(input.current[path]?.[op] ?? "");
  const field = (op: FilterOp, inner: TemplateResult, text = label) =>
    html`<span class="filter" part="filter"><label for=${id(op)}>${text}</label>${inner}</span>`;
  switch (control.kind) {
    case "select":
      return field("eq", html`<select id=${id("eq")} name=${`${path}:eq`} part="filter-input">
        <option value="" ?selected=${value("eq") === ""}>${i18n.t("ui.any")}</option>
        ${control.options.map((o) => html`<option value=${o} ?selected=${value("eq") === o}>${valueLabel(i18n, entity, control.field, o)}</option>`)}
      </select>`);
    case "boolean":
      return field("eq", html`<select id=${id("eq")} name=${`${path}:eq`} part="filter-input">
        <option value="" ?selected=${value("eq") === ""}>${i18n.t("ui.any")}</option>
        <option value="true" ?selected=${value("eq") === "true"}>${i18n.t("ui.yes")}</option>
        <option value="false" ?selected=${value("eq") === "false"}>${i18n.t("ui.no")}</option>
      </select>`);
    case "ref": {
      const options = input.refOptions.get(path);
      if (!options) return field("eq", html`<input id=${id("eq")} name=${`${path}:eq`} part="filter-input" .value=${value("eq")} />`);
      return field("eq", html`<select id=${id("eq")} name=${`${path}:eq`} part="filter-input">
        <option value="" ?selected=${value("eq") === ""}>${i18n.t("ui.any")}</option>
        ${options.map((o) => html`<option value=${o.id} ?selected=${value("eq") === o.id}>${o.title}</option>`)}
      </select>`);
    }
    case "range":
      return html`${field("gte", html`<input id=${id("gte")} type=${control.input} name=${`${path}:gte`} part="filter-input" .value=${value("gte")} />`, i18n.t("ui.rangeFrom", "{label} from", { label }))}
      ${field("lte", html`<input id=${id("lte")} type=${control.input} name=${`${path}:lte`} part="filter-input" .value=${value("lte")} />`, i18n.t("ui.rangeTo", "{label} to", { label }))}`;
    case "text":
      return field("contains", html`<input id=${id("contains")} type="text" name=${`${path}:contains`} part="filter-input" .value=${value("contains")} />`);
  }
}

/**
 * The filters the form's controls say (empty ones left out).
 *
 * @example filtersFromForm(form) // { status: { eq: "sent" }, due: { gte: "2026-01-01" } }
 */
export function filtersFromForm(form: HTMLFormElement): Filters {
  const out: Record<string, Partial<Record<FilterOp, string>>> = {};
  for (const [name, value] of new FormData(form)) {
    const cut = name.lastIndexOf(":");
    if (cut < 0 || typeof value !== "string" || value === "") continue;
    const path = name.slice(0, cut);
    (out[path] ??= {})[name.slice(cut + 1) as FilterOp] = datetimeValue(form, name, value);
  }
  return out;
}

/** `datetime-local` inputs give local time without a zone; the API wants ISO in UTC. */
function datetimeValue(form: HTMLFormElement, name: string, value: string): string {
  const input = form.elements.namedItem(name);
  if (!(input instanceof HTMLInputElement) || input.type !== "datetime-local") return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
