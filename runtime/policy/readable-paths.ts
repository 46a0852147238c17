/**
 * A filter, sort or search must not be an oracle: it may only read fields the caller may read on
 * every row. A path (`customer.email`) is refused when any field along it (the relation fields it
 * follows, and the field at its end) has a read policy that does not hold for the identity alone.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import type { FieldPath } from "../query/list-query.ts";
import type { RequestContext } from "../server/context.ts";
import { filterable } from "./field-policies.ts";

/**
 * The first field along `path` the caller may not filter or sort by (`Customer.email`), or undefined.
 *
 * @example unreadableField(viewerCtx, invoice, customerEmailPath) // "Customer.email"
 */
export function unreadableField(ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity, path: FieldPath): string | undefined {
  let current = entity;
  for (const step of path.steps) {
    if (!filterable(ctx.ir, current, step.field.name, ctx.identity)) return `${current.name}.${step.field.name}`;
    current = step.target;
  }
  return filterable(ctx.ir, path.entity, path.field.name, ctx.identity) ? undefined : `${path.entity.name}.${path.field.name}`;
}

/** The search fields of `entity` the caller may not read on every row (then `q=` is refused). */
export function unreadableSearchFields(ctx: Pick<RequestContext, "ir" | "identity">, entity: IREntity): string[] {
  return entity.search.filter((name) => !filterable(ctx.ir, entity, name, ctx.identity));
}
