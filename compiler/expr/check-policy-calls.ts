/**
 * `can('invoices.pay')` and `check(record.customer, 'read')`. Both are normalised away by the checker, so
 * the evaluator and the SQL lowering never see them:
 *
 * - `can(p)` becomes `'r1' in tenant.roles || 'r1' in user.roles || …` over the roles the permission
 *   catalog gives `p` (the runtime's roles are already expanded by inheritance); `false` when none;
 * - `check(x, op)` becomes `has(x) && <x's entity's op policy, with record bound to x>`; `false` when the
 *   entity has no such policy (deny by default).
 */
import type { BinaryExpr, CallExpr, Expr, ExprType, LiteralExpr, Span } from "../ir/index.ts";
import { report, visit, type CheckContext, type Checked } from "./check-context.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { POLICY_OPS, RECORD, type PolicyOp } from "./scope.ts";
import { withSpan } from "./respan.ts";
import { substituteRecord } from "./substitute.ts";
import { formatType, isDynamic, T } from "./types.ts";

export interface PolicyCallSpec {
  readonly signature: string;
  readonly arity: number;
  readonly check: (node: CallExpr, args: readonly Checked[], ctx: CheckContext) => Checked;
}

export const POLICY_CALLS: Readonly<Record<string, PolicyCallSpec>> = {
  can: { signature: "can('permission')", arity: 1, check: checkCan },
  check: { signature: "check(record.relation, 'read')", arity: 2, check: checkDelegation },
};

const FAILED = (node: Expr): Checked => ({ ast: node, type: T.any });
const falseAt = (span: Span): LiteralExpr => ({ kind: "literal", value: false, span });

function checkCan(node: CallExpr, args: readonly Checked[], ctx: CheckContext): Checked {
  const name = stringArgument(ctx, node, args, 0, "a permission name as a string, like `can('invoices.pay')`");
  if (name === undefined) return FAILED(node);
  const permissions = ctx.scope.permissions ?? new Map<string, readonly string[]>();
  const roles = permissions.get(name);
  if (!roles) {
    const hint = didYouMean(name, permissions.keys(), (p) => `'${p}'`) ?? "declare it under `permissions:` in a policies/*.policy.yaml file";
    report(ctx, "WV409", `unknown permission '${name}'`, args[0]!.ast.span, hint);
    return FAILED(node);
  }
  const holders = ["tenant", "user"].filter((v) => Object.hasOwn(ctx.scope.variables, v) && !ctx.locals.has(v));
  if (holders.length === 0) {
    report(ctx, "WV407", "`can` is not available here: it reads `user.roles`", node.span, "use it in policies, transition `allow`s, actions and queries");
    return FAILED(node);
  }
  const span = node.span;
  const tests = holders.flatMap((holder) => roles.map((role): Expr => roleIn(role, holder, span)));
  return { ast: anyOf(tests, span), type: T.bool };
}

function roleIn(role: string, holder: string, span: Span): BinaryExpr {
  const roles: Expr = { kind: "member", object: { kind: "ident", name: holder, span }, property: "roles", span };
  return { kind: "binary", op: "in", left: { kind: "literal", value: role, span }, right: roles, span };
}

const anyOf = (tests: readonly Expr[], span: Span): Expr =>
  tests.length === 0 ? falseAt(span) : tests.reduce((left, right) => ({ kind: "binary", op: "||", left, right, span }));

function checkDelegation(node: CallExpr, args: readonly Checked[], ctx: CheckContext): Checked {
  const [target] = args;
  const op = stringArgument(ctx, node, args, 1, `an operation: ${POLICY_OPS.map((o) => `'${o}'`).join(", ")}`);
  if (!target || isDynamic(target.type)) return FAILED(node);
  if (target.type.kind !== "entity") {
    report(ctx, "WV406", `\`check\` needs a related record, like \`check(record.customer, 'read')\`, found ${formatType(target.type)}`, target.ast.span);
    return FAILED(node);
  }
  if (op === undefined) return FAILED(node);
  if (!(POLICY_OPS as readonly string[]).includes(op)) {
    const hint = didYouMean(op, POLICY_OPS, (o) => `'${o}'`) ?? `use one of ${POLICY_OPS.map((o) => `'${o}'`).join(", ")}`;
    report(ctx, "WV406", `\`check\` cannot delegate '${op}'`, args[1]!.ast.span, hint);
    return FAILED(node);
  }
  return inlinePolicy(ctx, node, target, op as PolicyOp);
}

function inlinePolicy(ctx: CheckContext, node: CallExpr, target: Checked, op: PolicyOp): Checked {
  const entity = (target.type as Extract<ExprType, { kind: "entity" }>).name;
  const body = ctx.scope.policy?.(entity, op);
  if (body === null) return FAILED(node); // reported where the policy is written
  if (body === undefined) return { ast: falseAt(node.span), type: T.bool };
  const name = `${entity}.${op}`;
  const stack = ctx.rule?.stack ?? [];
  const moves = ctx.rule?.moves ?? [];
  const moving = !isRecord(target.ast);
  const at = stack.indexOf(name);
  if (at >= 0 || ctx.scope.policyNames?.includes(name)) {
    // Back to a policy being inlined: a recursion, followed at run time up to CHECK_DEPTH_LIMIT
    // records, unless no step of it moves to another record (then it could never end).
    const moved = moving || moves.slice(at + 1).some(Boolean);
    if (moved) return { ast: recursion(target.ast, op, entity, node.span), type: T.bool };
    const path = [...(at >= 0 ? stack : [name, ...stack]), name].join(" -> ");
    report(ctx, "WV410", `policies delegate to each other in a cycle: ${path}`, node.span, "a policy cannot depend on itself about the same record: write the condition out in one of them");
    return FAILED(node);
  }
  const frame = ctx.rule ?? { span: node.span, outer: `policy \`${name}\``, stack: [] };
  const nextMoves = [...moves];
  nextMoves[stack.length] = moving;
  const inner: CheckContext = {
    ...ctx,
    scope: { ...ctx.scope, variables: policyVariables(ctx, target.type), implicit: target.type },
    locals: new Map(),
    rule: { ...frame, stack: [...stack, name], moves: nextMoves },
  };
  const checked = visit(inner, body);
  if (checked.type.kind !== "bool" && !isDynamic(checked.type)) return FAILED(node); // reported where written
  const policy = withSpan(substituteRecord(checked.ast, target.ast), frame.span);
  return { ast: guard(target.ast, policy, frame.span), type: T.bool };
}

const isRecord = (node: Expr): boolean => node.kind === "ident" && node.name === RECORD;

/**
 * A delegation that recurses stays a call in the checked AST, naming the entity whose policy it
 * runs: `check(record.parent, 'read', 'Folder')` (users cannot write the third argument).
 */
function recursion(target: Expr, op: PolicyOp, entity: string, span: Span): CallExpr {
  const literal = (value: string): LiteralExpr => ({ kind: "literal", value, span });
  return { kind: "call", callee: "check", args: [target, literal(op), literal(entity)], span };
}

/** A policy sees `user` and `tenant` (when the expression that delegates does) and its own record. */
function policyVariables(ctx: CheckContext, record: ExprType): Record<string, ExprType> {
  const variables: Record<string, ExprType> = { record };
  for (const name of ["user", "tenant"]) {
    const type = ctx.scope.variables[name];
    if (type && Object.hasOwn(ctx.scope.variables, name)) variables[name] = type;
  }
  return variables;
}

/** No related record, no access: `has(x) && policy`, so a policy like `true` does not let a null through. */
function guard(target: Expr, policy: Expr, span: Span): Expr {
  if (target.kind !== "member") return policy;
  const has: CallExpr = { kind: "call", callee: "has", args: [target], span };
  return { kind: "binary", op: "&&", left: has, right: policy, span };
}

/** The string literal at `args[i]`; otherwise WV406 (or nothing for an earlier error) and undefined. */
function stringArgument(ctx: CheckContext, node: CallExpr, args: readonly Checked[], i: number, what: string): string | undefined {
  const arg = args[i];
  if (!arg) return undefined;
  if (arg.ast.kind === "literal" && typeof arg.ast.value === "string") return arg.ast.value;
  if (!isDynamic(arg.type) || arg.ast.kind === "literal")
    report(ctx, "WV406", `\`${node.callee}\` needs ${what}, found ${describe(arg)}`, arg.ast.span);
  return undefined;
}

const describe = (arg: Checked): string => (arg.type.kind === "string" ? "a computed string" : formatType(arg.type));
