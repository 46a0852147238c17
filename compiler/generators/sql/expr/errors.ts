/**
 * Thrown when an expression cannot be lowered to SQL: a construct SQL cannot express (equality of two lists
 * of records), a context that lacks something the expression needs (a correlated subquery without a row
 * alias, `params` without values), or an AST that was not checked. These are bugs in the caller or limits
 * documented in spec/expressions.md ("SQL lowering"), never bad user input: the checker rejects that first.
 */
export class SqlLoweringError extends Error {
  override readonly name = "SqlLoweringError";
}
