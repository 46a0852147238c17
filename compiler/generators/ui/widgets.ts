/**
 * Which web component edits and shows each field type: the one table the UI metadata, `weave
 * inspect` and the components share, so a tag name is written once. Imports nothing of weave's but
 * the IR's types, so any layer (components included) may import it.
 */
import type { FieldType } from "../../ir/index.ts";

/**
 * The widget tag per field type; null for `many`, which no input edits (it is shown as a list of
 * the related records, a tab of the detail view).
 *
 * @example FIELD_WIDGETS.money; // "weave-input-money"
 */
export const FIELD_WIDGETS = {
  string: "weave-input-text",
  email: "weave-input-text",
  url: "weave-input-text",
  slug: "weave-input-text",
  uuid: "weave-input-text",
  text: "weave-input-textarea",
  richtext: "weave-input-richtext",
  int: "weave-input-number",
  decimal: "weave-input-number",
  money: "weave-input-money",
  date: "weave-input-date",
  datetime: "weave-input-date",
  boolean: "weave-input-boolean",
  enum: "weave-input-select",
  state: "weave-input-select",
  ref: "weave-input-reference",
  one: "weave-input-reference",
  "many-to-many": "weave-input-references",
  many: null,
  json: "weave-input-json",
  embedded: "weave-input-embedded",
  file: "weave-input-file",
} as const satisfies Record<FieldType, string | null>;

/**
 * The tag of the widget for a field type.
 *
 * @example widgetFor("date"); // "weave-input-date"
 */
export function widgetFor(type: FieldType): string | null {
  return FIELD_WIDGETS[type];
}
