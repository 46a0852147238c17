/**
 * Which element edits and shows each field type. Apps replace any widget with their own element
 * (`registerWidget("money", "my-money-input")`) before the forms render; a widget is any
 * form-associated custom element with `value`, `name`, `field` (the MetaField) and `readonly`.
 */
import type { MetaField } from "../client/index.ts";
import { loadOptionalWidget } from "./optional.ts";
import { DEFAULT_WIDGETS } from "./widget-table.ts";

const BUILT_IN: Readonly<Record<string, string | null>> = DEFAULT_WIDGETS;

const overrides = new Map<string, string>();

/**
 * Uses `tagName` for every field of `type` (a field type such as `money`, or `Entity.field` for
 * one field).
 *
 * @example registerWidget("money", "acme-money-input");
 */
export function registerWidget(type: string, tagName: string): void {
  if (!tagName.includes("-")) throw new Error(`registerWidget: "${tagName}" is not a custom element name`);
  overrides.set(type, tagName);
}

/**
 * The element name for a field: a per-field override, a per-type one, then weave's own. Asking
 * for an optional widget (rich text) starts loading it.
 */
export function widgetTag(field: MetaField, entity?: string): string {
  const tag = (entity && overrides.get(`${entity}.${field.name}`)) ?? overrides.get(field.type) ?? BUILT_IN[field.type] ?? "weave-input-text";
  loadOptionalWidget(tag);
  return tag;
}

const views = new Map<string, string>();

/** The generated pieces an app may replace per entity. */
export type ViewKind = "list" | "detail" | "form" | "kanban";

/**
 * Uses `tagName` instead of weave's element for one entity's list, detail, form or kanban; the
 * element gets the same attributes (`entity`, `record-id`, …).
 *
 * @example registerView("Invoice", "detail", "acme-invoice-detail");
 */
export function registerView(entity: string, kind: ViewKind, tagName: string): void {
  if (!tagName.includes("-")) throw new Error(`registerView: "${tagName}" is not a custom element name`);
  views.set(`${entity}.${kind}`, tagName);
}

/** The element to render for an entity's view. */
export function viewTag(entity: string, kind: ViewKind): string {
  return views.get(`${entity}.${kind}`) ?? `weave-${kind}`;
}
