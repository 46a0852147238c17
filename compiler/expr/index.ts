/**
 * weave's expression language: parse, check (and normalise), evaluate.
 *
 * @example
 * const { ast, diagnostics } = parseExpression("sum(lines.total) > 100");
 * const checked = checkExpression(ast!, scope, T.bool);
 * evaluate(checked.ast, { variables: { record } }); // true or false
 */
export { parseExpression } from "./parser.ts";
export { checkExpression } from "./check.ts";
export { evaluate, type EvalContext } from "./evaluate.ts";
export { ExpressionError } from "./errors.ts";
export type { ExprDiagnostic, ExprCode } from "./diagnostics.ts";
export { builtinMembers, CONTEXT_VARIABLES, RECORD, TENANT_TYPE, USER_TYPE, type ExprScope } from "./scope.ts";
export { didYouMean, levenshtein, suggest } from "./suggest.ts";
export { assignable, formatType, T } from "./types.ts";
export { FUNCTIONS, METHODS } from "./functions.ts";
