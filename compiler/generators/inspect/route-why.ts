import type { Route } from "../openapi/index.ts";

const WHY: Record<string, string> = {
  list: "lists records (filters, sort, pages)",
  create: "creates a record",
  get: "reads one record",
  update: "changes a record",
  delete: "deletes a record",
};

/**
 * What an entity route does, in words.
 *
 * @example routeWhy(getInvoiceByKey) // "reads one record by its key"
 */
export function routeWhy(route: Route): string {
  if (route.kind === "related") return `lists the ${route.relation} of a record`;
  if (route.kind === "transition") return `runs the transition ${route.transition} of ${route.machine}`;
  if (route.kind === "action") return `runs the ${route.scope} action ${route.action}`;
  return `${WHY[route.kind] ?? route.kind}${route.lookup === "key" ? " by its key" : ""}`;
}
