/**
 * Every message key the model gives a text to (spec/i18n.md#message-keys), with the text written
 * in the model: what `weave i18n extract` writes, and what a translator needs to translate.
 */
import { labelKey } from "../../../components/core/labels.ts";
import type { IR, IREntity, IRField } from "../../ir/index.ts";

/** A key and the model's own text for it. */
export interface MessageKey {
  readonly key: string;
  readonly text: string;
}

/**
 * The keys in a stable order: entities as written, each with its fields, states, transitions,
 * actions and rules; then roles and queries.
 *
 * @example messageKeys(ir)[0] // { key: "entity.Customer.label", text: "Customer" }
 */
export function messageKeys(ir: IR): MessageKey[] {
  const out: MessageKey[] = [];
  const add = (key: string, text: string | undefined) => {
    if (text !== undefined && text !== "") out.push({ key, text });
  };
  for (const entity of ir.entities.filter((e) => !e.generated)) entityKeys(entity, add);
  for (const role of ir.roles) {
    add(`role.${role.name}.label`, role.label);
    add(`role.${role.name}.description`, role.description);
  }
  for (const query of ir.queries) {
    add(`query.${query.name}.label`, (query as { label?: string }).label ?? words(query.name));
    for (const param of query.params) fieldTexts(`query.${query.name}.param.${param.name}`, param, add);
  }
  return out;
}

type Add = (key: string, text: string | undefined) => void;

function entityKeys(entity: IREntity, add: Add): void {
  const base = `entity.${entity.name}`;
  add(`${base}.label`, entity.label);
  add(`${base}.plural`, entity.plural);
  add(`${base}.description`, entity.description);
  for (const field of entity.fields) {
    fieldTexts(`${base}.field.${field.name}`, field, add);
    for (const nested of field.embedded?.fields ?? []) fieldTexts(`${base}.field.${field.name}.${nested.name}`, nested, add);
    if (field.type === "enum") for (const value of field.values ?? []) add(`enum.${entity.name}.${field.name}.${value.value}`, value.label);
  }
  for (const machine of entity.states) {
    for (const state of machine.states) add(`state.${entity.name}.${machine.name}.${state.name}`, state.label);
    for (const transition of machine.transitions) add(`transition.${entity.name}.${machine.name}.${transition.name}`, transition.label);
  }
  for (const action of entity.actions) {
    add(`action.${entity.name}.${action.name}.label`, action.label);
    add(`action.${entity.name}.${action.name}.description`, action.description);
    for (const input of action.input ?? []) fieldTexts(`action.${entity.name}.${action.name}.input.${input.name}`, input, add);
    if (action.output?.kind === "fields") for (const output of action.output.fields) add(`action.${entity.name}.${action.name}.output.${output.name}.label`, output.label);
  }
  for (const rule of entity.rules) add(`rule.${entity.name}.${rule.name}`, rule.message);
  // View sections and tabs, by their label as a key (the same label in two views is one text).
  const sections = [...entity.views.detail.sections, ...entity.views.form.sections];
  for (const label of new Set(sections.map((section) => section.label).filter((l): l is string => !!l))) add(`${base}.section.${labelKey(label)}`, label);
  for (const tab of entity.views.detail.tabs) if (tab.label && !("audit" in tab && tab.audit)) add(`${base}.tab.${labelKey(tab.label)}`, tab.label);
}

function fieldTexts(prefix: string, field: IRField, add: Add): void {
  add(`${prefix}.label`, field.label);
  add(`${prefix}.description`, field.description);
  add(`${prefix}.help`, field.help);
  add(`${prefix}.placeholder`, field.placeholder);
}

/** `overdueInvoices` -> "Overdue invoices": the name in words, as labels default to. */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
