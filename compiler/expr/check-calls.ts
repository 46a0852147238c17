/**
 * Function calls `size(x)` and method calls `s.contains(x)`: the name, the arity (WV405), then the typing
 * rule of functions.ts (WV406).
 */
import type { CallExpr, ExprType } from "../ir/index.ts";
import { report, visit, type CheckContext, type Checked } from "./check-context.ts";
import { enumLiterals } from "./check-operators.ts";
import { FUNCTIONS, METHODS } from "./functions.ts";
import { POLICY_CALLS, type PolicyCallSpec } from "./check-policy-calls.ts";
import { plural } from "./diagnostics.ts";
import { MACROS } from "./parse-primary.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { formatType, isDynamic, T } from "./types.ts";
import { own } from "./own.ts";

export function checkCall(node: CallExpr, ctx: CheckContext): Checked {
  const target = node.target && visit(ctx, node.target);
  const inner = !target && node.callee === "has" ? { ...ctx, nullTest: true } : ctx;
  const args = node.args.map((arg) => visit(inner, arg));
  const ast: CallExpr = { ...node, ...(target && { target: target.ast }), args: args.map((a) => a.ast) };
  const policyCall = !target && own(POLICY_CALLS, node.callee);
  if (policyCall) return checkPolicyCall(ctx, ast, policyCall, args);
  const type = target ? checkMethod(ctx, node, target, args) : checkFunction(ctx, node, args);
  return { ast, type };
}

function checkFunction(ctx: CheckContext, node: CallExpr, args: readonly Checked[]): ExprType {
  const spec = own(FUNCTIONS, node.callee);
  if (!spec) {
    const name = { start: node.span.start, end: node.span.start + node.callee.length };
    report(ctx, "WV405", `unknown function \`${node.callee}\``, name, unknownFunctionHint(node.callee));
    return T.any;
  }
  if (args.length < spec.min || args.length > spec.max) {
    report(
      ctx,
      "WV405",
      `\`${node.callee}\` takes ${arity(spec.min, spec.max)}, found ${args.length}`,
      node.span,
      `call it like \`${spec.signature}\``,
    );
    return T.any;
  }
  return spec.result(args, ctx);
}

function checkPolicyCall(ctx: CheckContext, node: CallExpr, spec: PolicyCallSpec, args: readonly Checked[]): Checked {
  if (args.length === spec.arity) return spec.check(node, args, ctx);
  const message = `\`${node.callee}\` takes ${plural(spec.arity, "argument")}, found ${args.length}`;
  report(ctx, "WV405", message, node.span, `call it like \`${spec.signature}\``);
  return { ast: node, type: T.any };
}

function arity(min: number, max: number): string {
  if (min === max) return plural(min, "argument");
  return max === Infinity ? `at least ${plural(min, "argument")}` : `${min} to ${plural(max, "argument")}`;
}

function unknownFunctionHint(name: string): string | undefined {
  if ((MACROS as readonly string[]).includes(name)) return `\`${name}\` is a macro: write \`list.${name}(x, ...)\``;
  const method = own(METHODS, name);
  if (method) return `\`${name}\` is a method: write \`${method.signature}\``;
  return didYouMean(name, [...Object.keys(FUNCTIONS), ...Object.keys(POLICY_CALLS)]);
}

function checkMethod(ctx: CheckContext, node: CallExpr, target: Checked, args: readonly Checked[]): ExprType {
  const spec = own(METHODS, node.callee);
  const applies = spec && (isDynamic(target.type) || spec.on(target.type));
  if (!spec || !applies) {
    const on = formatType(target.type);
    report(
      ctx,
      "WV405",
      `unknown method \`${node.callee}\` on ${on}`,
      node.span,
      unknownMethodHint(node.callee, target),
    );
    return T.any;
  }
  const [arg] = args;
  if (args.length !== 1 || !arg) {
    report(
      ctx,
      "WV405",
      `\`${node.callee}\` takes 1 argument, found ${args.length}`,
      node.span,
      `call it like \`${spec.signature}\``,
    );
    return T.any;
  }
  spec.check(target, arg, ctx);
  if (target.type.kind === "list") enumLiterals(ctx, { ast: target.ast, type: target.type.of }, arg.ast);
  return T.bool;
}

function unknownMethodHint(name: string, target: Checked): string | undefined {
  if (own(FUNCTIONS, name)) return `\`${name}\` is a function: write \`${name}(x)\``;
  const available = Object.keys(METHODS).filter((m) => METHODS[m]!.on(target.type));
  return didYouMean(name, available) ?? (available.length ? `methods here: ${available.join(", ")}` : undefined);
}
