/**
 * A policy that delegates to itself (`read: "owner == user.id || check(parent, 'read')"`) is followed
 * at run time along a chain of records: the SQL lowering walks it with one recursive CTE, which needs
 * the policy to come back to itself once, joined only by `&&` and `||` (so more of the chain can
 * only allow more). A tree (two ways back) or a recursion under `!`, a comparison, a condition or
 * a macro is WV410.
 */
import type { CallExpr, Expr } from "../ir/index.ts";
import { report, type CheckContext } from "./check-context.ts";

/** A recursive delegation left in a checked AST: `check(x, op, Entity)`. */
export function isRecursiveCheck(node: Expr): boolean {
  return node.kind === "call" && node.callee === "check" && !node.target && node.args.length === 3;
}

/** The policy a recursive delegation runs: `Folder.read`. */
export function recursionName(node: CallExpr): string {
  const [, op, entity] = node.args;
  return `${(entity as { value: string }).value}.${(op as { value: string }).value}`;
}

/**
 * Reports each of the expression's own policies (`ctx.scope.policyNames`) that it reaches again in a
 * shape the recursion cannot follow.
 *
 * @example checkRecursion(ctx, ast); // WV410 for "check(parent, 'read') || check(owner, 'read')" on Folder.read
 */
export function checkRecursion(ctx: CheckContext, ast: Expr): void {
  const names = ctx.scope.policyNames ?? [];
  if (names.length === 0) return;
  const found: { node: CallExpr; positive: boolean }[] = [];
  collect(ast, true, found);
  for (const name of names) {
    const uses = found.filter((f) => recursionName(f.node) === name);
    const [first, second] = uses;
    if (second) {
      report(ctx, "WV410", `\`${name}\` delegates to itself more than once: only a chain of records can be followed, not a tree`, second.node.span, "keep one `check` back to the same policy (through `parent`, say), or write the other condition out");
    } else if (first && !first.positive) {
      report(ctx, "WV410", `\`${name}\` delegates to itself under \`!\`, a comparison, a condition or a macro`, first.node.span, "join the `check` back to the same policy only with `&&` and `||`");
    }
  }
}

/** Recursive delegations, and whether only `&&` and `||` lead to each from the root. */
function collect(node: Expr, positive: boolean, into: { node: CallExpr; positive: boolean }[]): void {
  if (node.kind === "call" && isRecursiveCheck(node)) {
    into.push({ node, positive });
    return collect(node.args[0]!, false, into);
  }
  const under = (child: Expr, stays: boolean) => collect(child, positive && stays, into);
  switch (node.kind) {
    case "binary": {
      const logical = node.op === "&&" || node.op === "||";
      under(node.left, logical);
      under(node.right, logical);
      break;
    }
    case "list":
      node.items.forEach((item) => under(item, false));
      break;
    case "member":
      under(node.object, false);
      break;
    case "call":
      if (node.target) under(node.target, false);
      node.args.forEach((arg) => under(arg, false));
      break;
    case "macro":
      under(node.target, false);
      under(node.body, false);
      break;
    case "unary":
      under(node.operand, false);
      break;
    case "conditional":
      [node.test, node.then, node.else].forEach((child) => under(child, false));
      break;
  }
}
