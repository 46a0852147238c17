import type { KnownCode } from "../diagnostics/codes.ts";
import { suggestion } from "../diagnostics/suggest.ts";
import { checkExpression, parseExpression, type ExprDiagnostic, type ExprScope } from "../expr/index.ts";
import type { Expr, Expression, ExprType } from "../ir/index.ts";
import { locate, scalarAt, type DocPath } from "../load/locate.ts";
import { placeOf, type SourceFile } from "../load/source-file.ts";
import type { CheckContext, ExprEnv } from "./context.ts";
import { membersOf } from "./member-types.ts";
import { expressionKey, type Model } from "./model.ts";
import { valueOffsetToFile } from "./string-offsets.ts";

const BOOL: ExprType = { kind: "bool" };

/**
 * Parses and type-checks the expression written at `path` in `file`, reports its problems at the
 * exact column inside the YAML string, and stores the checked expression for lowering.
 *
 * @example
 *   checkExpressionAt(ctx, file, ["states", "lifecycle", "transitions", "send", "guard"], recordEnv("Invoice"));
 */
export function checkExpressionAt(ctx: CheckContext, file: SourceFile, path: DocPath, env: ExprEnv, expected: ExprType | undefined = BOOL): Expression | undefined {
  const source = valueAt(file.data, path);
  if (typeof source !== "string") return undefined;
  const parsed = parseExpression(source);
  const report = (d: ExprDiagnostic) => reportAt(ctx, file, path, source, d);
  parsed.diagnostics.forEach(report);
  if (!parsed.ast) return undefined;
  const scope = { ...env, members: (t: ExprType) => membersOf(ctx.model, ctx.shapes, t), rules: ctx.rules, encrypted: encryptedIn(ctx.model), ...policyCatalog(ctx.model) };
  const checked = checkExpression(parsed.ast, scope, expected);
  checked.diagnostics.forEach(report);
  if (parsed.diagnostics.length + checked.diagnostics.length > 0) return undefined;
  checkRoleLiterals(ctx, file, path, source, parsed.ast); // before inlining, so spans are this string's
  const expression: Expression = { source, ast: checked.ast, type: checked.type, origin: origin(file, path) };
  ctx.model.expressions.set(expressionKey(file, path), expression);
  return expression;
}

/** Whether `entity.field` is written `encrypted: true`. */
const encryptedIn = (model: Model) => (entity: string, field: string): boolean => (model.entities.get(entity)?.spec.fields as Record<string, { encrypted?: unknown }> | undefined)?.[field]?.encrypted === true;

type Catalog = Pick<ExprScope, "permissions" | "policy">;
const catalogs = new WeakMap<Model, Catalog>();

/**
 * What `can(...)` and `check(...)` read: the permission catalog, and each entity's policies parsed
 * (once per model). Problems in either are reported where they are written, not at each use.
 */
function policyCatalog(model: Model): Catalog {
  const cached = catalogs.get(model);
  if (cached) return cached;
  const permissions = new Map([...model.permissions].map(([name, { spec }]) => [name, (spec.roles ?? []) as string[]] as const));
  const parsed = new Map<string, Expr | null>();
  const policy: NonNullable<ExprScope["policy"]> = (entity, op) => {
    const policies = (model.entities.get(entity)?.spec.policies ?? {}) as Record<string, unknown>;
    const source = policies[op] ?? (op === "read" ? undefined : policies.write);
    if (typeof source !== "string") return undefined;
    if (!parsed.has(source)) {
      const { ast, diagnostics } = parseExpression(source);
      parsed.set(source, diagnostics.length === 0 && ast ? ast : null);
    }
    return parsed.get(source);
  };
  const catalog = { permissions, policy };
  catalogs.set(model, catalog);
  return catalog;
}

/** Where an element was written, for the IR. */
export function origin(file: SourceFile, path: DocPath): Expression["origin"] {
  const place = locate(file, path, "value");
  return { file: file.path, line: place.line, column: place.column };
}

function reportAt(ctx: CheckContext, file: SourceFile, path: DocPath, source: string, d: ExprDiagnostic): void {
  const scalar = scalarAt(file, path);
  if (!scalar) return ctx.reporter.report(d.code as KnownCode, locate(file, path), d.message, d.hint);
  const start = valueOffsetToFile(file, scalar, source, d.start);
  const end = valueOffsetToFile(file, scalar, source, Math.max(d.start, d.end - 1)) + 1;
  ctx.reporter.report(d.code as KnownCode, placeOf(file, start, end), d.message, d.hint);
}

/** `'billing' in user.roles`: a role written as a string literal must be a declared role. */
function checkRoleLiterals(ctx: CheckContext, file: SourceFile, path: DocPath, source: string, ast: Expr): void {
  walk(ast, (node) => {
    if (node.kind !== "binary" || node.op !== "in" || node.left.kind !== "literal") return;
    if (!isRolesMember(node.right) || typeof node.left.value !== "string") return;
    const role = node.left.value;
    if (ctx.model.roles.has(role)) return;
    const hint = suggestion(role, [...ctx.model.roles.keys()]) ?? "declare it under `roles:` in a policies/*.policy.yaml file";
    reportAt(ctx, file, path, source, { code: "WV311" as ExprDiagnostic["code"], severity: "error", message: `unknown role \`${role}\``, hint, start: node.left.span.start, end: node.left.span.end });
  });
}

function isRolesMember(node: Expr): boolean {
  return node.kind === "member" && node.property === "roles" && node.object.kind === "ident" && (node.object.name === "user" || node.object.name === "tenant");
}

/** Visits every node of an expression tree. */
export function walk(node: Expr, visit: (node: Expr) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

function children(node: Expr): Expr[] {
  switch (node.kind) {
    case "list": return node.items;
    case "member": return [node.object];
    case "call": return node.target ? [node.target, ...node.args] : node.args;
    case "macro": return [node.target, node.body];
    case "unary": return [node.operand];
    case "binary": return [node.left, node.right];
    case "conditional": return [node.test, node.then, node.else];
    default: return [];
  }
}

/** The plain value at a document path. */
export function valueAt(data: unknown, path: DocPath): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
