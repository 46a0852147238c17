import type { Expr } from "../ir/index.ts";
import { locate } from "../load/locate.ts";
import { walk } from "./check-expression.ts";
import type { CheckContext } from "./context.ts";
import { findCycles } from "./find-cycle.ts";
import { expressionKey, type Model } from "./model.ts";

/**
 * Reports required references that form a cycle (WV310: no row of them could ever be inserted)
 * and computed fields that depend on each other in a cycle (WV315).
 *
 * @example
 *   checkCycles(ctx);
 */
export function checkCycles(ctx: CheckContext): void {
  checkRequiredRefs(ctx);
  checkComputed(ctx);
}

function checkRequiredRefs(ctx: CheckContext): void {
  const edges = new Map<string, string[]>();
  for (const [name, { spec }] of ctx.model.entities) {
    const targets = Object.values(spec.fields).filter((f) => (f.type === "ref" || f.type === "one") && f.required === true && typeof f.to === "string");
    edges.set(name, targets.map((f) => String(f.to)));
  }
  for (const cycle of findCycles(edges)) {
    const [first, second] = [cycle[0]!, cycle[1] ?? cycle[0]!];
    const located = ctx.model.entities.get(first)!;
    const field = Object.entries(located.spec.fields).find(([, f]) => f.to === second && f.required === true)![0];
    const path = [...cycle, first].join(" -> ");
    ctx.reporter.report("WV310", locate(located.file, ["fields", field, "required"], "key"), `required references form a cycle: ${path}; no record of them can be created first`, `make \`${first}.${field}\` optional`);
  }
}

function checkComputed(ctx: CheckContext): void {
  const edges = new Map<string, string[]>();
  for (const [name, { file, spec }] of ctx.model.entities) {
    for (const field of Object.keys(spec.fields)) {
      const expr = ctx.model.expressions.get(expressionKey(file, ["fields", field, "computed"]));
      if (expr) edges.set(`${name}.${field}`, fieldsReadBy(ctx.model, name, expr.ast));
    }
  }
  for (const cycle of findCycles(edges)) {
    const [entity, field] = cycle[0]!.split(".") as [string, string];
    const { file } = ctx.model.entities.get(entity)!;
    ctx.reporter.report("WV315", locate(file, ["fields", field, "computed"]), `computed fields depend on each other: ${[...cycle, cycle[0]].join(" -> ")}`, "break the cycle: one of them must be a stored field");
  }
}

/** Every `Entity.field` an expression on `entity` reads, following relations and macro variables. */
export function fieldsReadBy(model: Model, entity: string, ast: Expr): string[] {
  const read = new Set<string>();
  const bound = new Map<string, string>([["record", entity]]);
  const ownerOf = (node: Expr): string | undefined => {
    if (node.kind === "ident") return bound.get(node.name);
    if (node.kind !== "member") return undefined;
    const owner = ownerOf(node.object);
    const field = owner ? model.entities.get(owner)?.spec.fields[node.property] : undefined;
    return typeof field?.to === "string" ? field.to : undefined;
  };
  walk(ast, (node) => {
    if (node.kind === "macro") {
      const owner = ownerOf(node.target);
      if (owner) bound.set(node.variable, owner);
    }
    if (node.kind !== "member") return;
    const owner = ownerOf(node.object);
    if (owner) read.add(`${owner}.${node.property}`);
  });
  return [...read].sort();
}
