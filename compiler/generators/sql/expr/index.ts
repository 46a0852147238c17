/**
 * SQL lowering of weave's expression language: a checked expression AST from the IR in, Postgres SQL out,
 * giving the same answer as the JS evaluator (compiler/expr/evaluate.ts), nulls included. The reference is
 * spec/expressions.md, "SQL lowering".
 *
 * A pure function of the IR: it reads entities, fields, columns and relations, and nothing else.
 *
 * @example
 * lowerCondition(policy.ast, { ir, entity: "Invoice", row: "t0", mode: "parameters" }); // policy: "'billing' in user.roles"
 * // { sql: "($1::text = ANY(string_to_array(nullif(current_setting('app.user_roles', true), ''), ',')))", parameters: ["billing"] }
 * lowerExpression(subtotal.computed.ast, { ir, entity: "Invoice", row: "NEW", mode: "inline" }); // "sum(lines.total)"
 * // { sql: '(select coalesce(sum("t0"."total"), 0) from "invoice_lines" "t0" where "t0"."invoice_id" = NEW."id")', parameters: [] }
 */
import type { DeepReadonly, Expr } from "../../../ir/index.ts";
import type { SqlContext } from "./context.ts";
import { strictCondition, conditionOf, valueOf } from "./convert.ts";
import { run } from "./lower.ts";
import type { RelationPath } from "./paths.ts";
import { render, type SqlFragment } from "./sql.ts";

export type { SqlContext } from "./context.ts";
export type { SqlFragment } from "./sql.ts";
export type { RelationJoin, RelationPath, RelationStep } from "./paths.ts";
export { SqlLoweringError } from "./errors.ts";
export type { VisibleRows } from "./visible.ts";

/** An expression AST as the IR holds it (deeply readonly), or as the checker returns it. */
export type ExprAst = DeepReadonly<Expr>;

/**
 * The value of an expression, as SQL: NULL exactly where the evaluator gives null, a record as its id, a list
 * as an array. Use it for computed columns and selected values; use lowerCondition for filters.
 *
 * @throws {SqlLoweringError} for an unchecked AST, a context that lacks what the expression needs, or one of
 *   the few constructs SQL cannot express (see spec/expressions.md, "SQL lowering").
 * @example
 * lowerExpression(parse("round(total * 1.19, 2)"), { ir, entity: "Invoice", mode: "inline" })
 * // { sql: 'round(("total" * 1.19), 2)', parameters: [] }
 */
export function lowerExpression(expr: ExprAst, ctx: SqlContext): SqlFragment {
  const { value, state } = run(expr, ctx);
  return render(valueOf(state, value).sql, ctx.parameterOffset);
}

/**
 * A bool expression as a SQL condition, true exactly where the evaluator's result counts as true. It may be
 * NULL where the evaluator says false (so `status == 'sent'` stays `"status" = 'sent'`, which an index can
 * serve): right for WHERE, JOIN ON, RLS policies, partial-index predicates and CASE WHEN, which all read
 * NULL as false. Pass `{ notNull: true }` where NULL would pass, as in a CHECK constraint.
 *
 * @example
 * lowerCondition(parse("status in ['sent', 'paid']"), { ir, entity: "Invoice", row: "t0", mode: "parameters" })
 * // { sql: '("t0"."status" = ANY($1::text[]))', parameters: [["sent", "paid"]] }
 */
export function lowerCondition(expr: ExprAst, ctx: SqlContext, options: { notNull?: boolean } = {}): SqlFragment {
  const { value, state } = run(expr, ctx);
  const sql = options.notNull ? strictCondition(state, value) : conditionOf(state, value).sql;
  return render(sql, ctx.parameterOffset);
}

/** The context analyzeExpression needs: the model and the entity; `query`/`action` when params/input are read. */
export type AnalysisContext = Pick<SqlContext, "ir" | "entity"> & Partial<Pick<SqlContext, "query" | "action" | "inlineGenerated">>;

/** What an expression reads. */
export interface ExpressionAnalysis {
  /** Reads only its own row: no related rows, no subquery, no `user`/`tenant`/`params`/`input`. */
  readonly rowLocal: boolean;
  /** Uses only immutable SQL: no now()/today(), no settings, no text-to-date casts. */
  readonly immutable: boolean;
  /** The context variables it reads (`user`, `tenant`, `params`, `input`). */
  readonly variables: readonly string[];
  /** Columns of its own row it reads. */
  readonly columns: readonly string[];
  /** The relations it traverses, with the columns it reads at the end of each. */
  readonly relations: readonly RelationPath[];
}

/**
 * What an expression reads, for the schema generator: whether a materialized computed field can be a
 * generated column, and which related tables a trigger must watch.
 *
 * @example
 * analyzeExpression(parse("sum(lines.total)"), { ir, entity: "Invoice" })
 * // { rowLocal: false, immutable: true, variables: [], columns: ["id"], relations: [{ steps: [{ entity: "Invoice",
 * //   field: "lines", kind: "many", target: "InvoiceLine", table: "invoice_lines",
 * //   join: { kind: "inverse", column: "invoice_id" } }], columns: ["invoice_id", "total"] }] }
 */
export function analyzeExpression(expr: ExprAst, ctx: AnalysisContext): ExpressionAnalysis {
  const { state } = run(expr, { ...ctx, mode: "inline" }, true);
  const { found } = state;
  return {
    rowLocal: !found.subquery && found.variables.size === 0,
    immutable: !found.stable,
    variables: [...found.variables],
    columns: found.reads.root(),
    relations: found.reads.paths(),
  };
}

/**
 * Whether an expression is row-local and immutable: no relation traversal or other subquery, no
 * now()/today(), no user/tenant/params/input. Such a computed field can be a generated column (lower it with
 * `inlineGenerated: true` and no row); any other materialized field needs a trigger.
 *
 * @example isRowLocalImmutable(parse("price * qty"), { ir, entity: "InvoiceLine" }) // true
 */
export function isRowLocalImmutable(expr: ExprAst, ctx: AnalysisContext): boolean {
  const analysis = analyzeExpression(expr, ctx);
  return analysis.rowLocal && analysis.immutable;
}

/**
 * The relation paths an expression reads, outermost step first, each with the columns read on its last table
 * (virtual computed fields are followed into their own expressions).
 *
 * @example
 * relationPaths(parse("record.project.members.exists(m, m.user == user.id)"), { ir, entity: "Task" })
 * // [{ steps: [Task.project (foreignKey project_id), Project.members (inverse project_id)],
 * //    columns: ["project_id", "user_id"] }]  (the project row itself is not read: its id is the foreign key)
 */
export function relationPaths(expr: ExprAst, ctx: AnalysisContext): readonly RelationPath[] {
  return analyzeExpression(expr, ctx).relations;
}
