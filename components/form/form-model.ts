/**
 * What `<weave-form>` decides without a DOM: which fields it shows in which section, which of
 * them the user may change, and the body it sends (all set fields on create; only the changed
 * ones on update). Pure functions, unit-tested.
 */
import type { Can, MetaEntity, MetaField, WeaveRecord } from "../client/index.ts";

export interface FormSection {
  readonly label?: string;
  readonly fields: readonly MetaField[];
}

/** Relations edited elsewhere (their own records), never in the record's body. */
const NOT_IN_BODY = new Set(["many", "many-to-many"]);

/**
 * The sections of an entity's form view, with only fields `_meta` has (the others are hidden from
 * this user and never appear), empty sections dropped.
 *
 * @example formSections(invoice).map((s) => s.fields.map((f) => f.name)) // [["number", "customer", "issued", "due"], ["taxRate", "notes"]]
 */
export function formSections(entity: MetaEntity): FormSection[] {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const sections = entity.views.form.sections.length > 0 ? entity.views.form.sections : [{ fields: entity.fields.filter((f) => !f.readonly).map((f) => f.name) }];
  return sections
    .map((s) => ({
      ...(s.label ? { label: s.label } : {}),
      fields: s.fields.map((name) => byName.get(name)).filter((f): f is MetaField => f !== undefined && !NOT_IN_BODY.has(f.type)),
    }))
    .filter((s) => s.fields.length > 0);
}

/**
 * Whether the user may change a field: it is not read-only (computed, a state, `readonly`) and,
 * on an existing record, the server lists it in `_can.fields`.
 */
export function isEditable(field: MetaField, can: Can | undefined, existing: boolean): boolean {
  if (field.readonly || NOT_IN_BODY.has(field.type)) return false;
  if (!existing) return true;
  return !!can?.update && can.fields.includes(field.name);
}

/** Whether a value counts as not given. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/**
 * The body of a POST: every editable field that has a value (the server fills in defaults).
 *
 * @example createBody({ number: "INV-1", notes: "" }, ["number", "notes"]) // { number: "INV-1" }
 */
export function createBody(values: Readonly<Record<string, unknown>>, editable: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(editable.filter((name) => !isEmpty(values[name])).map((name) => [name, values[name]]));
}

/**
 * The body of a PATCH: the editable fields whose value differs from the record's, an emptied one as null.
 *
 * @example updateBody({ notes: "a", due: "2026-02-01" }, { notes: "b", due: "2026-02-01" }, ["notes", "due"]) // { notes: "b" }
 */
export function updateBody(record: WeaveRecord, values: Readonly<Record<string, unknown>>, editable: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(editable.filter((name) => !sameValue(record[name], values[name])).map((name) => [name, isEmpty(values[name]) ? null : values[name]]));
}

/** The record's values for the form's fields. */
export function initialValues(record: WeaveRecord | undefined, fields: readonly MetaField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, record?.[f.name] ?? null]));
}
