/**
 * A query (the JSON of the DSL, or a saved query from the IR) as ONE SQL statement: the root
 * entity's tenant and read policy in its WHERE, each joined relation's in its ON clause, so an
 * aggregate only ever sees rows the caller may read; GROUP BY by output position, HAVING, ORDER BY,
 * LIMIT and OFFSET. Identifiers come from the IR only; values only through parameters.
 */
import type { CompiledQuery } from "kysely";
import type { IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { policyVariables, readFilter } from "../records/access.ts";
import { and, columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import type { RequestContext } from "../server/context.ts";
import { badRequest, forbidden } from "../server/errors.ts";
import { conditionSql, type ParamValues } from "./condition-sql.ts";
import { type ColumnDisplay, keyOf, operandSql, type OperandContext, type OperandSql } from "./operand-sql.ts";
import type { QueryCondition, QueryJoin, QueryOperand, QueryOrder, QuerySelection } from "./query-json.ts";
import { QueryScope, ROOT } from "./query-scope.ts";

/** A query ready to compile. */
export interface QueryPlan {
  readonly entity: IREntity;
  readonly join?: readonly QueryJoin[];
  readonly where?: QueryCondition;
  /** A saved query's `where`: an expression of the model, lowered with its params. */
  readonly whereExpression?: IRExpression;
  readonly select?: readonly QuerySelection[];
  readonly groupBy?: readonly QueryOperand[];
  readonly having?: QueryCondition;
  readonly orderBy?: readonly QueryOrder[];
  readonly limit: number;
  readonly offset?: number;
  /** A saved query: its name and typed params. Its problems are the caller's rights (403), not their request (400). */
  readonly saved?: { readonly name: string; readonly params: ParamValues };
}

/** A column of the result. */
export interface ResultColumn {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly scalar: OperandSql["scalar"];
  /** The marker column saying whether the caller may read this row's value. */
  readonly marker?: string;
  /** How its values read (currency, value labels). */
  readonly display?: ColumnDisplay;
}

export interface CompiledPlan {
  readonly statement: CompiledQuery;
  readonly columns: readonly ResultColumn[];
}

/**
 * Compiles `plan` for the caller of `ctx`.
 *
 * @example
 *   compileQuery(ctx, { entity: invoice, select: [{ field: "status" }, { agg: "count" }], groupBy: [{ field: "status" }], limit: 100 });
 *   // select "q0"."status" as "status", count(*) as "count" from "invoices" "q0" where (…tenant…) and (…read…) group by 1 order by 1 limit $3::integer
 * @throws WeaveError 400 naming every problem (403 for a saved query that reads a field the caller may not read).
 */
export function compileQuery(ctx: RequestContext, plan: QueryPlan): CompiledPlan {
  const q = new SqlBuilder();
  const scope = new QueryScope(ctx, q, plan.entity);
  const rootFilter = readFilter(q, ctx, plan.entity, ROOT);
  scope.addJoins(plan.join ?? []);
  const selections = plan.select && plan.select.length > 0 ? plan.select : defaultSelection(plan);
  const grouped = (plan.groupBy?.length ?? 0) > 0 || selections.some((s) => "agg" in s) || hasAggregate(plan.having) || (plan.orderBy ?? []).some((o) => "agg" in o.by);
  const groupKeys = new Set((plan.groupBy ?? []).map(keyOf).filter((k): k is string => k !== undefined));
  const columns = new Map<string, OperandSql>();
  const c: OperandContext = { scope, grouped, groupKeys, columns };
  (plan.groupBy ?? []).forEach((g, i) => {
    if (!keyOf(g)) scope.fail(`/groupBy/${i}`, "group by a field or a date bucket", "invalidGroup");
  });
  // Group keys lead the columns when they are not selected, so GROUP BY can name them by position.
  const selected = new Set(selections.map(keyOf));
  const all: QuerySelection[] = [...(plan.groupBy ?? []).filter((g) => keyOf(g) && !selected.has(keyOf(g))), ...selections];
  const items: string[] = [];
  const result: ResultColumn[] = [];
  all.forEach((selection, i) => {
    const at = i < all.length - selections.length ? `/groupBy` : `/select/${i - (all.length - selections.length)}`;
    const value = operandSql(c, selection, "select", at);
    if (!value) return;
    const name = selection.as ?? value.name;
    if (columns.has(name)) return void scope.fail(at, `two columns are named ${name}: give one an alias (as)`, "duplicateColumn");
    columns.set(name, value);
    if (value.hidden) return;
    const marker = value.readable ? `${name}__read` : undefined;
    items.push(marker ? `case when ${value.readable} then ${value.sql} end as ${ident(name)}, ${value.readable} as ${ident(marker)}` : `${value.sql} as ${ident(name)}`);
    result.push({ name, label: value.label, type: value.type, scalar: value.scalar, ...(marker ? { marker } : {}), ...(value.display ? { display: value.display } : {}) });
  });
  const where = and([rootFilter, plan.where ? conditionSql(c, plan.where, "where", "/where", plan.saved?.params) : undefined, whereExpressionSql(q, ctx, plan)]);
  const positions = grouped ? groupPositions(c, plan, all) : [];
  const groupBy = positions.length > 0 ? ` group by ${positions.join(", ")}` : "";
  const having = plan.having ? conditionSql(c, plan.having, "having", "/having", plan.saved?.params) : undefined;
  const order = orderSql(c, plan, positions);
  if (scope.problems.items.length > 0) throw refusal(plan, scope);
  if (items.length === 0) throw forbidden("you may not read any column this query selects");
  const limit = ` limit ${q.param(plan.limit, "integer")}`;
  const offset = plan.offset ? ` offset ${q.param(plan.offset, "integer")}` : "";
  const text = `select ${items.join(", ")} from ${ident(plan.entity.table)} ${ident(ROOT)}${spaced(scope.joinsSql())} where ${where}${groupBy}${having ? ` having ${having}` : ""}${order}${limit}${offset}`;
  return { statement: q.compile(text), columns: result };
}

const spaced = (sql: string) => (sql ? ` ${sql}` : "");

/** Every field the caller may read (hidden ones drop out as they compile), or the group keys. */
function defaultSelection(plan: QueryPlan): QuerySelection[] {
  if ((plan.groupBy?.length ?? 0) > 0) return [];
  const fields = plan.entity.fields.filter((f) => f.storage !== "relation" && f.storage !== "polymorphic" && !f.encrypted).map((f) => ({ field: f.name }));
  return [...(plan.entity.id === "none" ? [] : [{ field: "id" }]), ...fields];
}

function hasAggregate(condition: QueryCondition | undefined): boolean {
  if (!condition) return false;
  if ("and" in condition) return condition.and.some(hasAggregate);
  if ("or" in condition) return condition.or.some(hasAggregate);
  if ("not" in condition) return hasAggregate(condition.not);
  return "agg" in condition.left;
}

function whereExpressionSql(q: SqlBuilder, ctx: RequestContext, plan: QueryPlan): string | undefined {
  if (!plan.whereExpression || !plan.saved) return undefined;
  const params = Object.fromEntries(Object.entries(plan.saved.params).map(([name, p]) => [name, p.value]));
  const variables = { ...policyVariables(ctx.identity), params };
  return q.condition(plan.whereExpression.ast, { ir: ctx.ir, entity: plan.entity.name, row: ROOT, mode: "parameters", query: plan.saved.name, variables });
}

/**
 * The positions of the group keys among the columns: GROUP BY names them so, and no expression
 * (with its parameters) is repeated. Each key is compiled once more as a key, which refuses what
 * the caller may not group by.
 */
function groupPositions(c: OperandContext, plan: QueryPlan, all: readonly QuerySelection[]): number[] {
  (plan.groupBy ?? []).forEach((key, i) => operandSql(c, key, "groupBy", `/groupBy/${i}`));
  return (plan.groupBy ?? []).map((key) => all.findIndex((s) => keyOf(s) === keyOf(key)) + 1).filter((p) => p > 0);
}

/** The order asked for; else the group keys, or the root's id, so results are stable. */
function orderSql(c: OperandContext, plan: QueryPlan, positions: readonly number[]): string {
  const orders = (plan.orderBy ?? []).map((o, i) => {
    const by = operandSql(c, o.by, "orderBy", `/orderBy/${i}/by`);
    return by && `${by.sql} ${o.desc ? "desc nulls first" : "asc nulls last"}`;
  });
  // Records end with their id, so ties come back in the same order every time.
  const tie = !c.grouped && plan.entity.id !== "none" ? [columnOf(ROOT, "id")] : [];
  if (orders.length > 0) return orders.includes(undefined) ? "" : ` order by ${[...orders, ...tie].join(", ")}`;
  if (positions.length > 0) return ` order by ${positions.join(", ")}`;
  if (c.grouped) return "";
  return plan.entity.id === "none" ? "" : ` order by ${columnOf(ROOT, "id")}`;
}

function refusal(plan: QueryPlan, scope: QueryScope) {
  const items = scope.problems.items;
  const detail = items.map((p) => `${p.path ? `${p.path.slice(1)}: ` : ""}${p.message}`).join("; ");
  if (plan.saved) {
    // The model was checked when it compiled: what is left is what this caller may not read.
    if (items.every((p) => p.code === "fieldRead")) return forbidden(`you may not run ${plan.saved.name}: ${detail}`, items);
    throw new Error(`saved query ${plan.saved.name} does not compile: ${detail}`);
  }
  return badRequest(detail, items);
}
