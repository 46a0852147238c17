/**
 * What a `<weave-list>` asks the API for: the list view's settings from `_meta`, overridden by the
 * element's attributes, plus what the user chose (filters, sort, search, page). Pure functions,
 * so the query a list sends is tested without a browser.
 */
import type { Filters, FilterOp, ListParams, MetaEntity, MetaField } from "../client/index.ts";

/** The list view after the element's overrides. */
export interface ListSettings {
  readonly columns: readonly string[];
  readonly filters: readonly string[];
  readonly sort: readonly string[];
  readonly pageSize: number | undefined;
  readonly search: boolean;
}

/** The attributes that override the view. */
export interface ListOverrides {
  /** Comma or space separated paths. */
  readonly columns?: string | undefined;
  readonly pageSize?: number | undefined;
  /** `-issued,number` */
  readonly sort?: string | undefined;
}

const splitList = (text: string | undefined) => (text ?? "").split(/[\s,]+/).filter(Boolean);

/**
 * The list view with the element's overrides applied. Unknown column names are dropped: `_meta`
 * leaves out fields the user may not see, and a page must not bring them back.
 *
 * @example listSettings(invoice, { columns: "number,total", pageSize: 5 }).columns // ["number", "total"]
 */
export function listSettings(entity: MetaEntity, overrides: ListOverrides = {}): ListSettings {
  const view = entity.views.list;
  const known = (path: string) => entity.fields.some((f) => f.name === path.replace(/^-/, "").split(".")[0]) || SYSTEM.has(path.replace(/^-/, ""));
  const columns = overrides.columns ? splitList(overrides.columns).filter(known) : view.columns;
  const sort = overrides.sort ? splitList(overrides.sort).filter(known) : [];
  return {
    columns: columns.length ? columns : view.columns,
    filters: view.filters,
    sort,
    pageSize: overrides.pageSize ?? view.pageSize,
    search: entity.search === true,
  };
}

const SYSTEM = new Set(["id", "createdAt", "updatedAt", "version"]);
const OPS: readonly FilterOp[] = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "contains", "startsWith", "isNull"];
type FilterValue = Filters[string][FilterOp];

/**
 * Fixed filters from the element: the `filter` attribute (JSON: `{"status":"sent"}` or
 * `{"due":{"gte":"2026-01-01"}}`) and `filter-<path>` attributes (`filter-customer="<id>"`,
 * `filter-due="gte:2026-01-01"`). Attribute names are lower case, so paths match any case.
 *
 * @example fixedFilters(invoice, '{"status":"sent"}', [["filter-customer", "9f0e…"]])
 *   // { status: { eq: "sent" }, customer: { eq: "9f0e…" } }
 */
export function fixedFilters(entity: MetaEntity, json: string | undefined, attributes: Iterable<readonly [string, string]>): Filters {
  const out: Record<string, Partial<Record<FilterOp, FilterValue>>> = {};
  const add = (path: string, op: FilterOp, value: FilterValue) => ((out[path] ??= {})[op] = value);
  for (const [path, spec] of Object.entries(parseJson(json))) {
    if (spec && typeof spec === "object" && !Array.isArray(spec)) {
      for (const [op, value] of Object.entries(spec as Record<string, unknown>)) if (isOp(op)) add(path, op, value as FilterValue);
    } else if (spec !== undefined && spec !== null) add(path, "eq", spec as FilterValue);
  }
  for (const [name, raw] of attributes) {
    if (!name.startsWith("filter-")) continue;
    const path = pathCase(entity, name.slice("filter-".length));
    const match = /^(\w+):([\s\S]*)$/.exec(raw);
    if (match && isOp(match[1]!)) add(path, match[1], match[2]!);
    else add(path, "eq", raw);
  }
  return out;
}

const isOp = (op: string): op is FilterOp => (OPS as readonly string[]).includes(op);

function parseJson(json: string | undefined): Record<string, unknown> {
  if (!json?.trim()) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {}; // a malformed attribute filters nothing rather than breaking the page
  }
}

/** `paidon` → `paidOn`, `address.city` stays: the model's spelling of a lower-cased path. */
function pathCase(entity: MetaEntity, lower: string): string {
  const [head = "", ...rest] = lower.split(".");
  const field = entity.fields.find((f) => f.name.toLowerCase() === head) ?? [...SYSTEM].map((name) => ({ name })).find((f) => f.name.toLowerCase() === head);
  return [field?.name ?? head, ...rest].join(".");
}

/** What the user chose in the list. */
export interface ListChoices {
  readonly filters: Filters;
  /** The user's sort (one path, `-` for descending), else the settings' sort, else the server's. */
  readonly sort: string | undefined;
  readonly q: string;
  /** The cursor of the page shown (undefined for the first). */
  readonly after: string | undefined;
}

/**
 * The parameters of the list request.
 *
 * @example listParams(settings, fixed, { filters: {}, sort: "-due", q: "", after: undefined }, ["customer"])
 */
export function listParams(settings: ListSettings, fixed: Filters, choices: ListChoices, include: readonly string[]): ListParams {
  const filter = mergeFilters(fixed, choices.filters);
  const sort = choices.sort ? [choices.sort] : settings.sort;
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(sort.length ? { sort } : {}),
    ...(settings.pageSize ? { size: settings.pageSize } : {}),
    ...(choices.after ? { after: choices.after } : {}),
    ...(include.length ? { include } : {}),
    ...(settings.search && choices.q.trim() ? { q: choices.q.trim() } : {}),
    count: true,
  };
}

/** Both sets of filters; the fixed one wins where both set the same operator. */
export function mergeFilters(fixed: Filters, chosen: Filters): Filters {
  const out: Record<string, Partial<Record<FilterOp, FilterValue>>> = {};
  for (const source of [chosen, fixed]) {
    for (const [path, ops] of Object.entries(source)) {
      const kept = Object.entries(ops).filter(([, v]) => v !== undefined && v !== "");
      if (kept.length) out[path] = { ...out[path], ...Object.fromEntries(kept) };
    }
  }
  return out;
}

/**
 * The relations to include so every column can show its record's title: the first segment of
 * each path that is a ref, one or many field.
 *
 * @example includesFor(invoice, ["number", "customer", "customer.name"]) // ["customer"]
 */
export function includesFor(entity: MetaEntity, paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const field = entity.fields.find((f) => f.name === path.split(".")[0]);
    if (field && (field.type === "ref" || field.type === "one" || field.type === "many" || field.type === "many-to-many")) out.add(field.name);
  }
  return [...out];
}

const UNSORTABLE = new Set(["json", "file", "embedded", "many", "many-to-many"]);

/**
 * The sort key of a column, or undefined when the API cannot sort by it. A ref sorts by its
 * target's title (`customer.name`), which is what the cell shows.
 *
 * @example sortKey(invoice, "customer", (n) => meta.entities.find((e) => e.name === n)) // "customer.name"
 */
export function sortKey(entity: MetaEntity, path: string, entityByName: (name: string) => MetaEntity | undefined): string | undefined {
  const [head = ""] = path.split(".");
  if (SYSTEM.has(head)) return path;
  const field = entity.fields.find((f) => f.name === head);
  if (!field || field.many) return undefined;
  if (path.includes(".")) return field.type === "embedded" && field.array ? undefined : path;
  if (UNSORTABLE.has(field.type)) return undefined;
  if ((field.type === "ref" || field.type === "one") && field.to?.length === 1) {
    const target = entityByName(field.to[0]!);
    return target && target.title !== "id" && target.fields.some((f) => f.name === target.title) ? `${path}.${target.title}` : path;
  }
  return path;
}

/** The next sort when a column header is activated: ascending, then descending, then the view's. */
export function nextSort(current: string | undefined, key: string): string | undefined {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return undefined;
  return key;
}

/** The kind of control a filter path gets. */
export type FilterControl =
  | { readonly kind: "select"; readonly field: MetaField; readonly options: readonly string[] }
  | { readonly kind: "range"; readonly field: MetaField; readonly input: "date" | "datetime-local" | "number" }
  | { readonly kind: "ref"; readonly field: MetaField }
  | { readonly kind: "boolean"; readonly field: MetaField }
  | { readonly kind: "text"; readonly field: MetaField };

/**
 * The filter control for a path: enum and state get a select of their values, refs a select of
 * the target's records, dates and numbers a from/to range, booleans yes/no, the rest "contains".
 *
 * @example filterControl(invoice, "status")?.kind // "select"
 */
export function filterControl(entity: MetaEntity, path: string, entityByName: (name: string) => MetaEntity | undefined): FilterControl | undefined {
  const [head = "", ...rest] = path.split(".");
  let field: MetaField | undefined = entity.fields.find((f) => f.name === head);
  if (field && rest.length) field = field.type === "embedded" ? nested(field, rest) : viaRef(field, rest, entityByName);
  if (!field) return undefined;
  switch (field.type) {
    case "enum":
      return { kind: "select", field, options: (field.values ?? []).map((v) => v.value) };
    case "state": {
      const machine = entity.states.find((m) => m.field === field.name);
      return { kind: "select", field, options: machine ? machine.states.map((s) => s.name) : (field.values ?? []).map((v) => v.value) };
    }
    case "ref":
    case "one":
      return { kind: "ref", field };
    case "date":
      return { kind: "range", field, input: "date" };
    case "datetime":
      return { kind: "range", field, input: "datetime-local" };
    case "int":
    case "decimal":
    case "money":
      return { kind: "range", field, input: "number" };
    case "boolean":
      return { kind: "boolean", field };
    case "json":
    case "file":
    case "embedded":
    case "many":
    case "many-to-many":
      return undefined;
    default:
      return { kind: "text", field };
  }
}

function nested(field: MetaField, rest: readonly string[]): MetaField | undefined {
  let current: MetaField | undefined = field;
  for (const name of rest) current = current?.fields?.find((f) => f.name === name);
  return current;
}

function viaRef(field: MetaField, rest: readonly string[], entityByName: (name: string) => MetaEntity | undefined): MetaField | undefined {
  const target = field.to?.length === 1 ? entityByName(field.to[0]!) : undefined;
  return target && rest.length === 1 ? target.fields.find((f) => f.name === rest[0]) : undefined;
}
