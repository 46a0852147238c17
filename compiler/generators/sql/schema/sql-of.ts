import type { IR, IREntity, IRExpression } from "../../../ir/index.ts";

/**
 * How the schema generator writes expressions as SQL: supplied by the expression lowering, so
 * the schema code stays independent of it (and testable with a stub).
 */
export interface ExpressionSql {
  /** The expression as inline SQL (no parameters) on a row of `entity`, written `row` ("NEW", or a table name). */
  inline(expr: IRExpression, entity: IREntity, row: string): string;
  /** True when the value depends only on the row's own columns and on nothing that changes over time. */
  rowLocal(expr: IRExpression, entity: IREntity): boolean;
  /** The many-relations an expression reads through: child table and the FK column pointing back. */
  children(expr: IRExpression, entity: IREntity): { table: string; column: string }[];
}

/** Everything building a table needs. */
export interface SchemaContext {
  readonly ir: IR;
  readonly sql: ExpressionSql;
}
