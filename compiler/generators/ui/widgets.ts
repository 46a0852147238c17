/**
 * Which web component edits and shows each field type, for `weave inspect`: the components' own
 * table (components/core/widget-table.ts, pure data), checked here against every field type of the
 * IR, so a new field type fails the type check until it has a widget.
 */
import { DEFAULT_WIDGETS } from "../../../components/core/widget-table.ts";
import type { FieldType } from "../../ir/index.ts";

/**
 * The widget tag per field type; null for `many`, which no input edits (it is shown as a list of
 * the related records, a tab of the detail view).
 *
 * @example FIELD_WIDGETS.money; // "weave-input-money"
 */
export const FIELD_WIDGETS = DEFAULT_WIDGETS satisfies Record<FieldType, string | null>;

/**
 * The tag of the widget for a field type.
 *
 * @example widgetFor("date"); // "weave-input-date"
 */
export function widgetFor(type: FieldType): string | null {
  return FIELD_WIDGETS[type];
}
