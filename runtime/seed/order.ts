/**
 * The order entities are seeded in: the targets of a ref (or one) before the records that point at
 * them, so a reference by key finds its target. Cycles (only through optional refs: the compiler
 * refuses required ones, WV310) are broken where they close; those refs are set afterwards.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";

/**
 * The seeded entity names, dependencies first, otherwise in model order.
 *
 * @example seedOrder(ir, ["InvoiceLine", "Invoice", "Customer"]); // ["Customer", "Invoice", "InvoiceLine"]
 */
export function seedOrder(ir: IR, names: readonly string[]): string[] {
  const seeded = new Set(names);
  const byName = new Map(ir.entities.map((e) => [e.name, e]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (name: string) => {
    if (done.has(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const target of targetsOf(byName.get(name))) if (target !== name && seeded.has(target)) visit(target);
    visiting.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const entity of ir.entities) if (seeded.has(entity.name)) visit(entity.name);
  return order;
}

function targetsOf(entity: IREntity | undefined): string[] {
  if (!entity) return [];
  return entity.fields.flatMap((f) => (f.relation && (f.relation.kind === "ref" || f.relation.kind === "one" || f.relation.kind === "polymorphic") ? [...f.relation.to] : []));
}
