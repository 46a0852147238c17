/**
 * Macros: `exists` and `all` become EXISTS / NOT EXISTS over the list's rows, `filter` adds a condition to
 * them and `map` changes what each row stands for. Over a list written in the expression, `exists`, `all`
 * and `map` are expanded item by item, so no subquery is needed.
 */
import type { ExprType, MacroExpr } from "../../../ir/index.ts";
import type { Env, State } from "./context.ts";
import { conditionOf, existsSql, setOf, strictCondition } from "./convert.ts";
import { join, raw, sql } from "./sql.ts";
import { scalar, typeOf, type ListValue, type Value } from "./values.ts";

const BOOL: ExprType = { kind: "bool" };

export function lowerMacro(node: MacroExpr, env: Env, state: State): Value {
  const target = state.lower(node.target, env);
  const bind = (item: Value): Env => ({ ...env, locals: new Map(env.locals).set(node.variable, item) });
  const body = (item: Value) => state.lower(node.body, bind(item));
  if (target.kind === "list" && node.macro !== "filter") return expand(node.macro, target, body, state);
  const set = setOf(state, target);
  const value = body(set.element);
  switch (node.macro) {
    case "exists":
      return scalar(existsSql(state, set, [conditionOf(state, value).sql]), BOOL, "none");
    case "all":
      return scalar(sql`(NOT ${existsSql(state, set, [sql`(NOT ${strictCondition(state, value)})`])})`, BOOL, "none");
    case "filter":
      return { ...set, where: [...set.where, conditionOf(state, value).sql] };
    case "map":
      return { ...set, element: value, of: typeOf(value) };
  }
}

/** `[a, b].exists(x, p)` -> `(p(a) OR p(b))`; `all` with AND; `map` maps the items. */
function expand(macro: "exists" | "all" | "map", list: ListValue, body: (item: Value) => Value, state: State): Value {
  const values = list.items.map(body);
  if (macro === "map") return { kind: "list", items: values, of: values.map(typeOf)[0] ?? list.of };
  if (values.length === 0) return scalar(raw(macro === "exists" ? "false" : "true"), BOOL, "none");
  const conditions = values.map((v) => conditionOf(state, v));
  const nulls = conditions.some((c) => c.nulls === "false") ? "false" : "none";
  return scalar(sql`(${join(conditions.map((c) => c.sql), macro === "exists" ? " OR " : " AND ")})`, BOOL, nulls);
}
