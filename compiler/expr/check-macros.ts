/**
 * Macros `list.exists(x, p)`, `all`, `filter` and `map`: the variable is bound to the list's element type
 * inside the body only.
 */
import type { ExprType, MacroExpr } from "../ir/index.ts";
import { visit, type CheckContext, type Checked } from "./check-context.ts";
import { elementOf, need } from "./functions.ts";
import { T } from "./types.ts";

export function checkMacro(node: MacroExpr, ctx: CheckContext): Checked {
  const target = visit(ctx, node.target);
  const isList = need(ctx, node.macro, target, (t) => t.kind === "list", "a list");
  const element = isList ? elementOf(target.type) : T.any;
  const locals = new Map(ctx.locals).set(node.variable, element);
  const body = visit({ ...ctx, locals }, node.body);
  if (node.macro !== "map")
    need(ctx, node.macro, body, (t) => t.kind === "bool" || t.kind === "null", "a bool condition");
  const ast: MacroExpr = { ...node, target: target.ast, body: body.ast };
  return { ast, type: resultType(node.macro, target.type, body.type, isList) };
}

function resultType(macro: MacroExpr["macro"], target: ExprType, body: ExprType, isList: boolean): ExprType {
  if (macro === "exists" || macro === "all") return T.bool;
  if (macro === "map") return T.list(body);
  return isList ? target : T.list(T.any);
}
