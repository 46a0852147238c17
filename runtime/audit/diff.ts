/**
 * What an audit entry says changed: the written fields whose values differ, before and after,
 * with personal data masked.
 */
import type { IREntity, IRField } from "../../compiler/ir/index.ts";
import { canonicalJson } from "./canonical.ts";

/** Stands for the value of a `pii` or `encrypted` field in the audit log. */
export const MASK = "***";

/** `changes` of an audit entry: the changed fields only. `before` is null on create, `after` on delete. */
export interface AuditChanges {
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
}

const STORED = new Set<IRField["storage"]>(["column", "foreignKey", "polymorphic", "jsonb"]);

/** The fields an audit entry records: stored and written by people or effects (computed values follow from them). */
const audited = (field: IRField): boolean => STORED.has(field.storage) && !field.computed;

/**
 * The fields of `entity` that differ between two records (record JSON, camelCase), `pii` and `encrypted`
 * ones as `"***"` (a value that is set; null stays null). A created record lists every field that is set,
 * a deleted one every field it had.
 *
 * @example
 *   auditChanges(customer, { name: "Acme", email: "a@x.io" }, { name: "Acme AG", email: "b@x.io" });
 *   // { before: { name: "Acme", email: "***" }, after: { name: "Acme AG", email: "***" } }
 */
export function auditChanges(entity: IREntity, before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null): AuditChanges {
  const old: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of entity.fields.filter(audited)) {
    const a = before?.[field.name] ?? null;
    const b = after?.[field.name] ?? null;
    if (before && after && canonicalJson(a) === canonicalJson(b)) continue;
    if (!before && b === null) continue;
    if (!after && a === null) continue;
    if (before) old[field.name] = mask(field, a);
    if (after) now[field.name] = mask(field, b);
  }
  return { before: before ? old : null, after: after ? now : null };
}

/** Whether nothing audited changed. */
export const isEmptyChange = (changes: AuditChanges): boolean =>
  Object.keys(changes.before ?? {}).length === 0 && Object.keys(changes.after ?? {}).length === 0;

const mask = (field: IRField, value: unknown): unknown => ((field.pii || field.encrypted) && value !== null ? MASK : value);
