/**
 * How a field's value reads in a list cell, a detail row or a kanban card, by the field's type and
 * in the session's locale. It returns a small description (text, badge, link, …) rather than
 * markup, so it stays a pure function: render-value.ts turns it into a template, and the tests
 * read it without a DOM.
 */
import { collectionOf } from "../core/paths.ts";
import type { WeaveSession } from "../core/session.ts";
import type { MetaEntity, MetaField, WeaveRecord } from "../client/index.ts";
import type { Translator } from "../core/i18n.ts";
import { fieldLabel, valueLabel } from "../core/labels.ts";

/** What the formatter needs besides the value. */
export interface FormatContext {
  readonly i18n: Translator;
  /** Finds an entity by name (a ref's target: its title field and collection). */
  readonly entity: (name: string) => MetaEntity | undefined;
  /** Where the app shell routes live (`/app`); refs become real links only when set. */
  readonly appBase?: string | undefined;
  /** The download URL of a stored file. */
  readonly fileUrl?: (key: string) => string;
}

/**
 * The format context of a session: its translator, entities, app base and file links.
 *
 * @example formatValue(formatContext(session), entity, field, record[field.name], record)
 */
export function formatContext(session: WeaveSession): FormatContext {
  return { i18n: session.i18n, entity: (name) => session.entity(name), appBase: session.appBase, fileUrl: (key) => session.client.fileUrl(key) };
}

/** A formatted value. */
export type Formatted =
  | { readonly kind: "empty"; readonly text: string }
  | { readonly kind: "text"; readonly text: string; readonly numeric?: boolean }
  /** A state: shown as a badge; `value` is the state's name, for styling per state. */
  | { readonly kind: "badge"; readonly text: string; readonly value: string }
  /** A related record: `href` only when the app shell routes records. */
  | { readonly kind: "ref"; readonly text: string; readonly entity: string; readonly id: string; readonly href?: string }
  | { readonly kind: "file"; readonly text: string; readonly href: string }
  | { readonly kind: "list"; readonly items: readonly Formatted[] };

/** The system properties every record has, typed so they format like fields. */
const SYSTEM_FIELDS: Readonly<Record<string, MetaField>> = {
  id: { name: "id", label: "ID", type: "uuid", required: true, readonly: true },
  version: { name: "version", label: "Version", type: "int", required: true, readonly: true },
  createdAt: { name: "createdAt", label: "Created at", type: "datetime", required: true, readonly: true },
  updatedAt: { name: "updatedAt", label: "Updated at", type: "datetime", required: true, readonly: true },
};

/** A field at a dotted path, with the entity and record it belongs to after following refs. */
export interface ResolvedPath {
  readonly entity: MetaEntity;
  readonly field: MetaField;
  /** The dotted path within `entity` (`address.city`), for labels. */
  readonly path: string;
  readonly value: unknown;
  readonly record: WeaveRecord | undefined;
}

/**
 * Follows a column path through a record: `total`, `address.city` (embedded), `customer.name`
 * (a ref, read from `_included`). Undefined when the path names no visible field.
 *
 * @example resolvePath(ctx, invoice, "customer.name", record)?.value // "Globex GmbH"
 */
export function resolvePath(ctx: Pick<FormatContext, "entity">, entity: MetaEntity, path: string, record: WeaveRecord | undefined): ResolvedPath | undefined {
  const [head = "", ...rest] = path.split(".");
  const field = entity.fields.find((f) => f.name === head) ?? SYSTEM_FIELDS[head];
  if (!field) return undefined;
  if (rest.length === 0) return { entity, field, path: head, value: record?.[head], record };
  if (field.type === "embedded") return resolveEmbedded(entity, field, rest, record);
  const target = field.to?.length === 1 ? ctx.entity(field.to[0]!) : undefined;
  if (!target || !isRelation(field)) return undefined;
  const included = record?._included?.[head];
  return resolvePath(ctx, target, rest.join("."), included && !Array.isArray(included) ? (included as WeaveRecord) : undefined);
}

function resolveEmbedded(entity: MetaEntity, field: MetaField, rest: readonly string[], record: WeaveRecord | undefined): ResolvedPath | undefined {
  let current: MetaField | undefined = field;
  let value: unknown = record?.[field.name];
  for (const name of rest) {
    current = current?.fields?.find((f) => f.name === name);
    value = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
  }
  return current ? { entity, field: current, path: [field.name, ...rest].join("."), value, record } : undefined;
}

const isRelation = (field: MetaField) => field.type === "ref" || field.type === "one" || field.type === "many" || field.type === "many-to-many";

/**
 * A column's heading: the field's label; a path through a ref reads "Customer › Name" unless it
 * ends at the target's title field, which is just "Customer".
 *
 * @example pathLabel(ctx, invoice, "customer.name") // "Customer"
 */
export function pathLabel(ctx: Pick<FormatContext, "entity" | "i18n">, entity: MetaEntity, path: string): string {
  const [head = ""] = path.split(".");
  const field = entity.fields.find((f) => f.name === head) ?? SYSTEM_FIELDS[head];
  if (!field) return path;
  const own = fieldLabel(ctx.i18n, entity, field);
  const resolved = resolvePath(ctx, entity, path, undefined);
  if (!resolved || resolved.field === field) return own;
  if (resolved.entity === entity) return fieldLabel(ctx.i18n, entity, resolved.field, resolved.path); // embedded
  if (resolved.field.name === resolved.entity.title) return own;
  return `${own} › ${fieldLabel(ctx.i18n, resolved.entity, resolved.field, resolved.path)}`;
}

/**
 * The value at `path` of `record`, formatted.
 *
 * @example formatPath(ctx, invoice, "total", { total: "1462.51" }) // { kind: "text", text: "€1,462.51", numeric: true }
 */
export function formatPath(ctx: FormatContext, entity: MetaEntity, path: string, record: WeaveRecord): Formatted {
  const resolved = resolvePath(ctx, entity, path, record);
  if (!resolved) return empty(ctx);
  return formatValue(ctx, resolved.entity, resolved.field, resolved.value, resolved.record);
}

/**
 * One field's value, formatted by its type. `record` gives refs their included record and money
 * without a fixed currency its currency.
 *
 * @example formatValue(ctx, invoice, statusField, "sent") // { kind: "badge", text: "Sent", value: "sent" }
 */
export function formatValue(ctx: FormatContext, entity: MetaEntity, field: MetaField, value: unknown, record?: WeaveRecord): Formatted {
  if (isRelation(field)) return formatRelation(ctx, field, value, record);
  if (value === null || value === undefined || value === "") return empty(ctx);
  const format = FORMATTERS[field.type] ?? formatText;
  return format(ctx, entity, field, value, record);
}

type Formatter = (ctx: FormatContext, entity: MetaEntity, field: MetaField, value: unknown, record: WeaveRecord | undefined) => Formatted;

const formatText: Formatter = (_ctx, _entity, _field, value) => ({ kind: "text", text: typeof value === "string" ? value : JSON.stringify(value) });

const formatNumber: Formatter = (ctx, _entity, field, value) => {
  const digits = field.type === "decimal" && field.scale !== undefined ? { minimumFractionDigits: field.scale, maximumFractionDigits: field.scale } : {};
  return { kind: "text", text: ctx.i18n.number(value as string | number, digits), numeric: true };
};

const formatMoney: Formatter = (ctx, _entity, field, value, record) => {
  const currency = field.currency ?? stringAt(record, field.currencyField) ?? stringAt(record, `${field.name}Currency`);
  return { kind: "text", text: ctx.i18n.money(value as string | number, currency), numeric: true };
};

const formatChoice: Formatter = (ctx, entity, field, value) => {
  const text = valueLabel(ctx.i18n, entity, field, String(value));
  return field.type === "state" ? { kind: "badge", text, value: String(value) } : { kind: "text", text };
};

const formatEmbedded: Formatter = (ctx, entity, field, value) => {
  const one = (item: unknown) =>
    (field.fields ?? [])
      .map((nested) => textOf(formatValue(ctx, entity, nested, (item as Record<string, unknown> | null)?.[nested.name])))
      .filter((text) => text && text !== ctx.i18n.t("ui.none"))
      .join(", ");
  const text = Array.isArray(value) ? value.map(one).filter(Boolean).join("; ") : one(value);
  return text ? { kind: "text", text } : empty(ctx);
};

const formatFile: Formatter = (ctx, _entity, _field, value) => {
  const file = value as { key?: string; name?: string; size?: number };
  if (!file.key) return empty(ctx);
  const url = ctx.fileUrl ?? ((key: string) => `/api/_files/${encodeURIComponent(key)}`);
  return { kind: "file", text: file.name ?? file.key, href: url(file.key) };
};

const JSON_PREVIEW = 120;

const FORMATTERS: Readonly<Record<string, Formatter>> = {
  int: formatNumber,
  decimal: formatNumber,
  money: formatMoney,
  date: (ctx, _e, _f, value) => ({ kind: "text", text: ctx.i18n.date(String(value)) }),
  datetime: (ctx, _e, _f, value) => ({ kind: "text", text: ctx.i18n.datetime(String(value)) }),
  boolean: (ctx, _e, _f, value) => ({ kind: "text", text: value === true ? ctx.i18n.t("ui.yes") : ctx.i18n.t("ui.no") }),
  enum: formatChoice,
  state: formatChoice,
  richtext: (ctx, _e, _f, value) => {
    const text = plainText(String(value));
    return text ? { kind: "text", text } : empty(ctx);
  },
  embedded: formatEmbedded,
  json: (_ctx, _e, _f, value) => {
    const text = JSON.stringify(value);
    return { kind: "text", text: text.length > JSON_PREVIEW ? `${text.slice(0, JSON_PREVIEW - 1)}…` : text };
  },
  file: formatFile,
};

/** A ref (its included record's title, linked) or a many relation (a list of them). */
function formatRelation(ctx: FormatContext, field: MetaField, value: unknown, record: WeaveRecord | undefined): Formatted {
  const included = record?._included?.[field.name];
  if (isRecordList(included)) return included.length ? { kind: "list", items: included.map((r: WeaveRecord) => refOf(ctx, field, r.id, r)) } : empty(ctx);
  if (value && typeof value === "object" && "id" in value) {
    const poly = value as { type?: string; id: string };
    return refOf(ctx, { ...field, to: poly.type ? [poly.type] : field.to }, poly.id, included ?? undefined);
  }
  const id = typeof value === "string" || typeof value === "number" ? String(value) : included?.id;
  return id === undefined ? empty(ctx) : refOf(ctx, field, id, included ?? undefined);
}

const isRecordList = (value: unknown): value is readonly WeaveRecord[] => Array.isArray(value);

function refOf(ctx: FormatContext, field: MetaField, id: string | undefined, included: WeaveRecord | undefined): Formatted {
  if (id === undefined) return empty(ctx);
  const target = field.to?.length === 1 ? ctx.entity(field.to[0]!) : undefined;
  const title = target && included ? included[target.title] : undefined;
  const text = title === undefined || title === null || title === "" ? id : String(title);
  const href = target && ctx.appBase !== undefined ? `${ctx.appBase}/${collectionOf(target)}/${encodeURIComponent(id)}` : undefined;
  return { kind: "ref", text, entity: target?.name ?? field.to?.[0] ?? "", id, ...(href ? { href } : {}) };
}

/** The last segment of an entity's path: `invoices`. */
export { collectionOf };

/** The text a formatted value reads as (for titles, sorting in cards, screen readers). */
export function textOf(formatted: Formatted): string {
  return formatted.kind === "list" ? formatted.items.map(textOf).join(", ") : formatted.text;
}

const empty = (ctx: FormatContext): Formatted => ({ kind: "empty", text: ctx.i18n.t("ui.none") });

function stringAt(record: WeaveRecord | undefined, name: string | undefined): string | undefined {
  const value = name ? record?.[name] : undefined;
  return typeof value === "string" && value ? value : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Rich text as plain text: markup, scripts and styles dropped, entities decoded, whitespace
 * collapsed. The result is shown as text (never as HTML), so nothing in it can run.
 *
 * @example plainText("<p>Hello <b>you</b> &amp; me</p><script>x()</script>") // "Hello you & me"
 */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|blockquote)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => decodeEntity(code) ?? whole)
    .replace(/\s+/g, " ")
    .trim();
}

function decodeEntity(code: string): string | undefined {
  if (code[0] !== "#") return ENTITIES[code.toLowerCase()];
  const point = code[1]?.toLowerCase() === "x" ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
  return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
}
