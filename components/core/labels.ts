/** The texts of model elements for the current locale: i18n key first, the model's label after. */
import type { MetaEntity, MetaField } from "../client/index.ts";
import type { Translator } from "./i18n.ts";

export const entityLabel = (i18n: Translator, entity: MetaEntity) => i18n.t(`entity.${entity.name}.label`, entity.label);
export const entityPlural = (i18n: Translator, entity: MetaEntity) => i18n.t(`entity.${entity.name}.plural`, entity.plural);

/** A field's label; `path` is the dotted path for embedded fields (`address.city`). */
export function fieldLabel(i18n: Translator, entity: MetaEntity, field: MetaField, path = field.name): string {
  return i18n.t(`entity.${entity.name}.field.${path}.label`, field.label);
}

export function fieldHelp(i18n: Translator, entity: MetaEntity, field: MetaField, path = field.name): string | undefined {
  const help = i18n.t(`entity.${entity.name}.field.${path}.help`, field.help ?? "");
  return help || undefined;
}

/** An enum value's or a state's label. */
export function valueLabel(i18n: Translator, entity: MetaEntity, field: MetaField, value: string): string {
  const written = field.values?.find((v) => v.value === value)?.label ?? value;
  if (field.type === "state") {
    const machine = entity.states.find((m) => m.field === field.name);
    const state = machine?.states.find((s) => s.name === value);
    return machine ? i18n.t(`state.${entity.name}.${machineName(entity, field.name)}.${value}`, state?.label ?? written) : written;
  }
  return i18n.t(`enum.${entity.name}.${field.name}.${value}`, written);
}

export function transitionLabel(i18n: Translator, entity: MetaEntity, transition: MetaEntity["transitions"][number]): string {
  return i18n.t(`transition.${entity.name}.${transition.machine ?? ""}.${transition.name}`, transition.label);
}

export function actionLabel(i18n: Translator, entity: MetaEntity, action: MetaEntity["actions"][number]): string {
  return i18n.t(`action.${entity.name}.${action.name}.label`, action.label);
}

function machineName(entity: MetaEntity, field: string): string {
  return entity.states.find((m) => m.field === field)?.machine ?? field;
}

/** The field by a dotted path (`customer.name` gives Invoice's `customer`). */
export function fieldAt(entity: MetaEntity, path: string): MetaField | undefined {
  return entity.fields.find((f) => f.name === path.split(".")[0]);
}

/** A label as a message key segment: "Tax and notes" -> "taxAndNotes". */
export function labelKey(label: string): string {
  const words = label.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join("") || "section";
}

/** A view section's legend or heading: `entity.<Entity>.section.<label as key>`, else as written. */
export function sectionLabel(i18n: Translator, entity: MetaEntity, label: string): string {
  return i18n.t(`entity.${entity.name}.section.${labelKey(label)}`, label);
}

/** A detail tab's label: `entity.<Entity>.tab.<label as key>`, else a relation's field label, else as written. */
export function tabLabel(i18n: Translator, entity: MetaEntity, tab: { readonly label: string; readonly relation?: string }): string {
  const fallback = tab.relation ? i18n.t(`entity.${entity.name}.field.${tab.relation}.label`, tab.label) : tab.label;
  return i18n.t(`entity.${entity.name}.tab.${labelKey(tab.label)}`, fallback);
}
