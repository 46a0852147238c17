/**
 * The TypeBox schema of one field, as a record shows it (`read`) and as a request body gives it
 * (`write`). Differences: decimals and money are strings when read and strings or numbers when
 * written; written objects are closed (`additionalProperties: false`); action-input refs also
 * take the target's key.
 */
import { CloneType, type TProperties, type TSchema, Type as T } from "@sinclair/typebox";
import type { IR, IREntity, IRField } from "../../ir/index.ts";
import { CURRENCY_PATTERN, date, dateTime, decimalPattern, idOf, INT_MAX, INT_MIN, uuid } from "./values.ts";

export type Direction = "read" | "write";

/** Where a field schema is used: a record, a create or update body, or an action's input or output. */
export interface FieldContext {
  readonly ir: IR;
  /** The entity whose fields (or whose action's fields) these are. */
  readonly entity: IREntity;
  readonly direction: Direction;
  /** Action inputs: a ref is given by the target's id or key. */
  readonly actionInput?: boolean;
}

/** Fields that live on the record (not `many`, `many-to-many`, nor the reading side of a `one`). */
export function isRecordField(field: IRField): boolean {
  return field.storage !== "relation";
}

/** Fields a client may write: stored, not computed, not read-only, not a state. */
export function isWritableField(field: IRField): boolean {
  return isRecordField(field) && field.storage !== "virtual" && !field.computed && !field.readonly && field.type !== "state";
}

/** A money field stored without a fixed or per-record currency field has a currency beside it. */
export function hasCurrencyCompanion(field: IRField): boolean {
  return field.type === "money" && !field.currency && !field.currencyField && field.column !== undefined;
}

/** The record property holding a money field's own currency: `amount` -> `amountCurrency`. */
export function currencyProperty(field: IRField): string {
  return `${field.name}Currency`;
}

/** A field's value schema, with null added when the field may be empty, and its annotations. */
export function fieldSchema(ctx: FieldContext, field: IRField, nullable: boolean, extra: object = {}): TSchema {
  const value = valueSchema(ctx, field);
  const schema = nullable ? orNull(value) : value;
  return annotate(schema, { ...annotations(ctx, field), ...extra });
}

/** The schema of a money field's currency companion. */
export function currencySchema(field: IRField, nullable: boolean, extra: object = {}): TSchema {
  const code = T.String({ pattern: CURRENCY_PATTERN });
  return annotate(nullable ? orNull(code) : code, { description: `ISO 4217 currency code of \`${field.name}\`.`, ...extra });
}

/** `schema | null`; a union gains a `null` member rather than nesting. JSON (`unknown`) already holds null. */
export function orNull(schema: TSchema): TSchema {
  if (isUnknown(schema)) return schema;
  const members = Array.isArray(schema.anyOf) ? (schema.anyOf as TSchema[]) : [schema];
  return T.Union([...members, T.Null()]);
}

/** A copy of `schema` with annotations (description, readOnly, default, ...) added. */
export function annotate(schema: TSchema, options: object): TSchema {
  return Object.keys(options).length === 0 ? schema : CloneType(schema, options);
}

function isUnknown(schema: TSchema): boolean {
  return Object.keys(schema).length === 0;
}

function annotations(ctx: FieldContext, field: IRField): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = [field.description ?? field.help, currencyNote(ctx, field)].filter(Boolean).join(" ");
  if (text) out.description = text;
  if (field.placeholder !== undefined && isStringValued(field)) out.examples = [field.placeholder];
  return out;
}

function currencyNote(ctx: FieldContext, field: IRField): string | undefined {
  if (field.type !== "money") return undefined;
  if (field.currency) return `Amount in ${field.currency}.`;
  if (field.currencyField) return `Amount in the currency given by \`${field.currencyField}\`.`;
  return ctx.direction === "read" || hasCurrencyCompanion(field) ? `Amount in the currency given by \`${currencyProperty(field)}\`.` : undefined;
}

function isStringValued(field: IRField): boolean {
  return ["string", "text", "email", "url", "slug", "richtext", "uuid", "date", "datetime"].includes(field.type);
}

type Builder = (ctx: FieldContext, field: IRField) => TSchema;

/** One builder per field type: a new type fails the type check here until it has a schema. */
const VALUE: Record<IRField["type"], Builder> = {
  string: (_, f) => text(f),
  text: (_, f) => text(f),
  richtext: (_, f) => text(f),
  slug: (_, f) => text(f),
  email: (_, f) => text(f, { format: "email" }),
  url: (_, f) => text(f, { format: "uri" }),
  uuid: () => uuid(),
  int: (ctx, f) => integer(ctx, f),
  decimal: (ctx, f) => decimal(ctx, f),
  money: (ctx, f) => decimal(ctx, f),
  boolean: () => T.Boolean(),
  date: () => date(),
  datetime: () => dateTime(),
  enum: (_, f) => literals((f.values ?? []).map((v) => v.value)),
  state: (ctx, f) => literals(ctx.entity.states.find((m) => m.field === f.name)?.states.map((s) => s.name) ?? []),
  json: () => T.Unknown(),
  file: (ctx) => file(ctx),
  ref: (ctx, f) => reference(ctx, f),
  one: (ctx, f) => reference(ctx, f),
  many: (ctx, f) => T.Array(idOf(ctx.ir, f.relation?.to[0] ?? "")),
  "many-to-many": (ctx, f) => T.Array(idOf(ctx.ir, f.relation?.to[0] ?? "")),
  embedded: (ctx, f) => embedded(ctx, f),
};

function valueSchema(ctx: FieldContext, field: IRField): TSchema {
  return VALUE[field.type](ctx, field);
}

/** Written ints are bounded by Postgres' `integer` too, so a too-large value is a 400, not a database error. */
function integer(ctx: FieldContext, field: IRField): TSchema {
  const c = field.constraints ?? {};
  const min = c.min ?? (ctx.direction === "write" ? INT_MIN : undefined);
  const max = c.max ?? (ctx.direction === "write" ? INT_MAX : undefined);
  return T.Integer({ ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) });
}

function text(field: IRField, options: object = {}): TSchema {
  const c = field.constraints ?? {};
  return T.String({
    ...options,
    ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(c.pattern !== undefined ? { pattern: c.pattern } : {}),
  });
}

/** Read: the exact decimal string. Write: that string, or a JSON number within min and max. */
function decimal(ctx: FieldContext, field: IRField): TSchema {
  const c = field.constraints ?? {};
  const string = T.String({ pattern: decimalPattern(field.precision, field.scale) });
  if (ctx.direction === "read") return string;
  const number = T.Number({ ...(c.min !== undefined ? { minimum: c.min } : {}), ...(c.max !== undefined ? { maximum: c.max } : {}) });
  return T.Union([string, number]);
}

function literals(values: readonly string[]): TSchema {
  return T.Union(values.map((v) => T.Literal(v)));
}

/** An uploaded file as the record holds it: storage key, file name, MIME type and size in bytes. */
function file(ctx: FieldContext): TSchema {
  return T.Object(
    { key: T.String({ minLength: 1 }), name: T.String(), type: T.String(), size: T.Integer({ minimum: 0 }) },
    ctx.direction === "write" ? { additionalProperties: false } : {},
  );
}

function reference(ctx: FieldContext, field: IRField): TSchema {
  const targets = field.relation?.to ?? [];
  if (field.storage === "polymorphic" || targets.length > 1) {
    const props = { type: literals(targets), id: uuid() };
    return T.Object(props, ctx.direction === "write" ? { additionalProperties: false } : {});
  }
  if (ctx.actionInput) return T.String({ minLength: 1, description: `The id, or the key, of the ${targets[0]}.` });
  return idOf(ctx.ir, targets[0] ?? "");
}

function embedded(ctx: FieldContext, field: IRField): TSchema {
  const nested = field.embedded?.fields ?? [];
  const props: TProperties = {};
  for (const f of nested) {
    const schema = fieldSchema(ctx, f, !f.required);
    props[f.name] = f.required && (ctx.direction === "read" || f.default === undefined) ? schema : T.Optional(schema);
  }
  const object = T.Object(props, ctx.direction === "write" ? { additionalProperties: false } : {});
  return field.embedded?.array ? T.Array(object) : object;
}
