/**
 * Turning values into SQL of the form a place needs: a scalar, a never-null value, a condition, a record id,
 * or the rows of a subquery.
 */
import type { ExprType } from "../../../ir/index.ts";
import { unify } from "../../../expr/types.ts";
import { columnSql, newAlias, type State } from "./context.ts";
import { SqlLoweringError } from "./errors.ts";
import { jsonAs } from "./json.ts";
import { sqlType, valueSql } from "./literals.ts";
import { entityNamed, idSqlType } from "./model.ts";
import { ident, join, raw, sql, type Sql } from "./sql.ts";
import { visibleCondition } from "./visible.ts";
import {
  scalar,
  typeOf,
  type EntityIR,
  type Json,
  type ListValue,
  type Literal,
  type Nulls,
  type Poly,
  type Ref,
  type Row,
  type Scalar,
  type SetValue,
  type Value,
} from "./values.ts";

const T = {
  int: { kind: "int" },
  decimal: { kind: "decimal" },
  string: { kind: "string" },
  bool: { kind: "bool" },
  null: { kind: "null" },
  json: { kind: "json" },
} as const satisfies Record<string, ExprType>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * A datetime literal as an instant: a date alone is midnight UTC (as `Date.parse` reads it), and a time
 * without an offset is taken as UTC (see "SQL lowering" in spec/expressions.md).
 */
export function datetimeLiteral(text: string): string {
  if (ISO_DATE.test(text)) return `${text}T00:00:00Z`;
  return HAS_OFFSET.test(text) ? text : `${text}Z`;
}

/** A literal as SQL, typed by the type it meets (`want`): a date, an instant, jsonb, or its own type. */
export function literalScalar(state: State, literal: Literal, want?: ExprType): Scalar {
  const { value } = literal;
  const mode = state.ctx.mode;
  if (value === null) return scalar(raw("NULL"), want ?? T.null, "value");
  if (want && (want.kind === "json" || want.kind === "object")) return scalar(valueSql(value, T.json, mode), T.json, "none");
  if (typeof value === "boolean") return scalar(raw(value ? "true" : "false"), T.bool, "none");
  if (typeof value === "number") {
    const type = literal.decimal ? T.decimal : T.int;
    return scalar(valueSql(value, type, mode), type, "none");
  }
  if (want?.kind === "date") return scalar(valueSql(value, want, mode), want, "none");
  if (want?.kind === "datetime") return scalar(valueSql(datetimeLiteral(value), want, mode), want, "none");
  return scalar(valueSql(value, T.string, mode), T.string, "none");
}

/**
 * A value as one SQL scalar (a record as its id, a list as an array). A comparison's NULL may still stand
 * for false: use valueOf where the null matters.
 */
export function scalarOf(state: State, value: Value, want?: ExprType): Scalar {
  switch (value.kind) {
    case "scalar":
      return value;
    case "literal":
      return literalScalar(state, value, want);
    case "row":
    case "ref":
    case "poly":
      return idOf(state, value);
    case "json":
      return want && want.kind !== "json" && want.kind !== "object" && want.kind !== "any" && want.kind !== "list"
        ? jsonAs(state, value, want)
        : scalar(value.sql, value.type, value.nulls);
    case "array":
      return scalar(value.sql, typeOf(value), value.nulls);
    case "list":
      return listArray(state, value, want?.kind === "list" ? want.of : undefined);
    case "set":
      return setArray(state, value);
    case "object":
      throw new SqlLoweringError(`\`${value.name}\` is an object: read one of its members`);
  }
}

/** A value whose NULL means the expression's null: a comparison's NULL-for-false is coalesced. */
export function valueOf(state: State, value: Value, want?: ExprType): Scalar {
  const s = scalarOf(state, value, want);
  return s.nulls === "false" ? scalar(sql`coalesce(${s.sql}, false)`, s.type, "none") : s;
}

/** A condition: true where the evaluator's `truthy` holds; NULL may stand for false (nulls `false`). */
export function conditionOf(state: State, value: Value): { sql: Sql; nulls: "none" | "false" } {
  if (value.kind === "literal") return { sql: raw(value.value === true ? "true" : "false"), nulls: "none" };
  const s = value.kind === "json" ? jsonAs(state, value, T.bool) : scalarOf(state, value, T.bool);
  if (s.type.kind !== "bool" && s.type.kind !== "null" && s.type.kind !== "any" && s.type.kind !== "json")
    throw new SqlLoweringError(`expected a bool, found ${s.type.kind}`);
  return { sql: s.sql, nulls: s.nulls === "none" ? "none" : "false" };
}

/** A condition that is never NULL (under NOT, in a CHECK constraint). */
export function strictCondition(state: State, value: Value): Sql {
  const c = conditionOf(state, value);
  return c.nulls === "none" ? c.sql : sql`coalesce(${c.sql}, false)`;
}

/** The id of a record value. */
export function idOf(state: State, value: Row | Ref | Poly): Scalar {
  const type: ExprType = value.kind === "poly" ? { kind: "any" } : { kind: "entity", name: value.entity.name };
  if (value.kind === "poly") return scalar(value.id, type, value.nulls);
  if (value.kind === "ref" && value.column === "id") return scalar(value.value, type, value.nulls);
  requireId(value.entity);
  if (value.kind === "row") {
    state.found.reads.read(value.path, "id");
    return scalar(columnSql(value.alias, "id"), type, "none");
  }
  const alias = newAlias(state);
  return scalar(lookup(state, value, alias, columnSql(alias, "id")), type, "value");
}

function requireId(entity: EntityIR): void {
  if (entity.id === "none") throw new SqlLoweringError(`${entity.name} has no id (id: none): its records cannot be compared or looked up by id`);
}

/**
 * `(select <select> from "<table>" "<alias>" where "<alias>"."<column>" = <value>)`: what `select` reads on
 * the row a ref points at (`select` is written against `alias`).
 */
export function lookup(state: State, ref: Ref, alias: string, select: Sql): Sql {
  state.found.subquery = true;
  state.found.reads.read(ref.path, ref.column);
  const visible = visibleCondition(state, ref.entity, alias);
  const where = sql`${columnSql(alias, ref.column)} = ${ref.value}`;
  return sql`(select ${select} from ${ident(ref.entity.table)} ${ident(alias)} where ${visible ? sql`${where} and ${visible}` : where})`;
}

/** The rows of a list: a relation's already are; arrays, written lists and jsonb arrays are unnested. */
export function setOf(state: State, value: Value): SetValue {
  switch (value.kind) {
    case "set":
      return value;
    case "list":
      return listSet(state, value);
    case "literal":
      if (value.value === null) return emptySet(state, T.null);
      break;
    case "array":
      return unnestSet(state, sql`unnest(${value.sql})`, value.of);
    case "json":
      return jsonSet(state, value);
    case "scalar":
      if (value.type.kind === "list") return unnestSet(state, sql`unnest(${value.sql})`, value.type.of);
      break;
  }
  throw new SqlLoweringError(`expected a list, found ${typeOf(value).kind}`);
}

function unnestSet(state: State, source: Sql, of: ExprType): SetValue {
  const alias = newAlias(state);
  const element = scalar(columnSql(alias, "value"), of, "value");
  return { kind: "set", from: [sql`${source} AS ${ident(alias)}(${ident("value")})`], where: [], element, of };
}

function jsonSet(state: State, json: Json): SetValue {
  const alias = newAlias(state);
  const of = json.type.kind === "list" ? json.type.of : { kind: "json" as const };
  // A JSON null item reads as SQL NULL, as every other json value here.
  const value = sql`nullif(${columnSql(alias, "value")}, 'null'::jsonb)`;
  const element: Json = { kind: "json", sql: value, type: of, ...(json.fields ? { fields: json.fields } : {}), nulls: "value" };
  return { kind: "set", from: [sql`jsonb_array_elements(${json.sql}) AS ${ident(alias)}(${ident("value")})`], where: [], element, of };
}

function emptySet(state: State, of: ExprType): SetValue {
  const alias = newAlias(state);
  const element = scalar(columnSql(alias, "value"), of, "value");
  return { kind: "set", from: [sql`(SELECT NULL WHERE false) AS ${ident(alias)}(${ident("value")})`], where: [], element, of };
}

/** `(VALUES (a), (b)) AS "t1"("value")`: each item keeps its own SQL (a column, a parameter). */
function listSet(state: State, list: ListValue): SetValue {
  if (list.items.length === 0) return emptySet(state, list.of);
  const items = list.items.map((item) => valueOf(state, item, list.of));
  const alias = newAlias(state);
  const rows = join(items.map((item) => sql`(${item.sql})`), ", ");
  const column = columnSql(alias, "value");
  const record = list.of.kind === "entity" ? recordOfId(state, list.of.name, column) : undefined;
  const element = record ?? scalar(column, list.of, "value");
  return { kind: "set", from: [sql`(VALUES ${rows}) AS ${ident(alias)}(${ident("value")})`], where: [], element, of: list.of };
}

/** A record given by its id. */
export function recordOfId(state: State, entity: string, id: Sql, nulls: Nulls = "value"): Ref {
  return { kind: "ref", entity: entityNamed(state.ctx.ir, entity), column: "id", value: id, nulls };
}

/** A written list as one SQL array; a list of literals is one array parameter in parameters mode. */
function listArray(state: State, list: ListValue, want?: ExprType): Scalar {
  const of = (want && unify(list.of, want)) ?? list.of;
  const idType = of.kind === "entity" ? idSqlType(entityNamed(state.ctx.ir, of.name)) : "uuid";
  const type: ExprType = { kind: "list", of };
  const literals = list.items.every((i) => i.kind === "literal");
  if (literals && (state.ctx.mode === "parameters" || list.items.length === 0)) {
    const values = list.items.map((i) => (i as Literal).value);
    return scalar(valueSql(values, type, state.ctx.mode, idType), type, "none");
  }
  const items = list.items.map((item) => valueOf(state, item, of).sql);
  return scalar(sql`ARRAY[${join(items, ", ")}]::${raw(sqlType(type, idType))}`, type, "none");
}

/** A relation list as an array (only where a list is the result itself: order as the database gives it). */
function setArray(state: State, set: SetValue): Scalar {
  const element = valueOf(state, set.element);
  state.found.subquery = true;
  return scalar(sql`ARRAY(select ${element.sql} from ${fromWhere(set, [])})`, typeOf(set), "none");
}

/** `(select <select> from <set> where <conditions>)`. */
export function selectSql(state: State, set: SetValue, select: Sql, extra: readonly Sql[] = []): Sql {
  state.found.subquery = true;
  return sql`(select ${select} from ${fromWhere(set, extra)})`;
}

/** `EXISTS (select 1 from <set> where <conditions>)`. */
export function existsSql(state: State, set: SetValue, extra: readonly Sql[] = []): Sql {
  state.found.subquery = true;
  return sql`EXISTS (select 1 from ${fromWhere(set, extra)})`;
}

function fromWhere(set: SetValue, extra: readonly Sql[]): Sql {
  const where = [...set.where, ...extra];
  const from = join(set.from, ", ");
  return where.length === 0 ? from : sql`${from} where ${join(where, " and ")}`;
}

/**
 * A value as a scalar of `type`, the common type of the places it shares (`?:` branches, `coalesce`
 * arguments): records as ids, typed scalars wrapped `to_jsonb` where the common type is json.
 */
export function scalarAs(state: State, value: Value, type: ExprType): Scalar {
  if (value.kind === "row" || value.kind === "ref" || value.kind === "poly") return idOf(state, value);
  const s = valueOf(state, value, type);
  const jsonType = type.kind === "json" || type.kind === "object";
  const typed = s.type.kind !== "json" && s.type.kind !== "object" && value.kind !== "literal";
  return jsonType && typed ? scalar(sql`to_jsonb(${s.sql})`, type, s.nulls) : s;
}

/** SQL of `type` back as a value: a record by its id, jsonb, an array, or a scalar. */
export function valueOfType(state: State, type: ExprType, s: Sql, nulls: Nulls, numeric?: boolean): Value {
  if (type.kind === "entity") return recordOfId(state, type.name, s, nulls);
  if (type.kind === "json" || type.kind === "object") return { kind: "json", sql: s, type, nulls };
  if (type.kind === "list") return { kind: "array", sql: s, of: type.of, nulls };
  return scalar(s, type, nulls, numeric);
}
