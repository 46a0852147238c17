import type { IR, IREntity, IRExpression } from "../../../ir/index.ts";

/** How a changed row of another table leads to the rows whose stored values read it. */
export interface Dependency {
  /** The table whose rows are read. */
  readonly table: string;
  /** Column of the entity's table that matches... */
  readonly parentColumn: string;
  /** ...this column of the read table. */
  readonly childColumn: string;
}

/**
 * How the schema generator writes expressions as SQL: supplied by the expression lowering, so
 * the schema code stays independent of it (and testable with a stub). Row-local materialized
 * fields are always inlined, since neither a generated column nor a BEFORE trigger can read a
 * generated column's value.
 */
export interface ExpressionSql {
  /** The expression's value as inline SQL on a row of `entity`, written `row` ("NEW"), or bare columns when omitted. */
  value(expr: IRExpression, entity: IREntity, row?: string): string;
  /** The expression as an inline SQL condition (index predicates). */
  condition(expr: IRExpression, entity: IREntity): string;
  /** True when the value depends only on the row's own columns and on nothing that changes over time. */
  rowLocal(expr: IRExpression, entity: IREntity): boolean;
  /** The other tables an expression reads one relation away, and how their rows lead back to the entity's rows. */
  dependencies(expr: IRExpression, entity: IREntity): Dependency[];
}

/** Everything building a table needs. */
export interface SchemaContext {
  readonly ir: IR;
  readonly sql: ExpressionSql;
}
