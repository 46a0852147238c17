/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A BCP 47 language tag: a language code, optionally with a region or script, like en, de or pt-BR.
 *
 * This interface was referenced by `I18nSpec`'s JSON-Schema
 * via the `definition` "locale".
 */
export type Locale = string;
/**
 * A dotted message key, like entity.Invoice.field.due.label or state.Invoice.lifecycle.draft. See spec/i18n.md for the keys weave looks up.
 *
 * This interface was referenced by `I18nSpec`'s JSON-Schema
 * via the `definition` "messageKey".
 */
export type MessageKey = string;

/**
 * The messages of one locale (i18n/<locale>.yaml; the file name gives the locale). A key missing here falls back to the default locale, then to the label written in the model. See spec/i18n.md.
 */
export interface I18nSpec {
  /**
   * The locale, e.g. de or pt-BR. Optional: it must equal the file name when given.
   */
  locale?: Locale;
  /**
   * Message key -> text. Texts may hold ICU placeholders such as {count}.
   */
  messages: {
    [k: string]: string | undefined;
  };
}
