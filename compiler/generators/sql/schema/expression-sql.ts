import type { IR, IREntity, IRExpression } from "../../../ir/index.ts";
import { isRowLocalImmutable, lowerCondition, lowerExpression, relationPaths } from "../expr/index.ts";
import type { Dependency, ExpressionSql } from "./sql-of.ts";

/**
 * The expression lowering, as the schema generator uses it: inline SQL (DDL takes no
 * parameters) with row-local materialized fields inlined.
 *
 * @example
 *   const sql = expressionSql(ir);
 *   sql.value(lineTotal.computed, invoiceLine); // '("quantity" * "unit_price")'
 */
export function expressionSql(ir: IR): ExpressionSql {
  const ctx = (entity: IREntity, row?: string) => ({ ir, entity: entity.name, mode: "inline" as const, inlineGenerated: true, ...(row ? { row } : {}) });
  return {
    value: (expr, entity, row) => lowerExpression(expr.ast, ctx(entity, row)).sql,
    condition: (expr, entity) => lowerCondition(expr.ast, ctx(entity)).sql,
    rowLocal: (expr, entity) => isRowLocalImmutable(expr.ast, ctx(entity)),
    dependencies: (expr, entity) => dependenciesOf(ir, expr, entity),
  };
}

/** The first step of every relation path: the table it reads, and the columns that tie its rows to the entity's. */
function dependenciesOf(ir: IR, expr: IRExpression, entity: IREntity): Dependency[] {
  const found = new Map<string, Dependency>();
  for (const path of relationPaths(expr.ast, { ir, entity: entity.name })) {
    const step = path.steps[0];
    if (!step) continue;
    const join = step.join;
    const dependency: Dependency | undefined =
      join.kind === "inverse" ? { table: step.table, parentColumn: "id", childColumn: join.column }
      : join.kind === "foreignKey" ? { table: step.table, parentColumn: join.column, childColumn: "id" }
      : join.kind === "through" ? { table: join.table, parentColumn: "id", childColumn: join.sourceColumn }
      : undefined;
    if (dependency) found.set(`${dependency.table}.${dependency.childColumn}`, dependency);
  }
  return [...found.values()];
}
