import { reportUnknownEntity } from "./unknown-entity.ts";
import { suggestion } from "../diagnostics/suggest.ts";
import { locate } from "../load/locate.ts";
import { checkExpressionAt } from "./check-expression.ts";
import { queryAllowEnv, queryEnv, type CheckContext } from "./context.ts";
import { fieldType, shapeOf } from "./member-types.ts";
import type { FieldSpecLike } from "./model.ts";
import { checkFieldPath } from "./paths.ts";

/**
 * Checks saved queries: the entity they read (WV301), their selected and sorted paths (WV302),
 * parameter defaults, and their `where` and `allow` expressions.
 *
 * @example
 *   checkQueries(ctx);
 */
export function checkQueries(ctx: CheckContext): void {
  for (const [name, { file, spec }] of ctx.model.queries) {
    const from = String(spec.from);
    const params = (spec.params ?? {}) as Record<string, FieldSpecLike>;
    ctx.shapes.set(`${name}.params`, shapeOf(ctx.model, name, params));
    if (spec.allow !== undefined) checkExpressionAt(ctx, file, ["allow"], queryAllowEnv(name));
    if (!ctx.model.entities.has(from)) {
      reportUnknownEntity(ctx, locate(file, ["from"]), from);
      continue;
    }
    for (const key of ["select", "sort"] as const) {
      ((spec[key] ?? []) as string[]).forEach((path, i) => checkFieldPath(ctx, file, [key, i], from, path));
    }
    if (spec.where !== undefined) checkExpressionAt(ctx, file, ["where"], queryEnv(name, from));
    for (const [param, field] of Object.entries(params)) {
      const fallback = field.default as { expr?: string } | undefined;
      if (fallback?.expr !== undefined) checkExpressionAt(ctx, file, ["params", param, "default", "expr"], queryAllowEnv(name), fieldType(ctx.model, name, param, field));
    }
  }
}
