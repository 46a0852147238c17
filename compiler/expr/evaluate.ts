/**
 * Evaluates a checked, normalised expression (the `ast` returned by `checkExpression`) against values.
 * Null semantics follow the SQL the same expression lowers to; see spec/expressions.md.
 */
import type { BinaryExpr, CallExpr, Expr, ExprType, MacroExpr, MemberExpr } from "../ir/index.ts";
import { arithmetic, negate } from "./arithmetic.ts";
import { describeValue } from "./decimal.ts";
import { ExpressionError } from "./errors.ts";
import { FUNCTION_IMPLS, METHOD_IMPLS } from "./eval-functions.ts";
import { coerce, staticType, type EvalTypes } from "./eval-types.ts";
import { compareValues, isNull, listOf, truthy, valuesEqual } from "./values.ts";
import { own } from "./own.ts";
import { CHECK_DEPTH_LIMIT } from "./scope.ts";

export interface EvalContext {
  /** Values of the variables: `record`, `user`, `tenant`, `input`, `params`, as the context has them. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The clock for `now()` and `today()`; defaults to the system clock. */
  readonly now?: () => Date;
  /**
   * The variables' static types (the scope the expression was checked in). When given, values read from
   * variables are converted by type first, so numeric columns that arrive as strings compare as numbers.
   */
  readonly types?: EvalTypes;
  /**
   * The policies a recursive delegation runs (`check(record.parent, 'read', 'Folder')` in a checked
   * AST): the IR's `Entity.policies[op].ast`. Without it, such an expression cannot be evaluated.
   */
  readonly policy?: (entity: string, op: string) => Expr | undefined;
}

interface Env {
  readonly ctx: EvalContext;
  readonly now: () => Date;
  readonly locals: Map<string, unknown>;
  readonly localTypes: Map<string, ExprType | undefined>;
  /** Recursive delegations followed so far on this path (see CHECK_DEPTH_LIMIT). */
  readonly depth: number;
}

type Handlers = { [K in Expr["kind"]]: (node: Extract<Expr, { kind: K }>, env: Env) => unknown };

/**
 * Evaluates `ast` in `context`. Returns a JS value: boolean, number (int), Decimal (decimal, money and any
 * division), string, Date (now()), 'YYYY-MM-DD' string (today()), null, or a list or record.
 *
 * @throws {ExpressionError} when a value has the wrong kind at run time (a relation that was not loaded,
 *   data that does not match the model), or for an unchecked AST (a `$rule` that was not inlined, an
 *   unknown name or function). A checked expression over data of the declared types does not throw.
 * @example
 * evaluate(checked.ast, { variables: { record: { total: "12.50", lines: [] } }, now: () => new Date("2024-05-01T00:00:00Z") });
 */
export function evaluate(ast: Expr, context: EvalContext): unknown {
  const env: Env = { ctx: context, now: context.now ?? (() => new Date()), locals: new Map(), localTypes: new Map(), depth: 0 };
  return run(ast, env);
}

const handlers: Handlers = {
  literal: (node) => node.value,
  list: (node, env) => node.items.map((item) => run(item, env)),
  ident: (node, env) => readIdent(node.name, env, node),
  ruleRef: (node) => {
    throw new ExpressionError(
      `shared rule \`$${node.name}\` was not inlined: evaluate the AST returned by checkExpression`,
      node.span,
    );
  },
  member: (node, env) => typed(node, readMember(run(node.object, env), node.property, node), env),
  call: evalCall,
  macro: evalMacro,
  unary: (node, env) => (node.op === "!" ? !truthy(run(node.operand, env)) : negate(run(node.operand, env))),
  binary: evalBinary,
  conditional: (node, env) => run(truthy(run(node.test, env)) ? node.then : node.else, env),
};

function run(node: Expr, env: Env): unknown {
  try {
    return (handlers[node.kind] as (n: Expr, e: Env) => unknown)(node, env);
  } catch (error) {
    // Attach the innermost span once, so the caller can point at the failing part.
    if (error instanceof ExpressionError && !error.span) throw new ExpressionError(error.message, node.span);
    throw error;
  }
}

function readIdent(name: string, env: Env, node: Expr): unknown {
  if (env.locals.has(name)) return env.locals.get(name);
  if (!Object.hasOwn(env.ctx.variables, name))
    throw new ExpressionError(`\`${name}\` has no value in this context`, node.span);
  return typed(node, env.ctx.variables[name], env);
}

/** Converts a value read from a variable by its static type, when the context has types. */
function typed(node: Expr, value: unknown, env: Env): unknown {
  const { types } = env.ctx;
  return types ? coerce(value, staticType(node, types, env.localTypes)) : isNull(value) ? null : value;
}

/** `a.b`: null for a null object or a missing field; on a list, the list of each item's member (flattened). */
function readMember(object: unknown, property: string, node: MemberExpr): unknown {
  if (isNull(object)) return null;
  if (Array.isArray(object)) return object.map((item) => readMember(item, property, node)).flat(1);
  // Own keys only: a field named `constructor` must not read Object.prototype.
  if (typeof object === "object" && !(object instanceof Date))
    return own(object as Record<string, unknown>, property) ?? null;
  const hint = typeof object === "string" ? " (is the relation loaded?)" : "";
  throw new ExpressionError(`cannot read \`${property}\` of ${describeValue(object)}${hint}`, node.span);
}

function evalBinary(node: BinaryExpr, env: Env): unknown {
  if (node.op === "&&") return truthy(run(node.left, env)) && truthy(run(node.right, env));
  if (node.op === "||") return truthy(run(node.left, env)) || truthy(run(node.right, env));
  const left = run(node.left, env);
  const right = run(node.right, env);
  switch (node.op) {
    case "==":
      return valuesEqual(left, right);
    case "!=":
      return !valuesEqual(left, right);
    case "in":
      return !isNull(left) && listOf(right, "`in`").some((item) => valuesEqual(left, item));
    case "<":
    case "<=":
    case ">":
    case ">=":
      return !isNull(left) && !isNull(right) && ORDER[node.op](compareValues(left, right));
    default:
      return arithmetic(node.op, left, right);
  }
}

const ORDER = {
  "<": (c: number) => c < 0,
  "<=": (c: number) => c <= 0,
  ">": (c: number) => c > 0,
  ">=": (c: number) => c >= 0,
};

function evalCall(node: CallExpr, env: Env): unknown {
  if (node.target) return evalMethod(node, node.target, env);
  if (node.callee === "has") return evalHas(node, env);
  if (node.callee === "check" && node.args.length === 3) return evalRecursion(node, env);
  const impl = own(FUNCTION_IMPLS, node.callee);
  if (!impl) throw new ExpressionError(`unknown function \`${node.callee}\``, node.span);
  return impl(
    node.args.map((arg) => run(arg, env)),
    env.now,
  );
}

function evalMethod(node: CallExpr, target: Expr, env: Env): unknown {
  const impl = own(METHOD_IMPLS, node.callee);
  if (!impl) throw new ExpressionError(`unknown method \`${node.callee}\``, node.span);
  return impl(run(target, env), run(node.args[0]!, env));
}

/**
 * `check(x, op, Entity)`, a policy that delegates to itself: false without a record or past
 * CHECK_DEPTH_LIMIT records deep; otherwise the entity's policy, with `record` bound to `x`.
 */
function evalRecursion(node: CallExpr, env: Env): boolean {
  const [target, op, entity] = node.args.map((arg, i) => (i === 0 ? run(arg, env) : (arg as { value: string }).value)) as [unknown, string, string];
  if (isNull(target) || env.depth >= CHECK_DEPTH_LIMIT) return false;
  const policy = env.ctx.policy?.(entity, op);
  if (!env.ctx.policy) throw new ExpressionError(`\`check\` recurses into ${entity}.${op}: pass the IR's policies as \`policy\``, node.span);
  if (!policy) return false;
  if (typeof target !== "object") throw new ExpressionError(`cannot check ${describeValue(target)} (is the relation loaded?)`, node.span);
  const types = env.ctx.types && { ...env.ctx.types, variables: { ...env.ctx.types.variables, record: { kind: "entity" as const, name: entity } } };
  const ctx: EvalContext = { ...env.ctx, variables: { ...env.ctx.variables, record: target }, ...(types ? { types } : {}) };
  return truthy(run(policy, { ...env, ctx, locals: new Map(), localTypes: new Map(), depth: env.depth + 1 }));
}

/** `has(a.b)`: whether `a` is there and its `b` is set (not null, not absent). */
function evalHas(node: CallExpr, env: Env): boolean {
  const [field] = node.args;
  if (field?.kind !== "member") throw new ExpressionError("`has` needs a field, like `has(record.due)`", node.span);
  const object = run(field.object, env);
  if (isNull(object)) return false;
  const value = readMember(object, field.property, field);
  return Array.isArray(object) ? (value as unknown[]).some((v) => !isNull(v)) : !isNull(value);
}

function evalMacro(node: MacroExpr, env: Env): unknown {
  const items = listOf(run(node.target, env), `\`${node.macro}\``);
  const types = env.ctx.types;
  const listType = types && staticType(node.target, types, env.localTypes);
  const locals = new Map(env.locals);
  const localTypes = new Map(env.localTypes).set(node.variable, listType?.kind === "list" ? listType.of : undefined);
  const inner: Env = { ...env, locals, localTypes };
  const body = (item: unknown) => {
    locals.set(node.variable, item);
    return run(node.body, inner);
  };
  switch (node.macro) {
    case "exists":
      return items.some((item) => truthy(body(item)));
    case "all":
      return items.every((item) => truthy(body(item)));
    case "filter":
      return items.filter((item) => truthy(body(item)));
    case "map":
      return items.map(body);
  }
}
