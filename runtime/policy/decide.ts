/**
 * Deciding a policy for the identity alone, without a row: a policy that reads no `record` holds
 * or fails for everyone in the request, so it needs no SQL per row (and a filter on a field it
 * guards is no oracle). One that reads the record is decided in SQL, on each row.
 */
import { analyzeExpression } from "../../compiler/generators/sql/expr/index.ts";
import { evaluate } from "../../compiler/expr/index.ts";
import type { Expr, IR, IREntity, IRExpression } from "../../compiler/ir/index.ts";
import { policyVariables } from "../records/access.ts";
import type { Identity } from "../server/context.ts";

const readsRowCache = new WeakMap<object, boolean>();

/**
 * Whether `expression` reads the record (its columns or its relations), so only a row can decide it.
 *
 * @example readsRow(ir, invoice, invoice.policies.delete!) // true: "$isAdmin && record.status == 'draft'"
 */
export function readsRow(ir: IR, entity: IREntity, expression: IRExpression): boolean {
  // Keyed by the AST node, which the IR keeps: sub-expressions of `partially` hit the cache too.
  let result = readsRowCache.get(expression.ast);
  if (result === undefined) {
    const analysis = analyzeExpression(expression.ast, { ir, entity: entity.name });
    result = analysis.columns.length > 0 || analysis.relations.length > 0;
    readsRowCache.set(expression.ast, result);
  }
  return result;
}

/**
 * The policy's answer for this identity when it does not read the record; undefined when it does.
 * An absent policy is false (deny by default); an expression the evaluator cannot run is false.
 *
 * @example decideForIdentity(ir, customer, emailPolicy, { tenantRoles: ["viewer"], … }) // false: "'billing' in tenant.roles"
 */
export function decideForIdentity(ir: IR, entity: IREntity, expression: IRExpression | undefined, identity: Identity): boolean | undefined {
  if (!expression) return false;
  const simplified = simplifyForIdentity(ir, entity, expression, identity);
  return typeof simplified === "boolean" ? simplified : undefined;
}

/**
 * The policy with every part that does not read the record decided for this identity: `a || b`
 * holds when such a part holds, `a && b` fails when such a part fails, and a part that holds (in
 * `&&`) or fails (in `||`) drops out. What is left is for the row to decide (an AST), unless the
 * whole policy was decided (a boolean). So `record.owner == user.id || 'admin' in tenant.roles`
 * is `true` for an admin and `record.owner == user.id` for anyone else, and the statement keeps no
 * role test the planner cannot fold (a prepared statement's generic plan cannot).
 *
 * @example simplifyForIdentity(ir, note, note.policies.read!, member) // the AST of `record.owner == user.id`
 */
export function simplifyForIdentity(ir: IR, entity: IREntity, expression: IRExpression, identity: Identity): Expr | boolean {
  const simplify = (node: Expr): Expr | boolean => {
    if (node.kind === "binary" && (node.op === "&&" || node.op === "||")) {
      const [left, right] = [simplify(node.left), simplify(node.right)];
      const decisive = node.op === "||";
      if (left === decisive || right === decisive) return decisive;
      if (left === !decisive) return right;
      if (right === !decisive) return left;
      return left === node.left && right === node.right ? node : { ...node, left: left as Expr, right: right as Expr };
    }
    return readsRow(ir, entity, { ...expression, ast: node } as IRExpression) ? node : evaluateFor(node, identity);
  };
  return simplify(expression.ast as Expr);
}

function evaluateFor(ast: Expr, identity: Identity): boolean {
  try {
    return evaluate(ast, { variables: policyVariables(identity) }) === true;
  } catch {
    return false;
  }
}

/**
 * Whether a conjunct of `expression` (`a && b && …`) that does not read the record fails for this
 * identity: then the whole policy fails whatever the row, and a create can be refused (403)
 * before its values are even looked at.
 *
 * @example deniedForIdentity(ir, line, line.policies.create!, viewer) // true: "$isBilling && record.invoice.status == 'draft'"
 */
export function deniedForIdentity(ir: IR, entity: IREntity, expression: IRExpression, identity: Identity): boolean {
  const conjuncts: Expr[] = [];
  const split = (node: Expr): void => {
    if (node.kind === "binary" && node.op === "&&") {
      split(node.left);
      split(node.right);
    } else conjuncts.push(node);
  };
  split(expression.ast as Expr);
  return conjuncts.some((ast) => decideForIdentity(ir, entity, { ...expression, ast } as IRExpression, identity) === false);
}
