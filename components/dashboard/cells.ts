/** How a saved query's columns and values read, for charts, tables and numbers. */
import type { Translator } from "../core/i18n.ts";

/** A column of a saved query's answer (spec/query.md#running-a-saved-query). */
export interface QueryColumn {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly currency?: string;
  /** An enum's or state's values with their labels. */
  readonly values?: readonly { readonly value: string; readonly label: string }[];
}

/** The rows of a saved query. */
export interface QueryAnswer {
  readonly columns: readonly QueryColumn[];
  readonly data: readonly Record<string, unknown>[];
}

export const columnLabel = (_i18n: Translator, column: QueryColumn) => column.label;

/** A value as text in the locale: money with its currency, dates, numbers. */
export function cellText(i18n: Translator, column: QueryColumn, value: unknown): string {
  if (value === null || value === undefined || value === "") return i18n.t("ui.none");
  switch (column.type) {
    case "money":
      return i18n.money(value as string, column.currency);
    case "decimal":
    case "int":
    case "integer":
    case "number":
      return i18n.number(value as number);
    case "date":
      return i18n.date(String(value));
    case "datetime":
      return i18n.datetime(String(value));
    case "boolean":
      return value ? i18n.t("ui.yes") : i18n.t("ui.no");
    default:
      return column.values?.find((v) => v.value === value)?.label ?? String(value);
  }
}

/** A value as a number for a chart ("142.80" -> 142.8; anything else 0). */
export function numeric(value: unknown): number {
  const n = typeof value === "number" ? value : Number.parseFloat(String(value ?? ""));
  return Number.isFinite(n) ? n : 0;
}
