import { suggestion } from "../diagnostics/suggest.ts";
import type { Place } from "../diagnostics/reporter.ts";
import type { CheckContext } from "./context.ts";

/**
 * Reports a reference to an entity the model does not have (WV301), unless the entity exists
 * in a file that failed validation: that file's own errors say what is wrong, and every
 * reference to it would otherwise be a second, misleading error.
 *
 * @example
 *   reportUnknownEntity(ctx, locate(file, ["fields", "customer", "to"]), "Custmer");
 */
export function reportUnknownEntity(ctx: CheckContext, place: Place, name: string, message = `unknown entity \`${name}\``): void {
  if (ctx.model.invalidEntities.has(name)) return;
  ctx.reporter.report("WV301", place, message, suggestion(name, [...ctx.model.entities.keys()]));
}
