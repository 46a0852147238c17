/**
 * The dashboards of the model as `/api/_meta` gives them: only the widgets whose saved query the
 * caller may run with the widget's params (its `allow`, its entity's read policy and tenant, and
 * every field it groups, aggregates or sorts by being readable to them), and only dashboards left
 * with a widget. Each widget carries the URL that fetches its rows.
 */
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { compileQuery } from "./compile-query.ts";
import { mayRun, parseParams, savedPlan } from "./saved-query.ts";

type Widget = NonNullable<IR["dashboards"]>[number]["widgets"][number];

/** A dashboard as the UI gets it. */
export interface MetaDashboard {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly widgets: readonly (Widget & { readonly path: string })[];
}

/**
 * The dashboards the caller may see.
 *
 * @example dashboardsFor(viewerCtx)[0]!.widgets.map((w) => w.name) // ["byStatus"]: the others' queries are billing's
 */
export function dashboardsFor(ctx: Pick<RequestContext, "ir" | "identity">): MetaDashboard[] {
  const out: MetaDashboard[] = [];
  for (const dashboard of ctx.ir.dashboards ?? []) {
    const widgets = dashboard.widgets.filter((w) => runnable(ctx, w)).map((w) => ({ ...w, path: widgetPath(w) }));
    if (widgets.length === 0) continue;
    out.push({ name: dashboard.name, label: dashboard.label, ...(dashboard.description ? { description: dashboard.description } : {}), widgets });
  }
  return out;
}

/** `/api/queries/<query>?<params>`. */
function widgetPath(widget: Widget): string {
  const search = new URLSearchParams(Object.entries(widget.params).map(([k, v]) => [k, String(v)])).toString();
  return `/api/queries/${widget.query}${search ? `?${search}` : ""}`;
}

/** Whether the widget's query would run for the caller: compiled (not run), which checks everything a run checks but the rows. */
function runnable(ctx: Pick<RequestContext, "ir" | "identity">, widget: Widget): boolean {
  const query = ctx.ir.queries.find((q) => q.name === widget.query);
  if (!query) return false;
  try {
    const params = parseParams(ctx.ir, query, new URLSearchParams(Object.entries(widget.params).map(([k, v]) => [k, String(v)])), ctx.identity);
    if (!mayRun(ctx.ir, query, params, ctx.identity)) return false;
    // Compiling reads only the IR and the identity: the database is never touched.
    compileQuery(ctx as RequestContext, savedPlan(ctx.ir, query, params));
    return true;
  } catch {
    return false;
  }
}
