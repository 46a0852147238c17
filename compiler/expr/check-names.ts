/**
 * Names: variables, macro variables, bare record fields (rewritten to `record.<field>`), member access with
 * relation projection, and `$rule` inlining.
 */
import type { Expr, ExprType, IdentExpr, MemberExpr, RuleRefExpr, Span } from "../ir/index.ts";
import { report, visit, type CheckContext, type Checked } from "./check-context.ts";
import { FUNCTIONS, METHODS } from "./functions.ts";
import { CONTEXT_VARIABLES, RECORD } from "./scope.ts";
import { withSpan } from "./respan.ts";
import { didYouMean } from "../diagnostics/suggest.ts";
import { formatType, T } from "./types.ts";
import { own } from "./own.ts";

// Where each context variable exists, for WV407 hints.
const AVAILABLE_IN: Record<string, string> = {
  user: "policies, transition `allow`s, actions and queries",
  tenant: "policies, transition `allow`s, actions and queries",
  record: "expressions about a record",
  input: "action expressions",
  params: "query expressions",
};

export function checkIdent(node: IdentExpr, ctx: CheckContext): Checked {
  const { name } = node;
  const type = ctx.locals.get(name) ?? own(ctx.scope.variables, name);
  if (type) return { ast: node, type };
  const field = ctx.scope.implicit && own(ctx.scope.members(ctx.scope.implicit), name);
  if (field) {
    refuseEncrypted(ctx, ctx.scope.implicit!, name, node.span);
    return { ast: recordField(node), type: field };
  }
  if ((CONTEXT_VARIABLES as readonly string[]).includes(name)) {
    report(ctx, "WV407", `\`${name}\` is not available here`, node.span, `\`${name}\` exists in ${AVAILABLE_IN[name]}`);
  } else {
    report(ctx, "WV401", `unknown name \`${name}\``, node.span, unknownNameHint(ctx, name));
  }
  return { ast: node, type: T.any };
}

/** `total` -> `record.total`, both nodes keeping the span of the name as written. */
function recordField(node: IdentExpr): MemberExpr {
  return {
    kind: "member",
    object: { kind: "ident", name: RECORD, span: node.span },
    property: node.name,
    span: node.span,
  };
}

function unknownNameHint(ctx: CheckContext, name: string): string | undefined {
  const fn = own(FUNCTIONS, name);
  if (fn) return `\`${name}\` is a function: call it, like \`${fn.signature}\``;
  const implicit = ctx.scope.implicit && ctx.scope.members(ctx.scope.implicit);
  return didYouMean(name, [...ctx.locals.keys(), ...Object.keys(ctx.scope.variables), ...Object.keys(implicit ?? {})]);
}

export function checkMember(node: MemberExpr, ctx: CheckContext): Checked {
  const object = visit(ctx, node.object);
  const type = memberType(ctx, object.type, node.property, node.span);
  return { ast: { ...node, object: object.ast }, type };
}

/** The type of `property` on a value of `type`; on a list of records, the list of that member (projection). */
function memberType(ctx: CheckContext, type: ExprType, property: string, span: Span): ExprType {
  if (type.kind === "any" || type.kind === "json") return type;
  if (type.kind === "list" && hasMembers(type.of)) {
    const inner = memberType(ctx, type.of, property, span);
    return inner.kind === "any" ? inner : T.list(inner.kind === "list" ? inner.of : inner);
  }
  const members = hasMembers(type) ? ctx.scope.members(type) : undefined;
  const found = own(members, property);
  if (found) {
    refuseEncrypted(ctx, type, property, { start: span.end - property.length, end: span.end });
    return found;
  }
  const hint = members ? didYouMean(property, Object.keys(members)) : noMembersHint(type, property);
  // The member's name ends the node: point at it, not at the object before it.
  const at = { start: span.end - property.length, end: span.end };
  report(ctx, "WV402", `\`${formatType(type)}\` has no member \`${property}\``, at, hint);
  return T.any;
}

/** WV411: an encrypted field read where SQL would see only its ciphertext (anything but `has(...)`). */
function refuseEncrypted(ctx: CheckContext, type: ExprType, field: string, at: Span): void {
  if (ctx.nullTest || type.kind !== "entity" || !ctx.scope.encrypted?.(type.name, field)) return;
  report(ctx, "WV411", `\`${type.name}.${field}\` is encrypted: the database holds only its ciphertext, so an expression cannot read it`, at, "test it only with `has(...)`, or remove `encrypted` from the field");
}

const hasMembers = (type: ExprType): boolean => ["entity", "object", "any", "json"].includes(type.kind);

function noMembersHint(type: ExprType, property: string): string | undefined {
  if (own(METHODS, property)) return `\`${property}\` is a method: call it, like \`x.${property}(...)\``;
  if (own(FUNCTIONS, property)) return `\`${property}\` is a function: write \`${property}(x)\``;
  return type.kind === "list" ? "use `list.map(x, ...)` to reach into list items" : undefined;
}

export function checkRuleRef(node: RuleRefExpr, ctx: CheckContext): Checked {
  const rules = ctx.scope.rules;
  const body = rules?.get(node.name);
  const at = `$${node.name}`;
  if (!body) {
    const hint = didYouMean(node.name, rules?.keys() ?? [], (c) => `\`$${c}\``);
    report(
      ctx,
      "WV408",
      `unknown shared rule \`${at}\``,
      node.span,
      hint ?? "shared rules are defined under `rules:` in a policy file",
    );
    return { ast: node, type: T.any };
  }
  const stack = ctx.rule?.stack ?? [];
  if (stack.includes(at)) {
    const path = [...stack, at].join(" -> ");
    report(
      ctx,
      "WV408",
      `shared rules refer to each other in a cycle: ${path}`,
      node.span,
      "a rule cannot use itself, directly or through others",
    );
    return { ast: node, type: T.any };
  }
  return inlineRule(ctx, node, body, stack);
}

function inlineRule(ctx: CheckContext, node: RuleRefExpr, body: Expr, stack: readonly string[]): Checked {
  const frame = ctx.rule ?? { span: node.span, outer: `shared rule \`$${node.name}\``, stack: [] };
  // A rule sees the expression's variables and record, but not the macro variables around its use.
  const inner: CheckContext = { ...ctx, locals: new Map(), rule: { ...frame, stack: [...stack, `$${node.name}`] } };
  const result = visit(inner, body);
  return { ast: withSpan(result.ast, frame.span), type: result.type };
}
