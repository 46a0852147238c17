/** `i18n/<locale>.yaml`: the texts of one locale, by dotted message key. */
import { doc, map, ref, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

export const i18nDefinitions: Record<string, Schema> = {
  messageKey: {
    title: "MessageKey",
    ...doc(
      "A dotted message key, like `entity.Invoice.field.due.label` or `state.Invoice.lifecycle.draft`. See " +
        "spec/i18n.md for the keys weave looks up.",
    ),
    type: "string",
    pattern: "^[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*$",
    patternErrorMessage: "Message keys are words joined by dots, like `entity.Invoice.field.due.label`",
  },
};

/** The root of i18n.schema.json. */
export const i18n: RootSpec = {
  kind: "i18n",
  title: "I18nSpec",
  doc:
    "The messages of one locale (`i18n/<locale>.yaml`; the file name gives the locale). A key missing here falls " +
    "back to the default locale, then to the label written in the model. See spec/i18n.md.",
  required: ["messages"],
  properties: {
    locale: ref("locale", "The locale, e.g. `de` or `pt-BR`. Optional: it must equal the file name when given."),
    messages: map(
      "Message key -> text. Texts may hold ICU placeholders such as `{count}`.",
      "messageKey",
      { type: "string" },
      {
        examples: [{ "entity.Invoice.label": "Rechnung", "state.Invoice.lifecycle.draft": "Entwurf" }],
        defaultSnippets: [
          { label: "entity label", body: { "entity.${1:Invoice}.label": "${2:Invoice}" } },
          { label: "field label", body: { "entity.${1:Invoice}.field.${2:due}.label": "${3:Due on}" } },
          { label: "state label", body: { "state.${1:Invoice}.${2:lifecycle}.${3:draft}": "${4:Draft}" } },
        ],
      },
    ),
  },
};
