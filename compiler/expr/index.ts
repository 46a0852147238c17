/**
 * weave's expression language: parse, check (and normalise), evaluate. The reference is
 * spec/expressions.md.
 *
 * @example
 * const { ast, diagnostics } = parseExpression("sum(lines.total) > 100");
 * const checked = checkExpression(ast!, scope, T.bool); // scope: see ExprScope
 * evaluate(checked.ast, { variables: { record }, types: scope }); // true or false
 */
export { parseExpression } from "./parser.ts";
export { checkExpression } from "./check.ts";
export { evaluate, type EvalContext } from "./evaluate.ts";
export type { EvalTypes } from "./eval-types.ts";
export { ExpressionError } from "./errors.ts";
export { Decimal, isDecimal, toDecimal } from "./decimal.ts";
export type { ExprDiagnostic, ExprCode } from "./diagnostics.ts";
export { builtinMembers, CHECK_DEPTH_LIMIT, CONTEXT_VARIABLES, RECORD, TENANT_TYPE, USER_TYPE, type ExprScope } from "./scope.ts";
export { closest, didYouMean, distance } from "../diagnostics/suggest.ts";
export { assignable, formatType, T } from "./types.ts";
export { FUNCTIONS, METHODS, type FunctionSpec, type MethodSpec } from "./functions.ts";
