/**
 * WV412: a materialized computed field that reads related rows is computed once, for everybody, over
 * every related row (by a trigger, like a materialized view), while a virtual one counts only the
 * rows its reader may read. Warn where the two differ: the related entity's read policy depends on
 * who reads (anything but tenant membership), it has no read policy, or it is tenant-scoped below
 * an entity that is not. A field read policy on the field silences it: the author has decided who
 * sees the value.
 */
import type { Expr } from "../ir/index.ts";
import { locate } from "../load/locate.ts";
import { walk } from "./check-expression.ts";
import type { CheckContext } from "./context.ts";
import { expressionKey, type EntityLike, type Model } from "./model.ts";

/**
 * Reports each materialized computed field whose stored value a reader could not compute from the
 * rows they may read.
 *
 * @example checkMaterialized(ctx); // WV412 at Project.fields.storedHours.materialized
 */
export function checkMaterialized(ctx: CheckContext): void {
  for (const [name, { file, spec }] of ctx.model.entities) {
    for (const [field, def] of Object.entries(spec.fields)) {
      if (def.materialized !== true || guarded(spec, field)) continue;
      const ast = ctx.model.expressions.get(expressionKey(file, ["fields", field, "computed"]))?.ast;
      if (!ast) continue;
      const [target, why] = firstLeak(ctx.model, name, ast) ?? [];
      if (!target) continue;
      ctx.reporter.report(
        "WV412",
        locate(file, ["fields", field, "materialized"]),
        `materialized \`${name}.${field}\` is computed over every ${target} row, but ${why}: its readers would see an aggregate of rows they may not read`,
        `make it virtual (computed for each reader over the rows they may read), or guard it with \`policies.fields.${field}.read\``,
      );
    }
  }
}

const guarded = (spec: EntityLike, field: string): boolean =>
  ((spec.policies as { fields?: Record<string, { read?: unknown }> } | undefined)?.fields?.[field]?.read ?? undefined) !== undefined;

/** The first related entity whose rows a reader might not all see, and why. */
function firstLeak(model: Model, entity: string, ast: Expr): [string, string] | undefined {
  const owner = model.entities.get(entity)!.spec;
  for (const target of entitiesReached(model, entity, ast, new Set())) {
    const located = model.entities.get(target);
    if (!located) continue;
    if (located.spec.tenant === true && owner.tenant !== true) return [target, `${target} is tenant-scoped and ${entity} is not`];
    const policy = model.expressions.get(expressionKey(located.file, ["policies", "read"]))?.ast;
    if (!policy) return [target, `${target} has no read policy`];
    if (readsCaller(policy)) return [target, `\`${target}.read\` depends on who reads`];
  }
  return undefined;
}

/** Entities whose rows `ast` reads through relations (following virtual computed fields), in order. */
function entitiesReached(model: Model, entity: string, ast: Expr, seen: Set<string>): string[] {
  const reached: string[] = [];
  const bound = new Map<string, string>([["record", entity]]);
  const typeOf = (node: Expr): string | undefined => {
    if (node.kind === "ident") return bound.get(node.name);
    if (node.kind !== "member") return undefined;
    const owner = typeOf(node.object);
    const field = owner ? model.entities.get(owner)?.spec.fields[node.property] : undefined;
    return typeof field?.to === "string" ? field.to : undefined;
  };
  walk(ast, (node) => {
    if (node.kind === "macro") {
      const type = typeOf(node.target);
      if (type) bound.set(node.variable, type);
    }
    if (node.kind !== "member") return;
    const owner = typeOf(node.object);
    const located = owner ? model.entities.get(owner) : undefined;
    const field = located?.spec.fields[node.property];
    if (!located || !field) return;
    if (typeof field.to === "string") reached.push(field.to);
    const key = `${owner}.${node.property}`;
    if (field.computed !== undefined && field.materialized !== true && !seen.has(key)) {
      seen.add(key);
      const inner = model.expressions.get(expressionKey(located.file, ["fields", node.property, "computed"]))?.ast;
      if (inner) reached.push(...entitiesReached(model, owner!, inner, seen));
    }
  });
  return [...new Set(reached)];
}

/** Whether a policy reads the caller (`user`, `tenant`) beyond tenant membership, or delegates recursively. */
function readsCaller(ast: Expr): boolean {
  let reads = false;
  walk(ast, (node) => {
    if (node.kind === "call" && node.callee === "check") reads = true;
    if (node.kind !== "member" || node.object.kind !== "ident") return;
    const { name } = node.object;
    if (name === "user" || (name === "tenant" && node.property !== "member")) reads = true;
  });
  return reads;
}
