/**
 * Texts and formats for the current locale. A text is looked up in the locale, then in the app's
 * default locale, then in weave's built-in messages, then the fallback the caller gives (the label
 * written in the model): the order spec/i18n.md describes.
 */
import type { Meta } from "../client/index.ts";
import { BUILT_IN } from "./messages.ts";

export interface Translator {
  readonly locale: string;
  /** `t("ui.save")`, `t("entity.Invoice.label", "Invoice")`, `t("ui.page", "", { n: 2 })` */
  t(key: string, fallback?: string, params?: Record<string, string | number>): string;
  number(value: number | string, options?: Intl.NumberFormatOptions): string;
  money(value: number | string, currency: string | undefined): string;
  date(value: string): string;
  datetime(value: string): string;
}

/**
 * A translator over the app's messages (from `_meta`).
 *
 * @example translator(meta, "de").t("entity.Invoice.label", "Invoice") // "Rechnung"
 */
export function translator(meta: Pick<Meta, "i18n" | "app"> | undefined, locale: string): Translator {
  const fallbackLocale = meta?.app.locales.default ?? "en";
  const lookup = (key: string): string | undefined =>
    meta?.i18n[locale]?.[key] ?? meta?.i18n[fallbackLocale]?.[key] ?? BUILT_IN[locale]?.[key] ?? BUILT_IN[base(locale)]?.[key] ?? BUILT_IN.en?.[key];
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const id = JSON.stringify(options);
    let format = numberFormats.get(id);
    if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return {
    locale,
    t: (key, fallback, params) => interpolate(lookup(key) ?? fallback ?? key, params),
    // Decimals arrive as strings ("19.00"): Intl formats numeric strings exactly since ES2023.
    number: (value, options = {}) => numberFormat(options).format(value as number),
    money: (value, currency) => (currency ? numberFormat({ style: "currency", currency }).format(value as number) : numberFormat({ minimumFractionDigits: 2 }).format(value as number)),
    date: (value) => safeFormat(dateFormat, `${value}T00:00:00Z`, value),
    datetime: (value) => safeFormat(dateTimeFormat, value, value),
  };
}

function base(locale: string): string {
  return locale.split("-")[0] ?? locale;
}

function safeFormat(format: Intl.DateTimeFormat, iso: string, raw: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? raw : format.format(date);
}

/** Replaces `{name}` placeholders; unknown ones stay as written so a missing value shows. */
function interpolate(text: string, params: Record<string, string | number> | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The best of the app's locales for this browser: a stored choice, else navigator.languages. */
export function preferredLocale(supported: readonly string[], fallback: string, stored: string | null): string {
  if (stored && supported.includes(stored)) return stored;
  for (const wanted of globalThis.navigator?.languages ?? []) {
    const match = supported.find((l) => l === wanted) ?? supported.find((l) => base(l) === base(wanted));
    if (match) return match;
  }
  return fallback;
}
