/**
 * Operands as SQL, each with the type of its value: a field (its column or computed SQL, on the
 * row its path reaches), an aggregate, a date bucket, a window function, or an output column by
 * name. Where an operand may stand is checked here too: aggregates only where rows are grouped,
 * plain fields of a grouped query only as group keys, windows only in `select` and `orderBy`.
 * Fields read anywhere but a plain `select` must be readable by the caller on every row, or the
 * query would be an oracle for what a field policy hides.
 */
import type { Expr, IREntity, IRField } from "../../compiler/ir/index.ts";
import { fieldAccess, fieldReadCondition } from "../policy/field-policies.ts";
import { fieldValueSql } from "../records/projection.ts";
import { fieldScalar, SCALARS, type Scalar } from "../records/record-fields.ts";
import { and, ident } from "../records/sql-builder.ts";
import type { QueryOperand } from "./query-json.ts";
import type { QueryScope, ResolvedPath } from "./query-scope.ts";

/** Where an operand stands: it decides what it may be. */
export type Place = "select" | "where" | "groupBy" | "having" | "orderBy" | "window";

/** An operand's SQL, the type of its value and the defaults of a column made of it. */
export interface OperandSql {
  readonly sql: string;
  /** The model's type name: a field's type, `int` for counts, `decimal` for averages, `date` for buckets. */
  readonly type: string;
  readonly scalar: Scalar;
  readonly name: string;
  readonly label: string;
  readonly aggregate: boolean;
  /** For a plain `select` of a field the caller may read on some rows only: the condition. */
  readonly readable?: string;
  /** For a plain `select` of a field the caller may never read: leave the column out. */
  readonly hidden?: boolean;
  /** How the value reads: a money field's currency, an enum's or state's value labels. */
  readonly display?: ColumnDisplay;
}

/** What a client needs to show a column's values as the model means them. */
export interface ColumnDisplay {
  readonly currency?: string;
  readonly values?: readonly { readonly value: string; readonly label: string }[];
}

/** What operands are compiled against. */
export interface OperandContext {
  readonly scope: QueryScope;
  /** Whether the query groups rows (it has aggregates or groupBy). */
  readonly grouped: boolean;
  /** The group keys, by `keyOf`. */
  readonly groupKeys: ReadonlySet<string>;
  /** Output columns by name, for `{ column }`. */
  readonly columns: ReadonlyMap<string, OperandSql>;
}

const NUMERIC = new Set(["int", "bigint", "decimal"]);
const ORDERED = new Set(["int", "bigint", "decimal", "date", "datetime", "text"]);
const SPAN = { start: 0, end: 0 };
const pascal = (text: string) => text.split(".").map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join("");
const BUCKET_LABEL: Record<string, string> = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" };

/** A key that identifies a group key operand: `field:customer.name`, `bucket:month:issued`. */
export function keyOf(operand: QueryOperand): string | undefined {
  if ("field" in operand && !("agg" in operand) && !("bucket" in operand) && !("window" in operand)) return `field:${operand.field}`;
  if ("bucket" in operand) return `bucket:${operand.bucket}:${operand.field}`;
  return undefined;
}

/**
 * The SQL of `operand` at `place`, or undefined after a problem at `at`.
 *
 * @example operandSql(c, { agg: "sum", field: "total" }, "select", "/select/1") // { sql: 'sum("q0"."total")', type: "money", name: "sumTotal", … }
 */
export function operandSql(c: OperandContext, operand: QueryOperand, place: Place, at: string): OperandSql | undefined {
  if ("agg" in operand) return aggregateSql(c, operand, place, at);
  if ("window" in operand) return windowSql(c, operand, place, at);
  if ("column" in operand) return columnRef(c, operand.column, place, at);
  if ("bucket" in operand) return bucketSql(c, operand, place, at);
  return fieldSql(c, operand.field, place, at, true);
}

function fieldSql(c: OperandContext, text: string, place: Place, at: string, plain: boolean): OperandSql | undefined {
  const path = c.scope.resolve(text, at);
  if (!path) return undefined;
  if (plain && c.grouped && place !== "groupBy" && place !== "where" && !c.groupKeys.has(`field:${text}`)) {
    return c.scope.fail(at, `${text} is neither grouped nor aggregated: add it to groupBy, or aggregate it`, "notGrouped");
  }
  const { field } = path;
  if (field.source === "polymorphic") return c.scope.fail(at, `${text} is a polymorphic ref: select ${text}'s records with the REST API`, "unsupportedField");
  if (field.source !== "system" && field.field.encrypted) return c.scope.fail(at, `${text} is encrypted: the database holds only its ciphertext`, "encryptedField");
  const access = accessOf(c, path);
  if (access.hidden && !(plain && place === "select")) return c.scope.fail(at, `you may not use ${text}: ${access.hidden} has a read policy`, "fieldRead");
  if (access.row.length > 0 && !(plain && place === "select")) return c.scope.fail(at, `you may not use ${text}: ${access.row[0]} has a read policy`, "fieldRead");
  const member = memberOf(path);
  const sql = member ? memberSql(c, path) : fieldValueSql(c.scope.q, c.scope.ctx, path.entity, field, path.alias);
  const type = member?.type ?? (field.source === "system" ? systemType(field.name) : field.field.type);
  const scalar = member ? fieldScalar(c.scope.ir, path.entity, member) : field.scalar;
  const label = member?.label ?? (field.source === "system" ? field.name : field.field.label);
  const readable = access.row.length > 0 ? and(access.conditions) : undefined;
  const display = member || field.source === "system" ? undefined : displayOf(path.entity, field.field);
  return { sql, type, scalar, name: text, label, aggregate: false, ...(access.hidden ? { hidden: true } : {}), ...(readable ? { readable } : {}), ...(display ? { display } : {}) };
}

/** The fields along a path the caller may never read (the first), and those decided per row. */
function accessOf(c: OperandContext, path: ResolvedPath): { hidden?: string; row: string[]; conditions: string[] } {
  const { scope } = c;
  const row: string[] = [];
  const conditions: string[] = [];
  for (const read of path.reads) {
    const access = fieldAccess(scope.ir, read.entity, read.field, scope.ctx.identity);
    const name = `${read.entity.name}.${read.field}`;
    if (access === "hidden") return { hidden: name, row, conditions };
    if (access === "row") row.push(name), conditions.push(fieldReadCondition(scope.q, scope.ctx, read.entity, read.field, read.alias)!);
  }
  return { row, conditions };
}

function memberOf(path: ResolvedPath) {
  if (path.members.length === 0 || path.field.source !== "column") return undefined;
  let fields = path.field.field.embedded?.fields;
  let member;
  for (const name of path.members) {
    member = fields?.find((f) => f.name === name);
    fields = member?.embedded?.fields;
  }
  return member;
}

/** An embedded member's value, through the expression lowering (as list filters read it). */
function memberSql(c: OperandContext, path: ResolvedPath): string {
  let node: Expr = { kind: "ident", name: "record", span: SPAN };
  for (const property of [path.field.name, ...path.members]) node = { kind: "member", object: node, property, span: SPAN };
  return c.scope.q.expression(node, { ir: c.scope.ir, entity: path.entity.name, row: path.alias, mode: "parameters" });
}

/** A field's currency (fixed ones only: a currencyField differs per row) and its value labels. */
function displayOf(entity: IREntity, field: IRField): ColumnDisplay | undefined {
  const values = field.type === "state" ? entity.states.find((m) => m.field === field.name)?.states.map((st) => ({ value: st.name, label: st.label })) : field.values?.map((v) => ({ value: v.value, label: v.label }));
  if (!field.currency && !values) return undefined;
  return { ...(field.currency ? { currency: field.currency } : {}), ...(values ? { values } : {}) };
}

function systemType(name: string): string {
  if (name === "createdAt" || name === "updatedAt") return "datetime";
  return name === "version" ? "int" : "uuid";
}

function aggregateSql(c: OperandContext, operand: Extract<QueryOperand, { agg: string }>, place: Place, at: string): OperandSql | undefined {
  if (place === "where" || place === "groupBy") return c.scope.fail(at, `an aggregate cannot stand in ${place}: use having`, "misplacedAggregate");
  const { agg } = operand;
  if (operand.field === undefined) {
    if (agg !== "count") return c.scope.fail(`${at}/field`, `${agg} needs the field it aggregates`, "invalidQuery");
    return { sql: "count(*)", type: "int", scalar: SCALARS.bigint, name: "count", label: "Count", aggregate: true };
  }
  const inner = fieldSql({ ...c, grouped: false }, operand.field, "where", `${at}/field`, false);
  if (!inner) return undefined;
  const kind = inner.scalar.kind;
  const name = `${agg}${pascal(operand.field)}`;
  const label = `${inner.label} (${agg})`;
  const distinct = operand.distinct ? "distinct " : "";
  if (agg === "count") return { sql: `count(${distinct}${inner.sql})`, type: "int", scalar: SCALARS.bigint, name, label, aggregate: true };
  if ((agg === "sum" || agg === "avg") && !NUMERIC.has(kind)) return c.scope.fail(`${at}/field`, `${agg} needs a number: ${operand.field} is ${inner.type}`, "invalidAggregate");
  if (!ORDERED.has(kind)) return c.scope.fail(`${at}/field`, `${agg} needs a value that orders: ${operand.field} is ${inner.type}`, "invalidAggregate");
  if (agg === "avg") return { sql: `round(avg(${distinct}${inner.sql}), 4)`, type: "decimal", scalar: SCALARS.decimal, name, label, aggregate: true };
  const scalar = agg === "sum" && kind === "int" ? SCALARS.bigint : inner.scalar;
  // A sum, min or max of money is money in the same currency.
  const display = inner.display?.currency ? { display: { currency: inner.display.currency } } : {};
  return { sql: `${agg}(${distinct}${inner.sql})`, type: inner.type, scalar, name, label, aggregate: true, ...display };
}

function bucketSql(c: OperandContext, operand: Extract<QueryOperand, { bucket: string }>, place: Place, at: string): OperandSql | undefined {
  if (c.grouped && place !== "groupBy" && place !== "where" && !c.groupKeys.has(keyOf(operand)!)) {
    return c.scope.fail(at, `${operand.bucket}(${operand.field}) is not grouped: add it to groupBy`, "notGrouped");
  }
  const inner = fieldSql({ ...c, grouped: false }, operand.field, "where", `${at}/field`, false);
  if (!inner) return undefined;
  const kind = inner.scalar.kind;
  if (kind !== "date" && kind !== "datetime") return c.scope.fail(`${at}/field`, `a ${operand.bucket} bucket needs a date or datetime: ${operand.field} is ${inner.type}`, "invalidBucket");
  // The unit is one of BUCKETS, written by us; a datetime is bucketed in UTC.
  const value = kind === "date" ? `(${inner.sql})::timestamp` : `(${inner.sql}) at time zone 'UTC'`;
  const name = `${operand.field.replace(/\.(\w)/g, (_, ch: string) => ch.toUpperCase())}${pascal(operand.bucket)}`;
  return { sql: `(date_trunc('${operand.bucket}', ${value}))::date`, type: "date", scalar: SCALARS.date, name, label: `${inner.label} (${BUCKET_LABEL[operand.bucket]})`, aggregate: false };
}

function windowSql(c: OperandContext, operand: Extract<QueryOperand, { window: string }>, place: Place, at: string): OperandSql | undefined {
  if (place !== "select" && place !== "orderBy") return c.scope.fail(at, `a window function can only stand in select or orderBy`, "misplacedWindow");
  const fn = operand.window;
  const of = operand.of ? operandSql(c, operand.of, "window", `${at}/of`) : undefined;
  if (operand.of && !of) return undefined;
  if (of && (fn === "sum" || fn === "avg") && !NUMERIC.has(of.scalar.kind)) return c.scope.fail(`${at}/of`, `${fn} needs a number: ${of.name} is ${of.type}`, "invalidAggregate");
  const partition = (operand.partitionBy ?? []).map((p, i) => operandSql(c, p, "window", `${at}/partitionBy/${i}`));
  const order = (operand.orderBy ?? []).map((o, i) => {
    const by = operandSql(c, o.by, "window", `${at}/orderBy/${i}/by`);
    return by && `${by.sql} ${o.desc ? "desc nulls first" : "asc nulls last"}`;
  });
  if (partition.includes(undefined) || order.includes(undefined)) return undefined;
  const spec = [
    partition.length > 0 ? `partition by ${partition.map((p) => p!.sql).join(", ")}` : "",
    order.length > 0 ? `order by ${order.join(", ")}` : "",
    order.length > 0 && of ? "rows between unbounded preceding and current row" : "",
  ].filter(Boolean).join(" ");
  const SQL_NAMES: Record<string, string> = { rowNumber: "row_number()", rank: "rank()", denseRank: "dense_rank()" };
  const call = SQL_NAMES[fn] ?? `${fn}(${of?.sql ?? "*"})`;
  const sql = fn === "avg" ? `round(${call} over (${spec}), 4)` : `${call} over (${spec})`;
  const ranking = fn in SQL_NAMES || fn === "count";
  const type = ranking ? "int" : fn === "avg" ? "decimal" : of!.type;
  const scalar = ranking ? SCALARS.bigint : fn === "avg" ? SCALARS.decimal : of!.scalar;
  return { sql, type, scalar, name: `${fn}${of ? pascal(of.name) : ""}`, label: of ? `${of.label} (${fn})` : fn, aggregate: false };
}

function columnRef(c: OperandContext, name: string, place: Place, at: string): OperandSql | undefined {
  const column = c.columns.get(name);
  if (!column) return c.scope.fail(`${at}/column`, `no column ${name}: the columns are ${[...c.columns.keys()].join(", ") || "none"}`, "unknownColumn");
  // ORDER BY may name an output column; elsewhere its expression is repeated.
  return place === "orderBy" ? { ...column, sql: ident(name) } : column;
}
