/**
 * What a sub-expression lowers to. SQL has no single form for everything an expression can be (a record, a
 * list of related records, a context object), so the lowering passes these values between nodes and turns
 * them into SQL text only where the text is needed: a column, a correlated subquery, EXISTS...
 */
import type { ExprType, IR } from "../../../ir/index.ts";
import type { Sql } from "./sql.ts";
import type { RelationStep } from "./paths.ts";

export type EntityIR = IR["entities"][number];
export type FieldIR = EntityIR["fields"][number];

/**
 * What a SQL NULL stands for. `none`: the SQL is never NULL. `value`: NULL is the expression's null.
 * `false` (bool only): NULL stands for false, as in `x = 'sent'` where x is null; WHERE reads it so, but a
 * value or a NOT must coalesce it first. Only comparisons make `false`; it keeps them indexable.
 */
export type Nulls = "none" | "false" | "value";

/** A scalar SQL expression of an expression type. `numeric` marks an int whose SQL type is numeric. */
export interface Scalar {
  readonly kind: "scalar";
  readonly sql: Sql;
  readonly type: ExprType;
  readonly nulls: Nulls;
  readonly numeric?: boolean;
}

/** A literal from the expression, rendered only once the type it meets is known (a date, a uuid...). */
export interface Literal {
  readonly kind: "literal";
  readonly value: string | number | boolean | null;
  readonly decimal: boolean;
}

/** A row of a table in scope: the context row, or a row of a subquery. `alias` undefined: bare columns. */
export interface Row {
  readonly kind: "row";
  readonly entity: EntityIR;
  readonly alias: string | undefined;
  readonly path?: readonly RelationStep[];
}

/**
 * A record reached through a relation, not (yet) in scope: the row of `entity` whose `column` equals `value`.
 * A `ref` is `id = <foreign key>`; the reading side of a `one` is `<inverse key> = <owner id>`.
 */
export interface Ref {
  readonly kind: "ref";
  readonly entity: EntityIR;
  readonly column: string;
  readonly value: Sql;
  readonly nulls: Nulls;
  readonly path?: readonly RelationStep[];
}

/** A polymorphic ref: the target's id and type columns. */
export interface Poly {
  readonly kind: "poly";
  readonly targets: readonly EntityIR[];
  readonly id: Sql;
  readonly typeSql: Sql;
  readonly nulls: Nulls;
  readonly paths?: readonly (readonly RelationStep[])[];
}

/** A jsonb value: a `json` field (dynamic) or an embedded object (`fields` known). */
export interface Json {
  readonly kind: "json";
  readonly sql: Sql;
  readonly type: ExprType;
  readonly fields?: readonly FieldIR[];
  readonly nulls: Nulls;
}

/** A SQL array: `user.roles`, a list parameter. */
export interface ArrayValue {
  readonly kind: "array";
  readonly sql: Sql;
  readonly of: ExprType;
  readonly nulls: Nulls;
}

/** A list written in the expression, `[a, b]`: its items are kept apart so `in` can become `IN (a, b)`. */
export interface ListValue {
  readonly kind: "list";
  readonly items: readonly Value[];
  readonly of: ExprType;
}

/**
 * The items of a list as rows of a subquery: `from` items (joined by commas, conditions in `where`) and the
 * element each row stands for. `nullWhen`: when the list itself is null (a relation of a null ref).
 */
export interface SetValue {
  readonly kind: "set";
  readonly from: readonly Sql[];
  readonly where: readonly Sql[];
  readonly element: Value;
  readonly of: ExprType;
  readonly nullWhen?: Sql;
}

/** A context object (`user`, `tenant`, `params`, `input`): only its members can be read. */
export interface ObjectValue {
  readonly kind: "object";
  readonly name: string;
}

export type Value = Scalar | Literal | Row | Ref | Poly | Json | ArrayValue | ListValue | SetValue | ObjectValue;

const entityType = (entity: EntityIR): ExprType => ({ kind: "entity", name: entity.name });

/** The expression type of a value. */
export function typeOf(value: Value): ExprType {
  switch (value.kind) {
    case "scalar":
    case "json":
      return value.type;
    case "literal":
      return literalType(value);
    case "row":
    case "ref":
      return entityType(value.entity);
    case "poly":
      return { kind: "any" };
    case "array":
    case "list":
    case "set":
      return { kind: "list", of: value.of };
    case "object":
      return { kind: "object", name: value.name };
  }
}

function literalType(literal: Literal): ExprType {
  const { value } = literal;
  if (value === null) return { kind: "null" };
  if (typeof value === "number") return { kind: literal.decimal ? "decimal" : "int" };
  return { kind: typeof value === "string" ? "string" : "bool" };
}

/** Whether a value stands for a record (compared by id). */
export const isRecordValue = (value: Value): value is Row | Ref | Poly =>
  value.kind === "row" || value.kind === "ref" || value.kind === "poly";

/** A scalar. */
export const scalar = (sql: Sql, type: ExprType, nulls: Nulls, numeric?: boolean): Scalar =>
  numeric ? { kind: "scalar", sql, type, nulls, numeric } : { kind: "scalar", sql, type, nulls };

/** Combines nullness: the result is never null only when no part is. */
export const nullsOf = (...parts: readonly Nulls[]): Nulls => (parts.every((n) => n === "none") ? "none" : "value");
