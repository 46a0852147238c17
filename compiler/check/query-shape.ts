/**
 * The shape of a saved query: its columns in order (name, label, operand, type), whether it groups
 * rows, and its group keys, from the spec as written. The checker reports against it; the lowering
 * writes it into the IR (`columns`, `groupBy`, `orderBy`, `having`, `aggregate`).
 */
import type { QueryOperand } from "../ir/index.ts";
import type { FieldSpecLike, Model } from "./model.ts";
import { SYSTEM_FIELDS } from "./paths.ts";
import { defaultColumnName, parseColumn } from "./query-columns.ts";

export interface ShapeColumn {
  readonly name: string;
  readonly label: string;
  readonly value: QueryOperand;
  readonly type: string;
  /** Where it was written: its index in `select`, or undefined for a column the query adds (the id, a default). */
  readonly index?: number;
  /** The field at the end of its path, when it reads one. */
  readonly field?: FieldSpecLike | "system";
}

export interface QueryShape {
  readonly columns: readonly ShapeColumn[];
  readonly grouped: boolean;
  readonly groupBy: readonly QueryOperand[];
}

const SYSTEM_TYPES: Record<string, string> = { id: "uuid", createdAt: "datetime", updatedAt: "datetime", createdBy: "uuid", updatedBy: "uuid", version: "int" };

/**
 * The shape of the query `spec` over entity `from`.
 *
 * @example queryShape(model, "Invoice", { select: ["status", "count()"], groupBy: ["status"] }).columns.map((c) => c.name) // ["status", "count"]
 */
export function queryShape(model: Model, from: string, spec: Record<string, unknown>): QueryShape {
  const written = (spec.select as string[] | undefined)?.map((text, index) => ({ parsed: parseColumn(text), index }));
  const groupBy = ((spec.groupBy ?? []) as string[]).map((text) => parseColumn(text)?.operand).filter((o): o is QueryOperand => o !== undefined);
  const grouped = groupBy.length > 0 || (written ?? []).some((w) => w.parsed && "agg" in w.parsed.operand);
  const columns: ShapeColumn[] = [];
  if (!written) {
    if (model.entities.get(from)?.spec.id !== "none") columns.push(column(model, from, { field: "id" }));
    const fields = model.entities.get(from)?.spec.fields ?? {};
    for (const [name, field] of Object.entries(fields)) {
      if (["many", "many-to-many", "one"].includes(field.type) || field.encrypted === true || Array.isArray(field.to)) continue;
      columns.push(column(model, from, { field: name }));
    }
    return { columns, grouped, groupBy };
  }
  const selected = new Set(written.map((w) => w.parsed && JSON.stringify(w.parsed.operand)));
  // Group keys lead when not selected (the runtime does the same), and records carry their id.
  for (const key of groupBy) if (!selected.has(JSON.stringify(key))) columns.push(column(model, from, key));
  if (!grouped && model.entities.get(from)?.spec.id !== "none" && !selected.has(JSON.stringify({ field: "id" }))) columns.push(column(model, from, { field: "id" }));
  for (const { parsed, index } of written) if (parsed) columns.push({ ...column(model, from, parsed.operand, parsed.alias), index });
  return { columns, grouped, groupBy };
}

function column(model: Model, from: string, value: QueryOperand, alias?: string): ShapeColumn {
  const path = "field" in value ? value.field : undefined;
  const field = path ? fieldAt(model, from, path) : undefined;
  const fieldType = field === "system" ? SYSTEM_TYPES[path!.split(".").pop()!] ?? "uuid" : field?.type ?? "string";
  const fieldLabel = field && field !== "system" && typeof field.label === "string" ? field.label : words(path?.split(".").pop() ?? "count");
  const name = alias ?? defaultColumnName(value);
  const base = { name, value, ...(field ? { field } : {}) };
  if ("agg" in value) {
    const type = value.agg === "count" ? "int" : value.agg === "avg" ? "decimal" : fieldType;
    return { ...base, type, label: alias ? words(alias) : value.agg === "count" && !path ? "Count" : `${fieldLabel} (${value.agg})` };
  }
  if ("bucket" in value) return { ...base, type: "date", label: alias ? words(alias) : `${fieldLabel} (${value.bucket})` };
  return { ...base, type: fieldType, label: alias ? words(alias) : fieldLabel };
}

/** The field a dotted path ends at (following ref and one, and embedded objects), "system", or undefined. */
export function fieldAt(model: Model, from: string, path: string): FieldSpecLike | "system" | undefined {
  let fields = model.entities.get(from)?.spec.fields;
  const segments = path.split(".");
  for (const [i, name] of segments.entries()) {
    const field = fields?.[name];
    if (!field) return i === segments.length - 1 && (SYSTEM_FIELDS as readonly string[]).includes(name) ? "system" : undefined;
    if (i === segments.length - 1) return field;
    fields = field.type === "embedded" ? (field.fields as Record<string, FieldSpecLike>) : typeof field.to === "string" ? model.entities.get(field.to)?.spec.fields : undefined;
  }
  return undefined;
}

/** `revenue` -> `Revenue`, `customerName` -> `Customer name`. */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
