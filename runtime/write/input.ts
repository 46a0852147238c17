/**
 * A request body (record JSON, camelCase) as column values: money and decimals as exact strings,
 * refs as ids, polymorphic refs `{ type, id }` as two columns, embedded and json as jsonb. The
 * route's schema has validated the body; this adds what only the model knows (read-only fields,
 * states, scale) and never lets a value reach SQL except as a parameter.
 */
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";
import { sealColumn } from "../crypto/fields.ts";
import { recordField, type RecordField } from "../records/record-fields.ts";
import { unprocessable, type ProblemItem } from "../server/errors.ts";

/**
 * One column to write: its value, and the SQL type its parameter is cast to. JSON goes as text
 * cast to jsonb (`$1::text::jsonb`): postgres.js would JSON-encode a string bound as jsonb again.
 */
export interface ColumnValue {
  readonly column: string;
  readonly value: unknown;
  readonly cast: string;
}

/** `seed`: seed data (runtime/seed), which may also set states and read-only fields directly. */
export type WriteKind = "create" | "update" | "seed";

/** System fields a body may carry: the id of a new record (uuid ids), the version it was read at (PATCH). */
const ALLOWED_SYSTEM: Readonly<Record<WriteKind, readonly string[]>> = { create: ["id"], update: ["version"], seed: ["id"] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The columns a body writes, or a 422 listing every field it cannot write (with its path).
 *
 * @example
 *   inputColumns(ir, invoice, { number: "INV-2026-0001", customer: "6f1c…", taxRate: "7.5" }, "create");
 *   // [{ column: "number", value: "INV-2026-0001", cast: "text" }, { column: "customer_id", value: "6f1c…", cast: "uuid" },
 *   //  { column: "tax_rate", value: "7.5", cast: "numeric" }]
 */
export function inputColumns(ir: IR, entity: IREntity, body: Readonly<Record<string, unknown>>, kind: WriteKind): ColumnValue[] {
  const columns: ColumnValue[] = [];
  const problems: ProblemItem[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const problem = (message: string, code = "invalid") => problems.push({ path: `/${name}`, message, code });
    const currencyOf = currencyBase(ir, entity, name);
    if (currencyOf) {
      if (value !== null && (typeof value !== "string" || !CURRENCY.test(value))) problem("not an ISO 4217 currency code (three capital letters)");
      else columns.push({ column: currencyOf.currencyColumn!, value, cast: "text" });
      continue;
    }
    const field = recordField(ir, entity, name);
    if (!field) {
      problem(`${entity.name} has no field '${name}'`, "unknown");
      continue;
    }
    if (field.source === "system") {
      if (!ALLOWED_SYSTEM[kind].includes(name) || (name === "id" && entity.id !== "uuid")) problem(`${name} is set by weave, not by a request`, "readOnly");
      else if (name === "id") {
        if (typeof value !== "string" || !UUID.test(value)) problem("not a uuid");
        else columns.push({ column: "id", value, cast: "uuid" });
      }
      continue;
    }
    const refusal = notWritable(entity, field.field, kind, value);
    if (refusal) {
      problem(refusal, "readOnly");
      continue;
    }
    const converted = convert(ir, field, value);
    if (typeof converted === "string") problem(converted);
    else columns.push(...(field.field.encrypted ? converted.map((c) => sealed(entity, field.field, c)) : converted));
  }
  if (problems.length > 0) throw unprocessable(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  return columns;
}

/** An encrypted field's column: the ciphertext envelope, as text (a money field's currency stays as it is). */
function sealed(entity: IREntity, field: IRField, value: ColumnValue): ColumnValue {
  if (value.column !== field.column) return value;
  return { column: value.column, value: sealColumn(entity, field, value.value, { json: value.cast === "text::jsonb" }), cast: "text" };
}

/** Why a field cannot be written in this request, if it cannot. */
function notWritable(entity: IREntity, field: IRField, kind: WriteKind, value: unknown): string | undefined {
  if (field.computed) return `${field.name} is computed`;
  // Seed data describes records as they are, not how they got there: no transitions to replay.
  if (kind === "seed") return undefined;
  if (field.type === "state") {
    const machine = entity.states.find((m) => m.field === field.name);
    const transitions = machine?.transitions.map((t) => t.name) ?? [];
    if (kind === "create" && machine && value === machine.initial) return undefined;
    return `${field.name} changes only through transitions${transitions.length ? ` (${transitions.join(", ")})` : ""}`;
  }
  if (field.readonly) return `${field.name} is read-only`;
  return undefined;
}

/** The money field whose currency `name` (`<field>Currency`) holds, when `name` is one. */
function currencyBase(ir: IR, entity: IREntity, name: string): (RecordField & { source: "column" }) | undefined {
  if (!name.endsWith("Currency")) return undefined;
  const base = recordField(ir, entity, name.slice(0, -"Currency".length));
  return base?.source === "column" && base.currencyColumn ? base : undefined;
}

/** The column values of one field, or what is wrong with the value. */
function convert(ir: IR, field: RecordField, value: unknown): ColumnValue[] | string {
  if (field.source === "polymorphic") return polymorphic(ir, field, value);
  if (field.source !== "column") return `${field.name} is not stored`;
  const { column, scalar } = field;
  const one = (v: unknown): ColumnValue[] => [{ column, value: v, cast: scalar.cast }];
  if (value === null) return field.field.required ? `${field.name} is required` : one(null);
  switch (scalar.kind) {
    case "json":
      return [{ column, value: JSON.stringify(value), cast: "text::jsonb" }];
    case "decimal":
      return decimal(field.field, value) ?? one(String(value));
    case "int":
      return Number.isSafeInteger(Number(value)) && String(value).trim() !== "" ? one(Number(value)) : "not an integer";
    case "bigint":
      return /^-?\d{1,19}$/.test(String(value)) ? one(String(value)) : "not an id";
    case "boolean":
      return typeof value === "boolean" ? one(value) : "not true or false";
    case "uuid":
      return typeof value === "string" && UUID.test(value) ? one(value) : field.field.relation ? "not the id of a record (a uuid)" : "not a uuid";
    case "date":
      return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? one(value) : "not a date (YYYY-MM-DD)";
    case "datetime":
      // As text: postgres.js would turn a string bound as timestamptz into a Date, losing the microseconds.
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? [{ column, value, cast: "text::timestamptz" }] : "not a date and time (ISO 8601)";
    default:
      if (typeof value !== "string") return "not a string";
      if (scalar.values && !scalar.values.includes(value)) return `not one of ${scalar.values.join(", ")}`;
      return one(value);
  }
}

/** What is wrong with a decimal, or undefined: a number or numeric string within the field's scale. */
function decimal(field: IRField, value: unknown): string | undefined {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text.trim())) return "not a decimal number";
  const scale = field.scale ?? 2;
  const fraction = text.split(".")[1]?.replace(/0+$/, "") ?? "";
  if (fraction.length > scale) return `more than ${scale} decimal places`;
  return undefined;
}

function polymorphic(ir: IR, field: RecordField & { source: "polymorphic" }, value: unknown): ColumnValue[] | string {
  if (value === null) return field.field.required ? `${field.name} is required` : [{ column: field.typeColumn, value: null, cast: "text" }, { column: field.column, value: null, cast: "uuid" }];
  const { type, id } = (typeof value === "object" ? value : {}) as { type?: unknown; id?: unknown };
  if (typeof type !== "string" || !field.targets.includes(type)) return `give { type, id } with type one of ${field.targets.join(", ")}`;
  if (typeof id !== "string" || !UUID.test(id)) return "not the id of a record (a uuid)";
  if (!ir.entities.some((e) => e.name === type)) return `unknown entity ${type}`;
  return [{ column: field.typeColumn, value: type, cast: "text" }, { column: field.column, value: id, cast: "uuid" }];
}
