/**
 * The node dispatch and one run of the lowering: a checked AST in, a value and what it was found to read out.
 */
import type { DeepReadonly, Expr, ExprType, IdentExpr, ListExpr, LiteralExpr } from "../../../ir/index.ts";
import { unify } from "../../../expr/types.ts";
import { newState, type Env, type SqlContext, type State } from "./context.ts";
import { SqlLoweringError } from "./errors.ts";
import { lowerCall } from "./lower-functions.ts";
import { lowerMacro } from "./lower-macros.ts";
import { lowerMember } from "./lower-member.ts";
import { lowerBinary, lowerConditional, lowerUnary } from "./lower-operators.ts";
import { entityNamed } from "./model.ts";
import { typeOf, type EntityIR, type Value } from "./values.ts";

type Handlers = { [K in Expr["kind"]]: (node: Extract<Expr, { kind: K }>, env: Env, state: State) => Value };

const CONTEXT_OBJECTS = new Set(["user", "tenant", "params", "input"]);

const handlers: Handlers = {
  literal: (node: LiteralExpr) => ({ kind: "literal", value: node.value, decimal: node.decimal === true }),
  list: lowerList,
  ident: lowerIdent,
  ruleRef: (node) => {
    throw new SqlLoweringError(`shared rule \`$${node.name}\` was not inlined: lower the checked AST from the IR`);
  },
  member: (node, env, state) => lowerMember(state, env, state.lower(node.object, env), node.property),
  call: lowerCall,
  macro: lowerMacro,
  unary: lowerUnary,
  binary: lowerBinary,
  conditional: lowerConditional,
};

const dispatch = (node: Expr, env: Env, state: State): Value =>
  (handlers[node.kind] as (n: Expr, e: Env, s: State) => Value)(node, env, state);

function lowerIdent(node: IdentExpr, env: Env): Value {
  const local = env.locals.get(node.name);
  if (local) return local;
  if (node.name === "record") return env.record;
  if (CONTEXT_OBJECTS.has(node.name)) return { kind: "object", name: node.name };
  throw new SqlLoweringError(`unknown name \`${node.name}\`: lower the checked AST from the IR`);
}

function lowerList(node: ListExpr, env: Env, state: State): Value {
  const items = node.items.map((item) => state.lower(item, env));
  const of = items.reduce<ExprType>((t, item) => unify(t, typeOf(item)) ?? t, { kind: "null" });
  return { kind: "list", items, of };
}

/**
 * Lowers `expr` in `ctx` to a value. With `analysis`, values that are missing (params without values) read
 * as null instead of failing, and a subquery without a row alias is allowed: the SQL is not used.
 */
export function run(expr: DeepReadonly<Expr>, ctx: SqlContext, analysis = false, isGenerated = generatedIn(ctx)): { value: Value; state: State } {
  const state: State = newState(ctx, { lower: (node, env) => dispatch(node, env, state), isGenerated }, analysis);
  const entity = entityNamed(ctx.ir, ctx.entity);
  const record: Value = { kind: "row", entity, alias: ctx.row, path: [] };
  // The lowering never changes the AST: the IR's readonly nodes are read as plain ones.
  const value = state.lower(expr as Expr, { record, locals: new Map(), variables: true, inlining: [] });
  if (!analysis && ctx.row === undefined && state.found.subquery)
    throw new SqlLoweringError("this expression reads related rows (a subquery): lower it with a row alias (ctx.row), not bare columns");
  return { value, state };
}

/** Whether a materialized computed field is stored as a generated column (row-local and immutable). */
function generatedIn(ctx: SqlContext): (entity: EntityIR, field: string) => boolean {
  const cache = new Map<string, boolean>();
  const isGenerated = (entity: EntityIR, name: string): boolean => {
    const key = `${entity.name}.${name}`;
    const field = entity.fields.find((f) => f.name === name);
    if (!field?.computed || field.storage !== "column") return false;
    if (!cache.has(key)) {
      cache.set(key, false); // a cycle reads the column
      const inner: SqlContext = { ir: ctx.ir, entity: entity.name, mode: "inline", inlineGenerated: true };
      const { state } = run(field.computed.ast, inner, true, isGenerated);
      cache.set(key, !state.found.subquery && !state.found.stable && state.found.variables.size === 0);
    }
    return cache.get(key)!;
  };
  return isGenerated;
}
