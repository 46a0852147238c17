/**
 * Which element edits each field type: weave's own widgets, before any `registerWidget`. Pure
 * data, so the inspector (compiler/generators/ui/widgets.ts) reads the same table; `null` for
 * `many`, which no input edits (its records show as a related list).
 *
 * @example DEFAULT_WIDGETS.money // "weave-input-money"
 */
export const DEFAULT_WIDGETS = {
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
} as const;
