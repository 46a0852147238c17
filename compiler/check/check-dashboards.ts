import { suggestion } from "../diagnostics/suggest.ts";
import { locate } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import type { CheckContext } from "./context.ts";
import { queryShape } from "./query-shape.ts";

interface WidgetLike {
  readonly name: string;
  readonly query: string;
  readonly params?: Record<string, unknown>;
  readonly x?: string;
  readonly y?: string[];
  readonly columns?: string[];
}

/**
 * Checks dashboards: each widget's query exists (WV316), its params are the query's (WV333), and
 * `x`, `y` and `columns` name columns of the query (WV332); widget names are unique (WV300).
 *
 * @example
 *   checkDashboards(ctx);
 */
export function checkDashboards(ctx: CheckContext): void {
  for (const { file, spec } of ctx.model.dashboards.values()) {
    const seen = new Map<string, number>();
    ((spec.widgets ?? []) as WidgetLike[]).forEach((widget, i) => {
      const first = seen.get(widget.name);
      if (first !== undefined) ctx.reporter.report("WV300", locate(file, ["widgets", i, "name"]), `widget \`${widget.name}\` is already defined by widgets[${first}]`, "rename one of them");
      else seen.set(widget.name, i);
      checkWidget(ctx, file, i, widget);
    });
  }
}

function checkWidget(ctx: CheckContext, file: SourceFile, i: number, widget: WidgetLike): void {
  const query = ctx.model.queries.get(widget.query);
  if (!query) {
    ctx.reporter.report("WV316", locate(file, ["widgets", i, "query"]), `unknown saved query \`${widget.query}\``, suggestion(widget.query, [...ctx.model.queries.keys()]));
    return;
  }
  const params = Object.keys((query.spec.params ?? {}) as object);
  for (const name of Object.keys(widget.params ?? {})) {
    if (!params.includes(name)) ctx.reporter.report("WV333", locate(file, ["widgets", i, "params", name], "key"), `saved query \`${widget.query}\` has no parameter \`${name}\``, suggestion(name, params) ?? `it takes: ${params.join(", ") || "none"}`);
  }
  if (!ctx.model.entities.has(String(query.spec.from))) return;
  const columns = queryShape(ctx.model, String(query.spec.from), query.spec).columns.map((c) => c.name);
  const named: [string, (string | number)[]][] = [
    ...(widget.x === undefined ? [] : [[widget.x, ["widgets", i, "x"]] as [string, (string | number)[]]]),
    ...(widget.y ?? []).map((y, k): [string, (string | number)[]] => [y, ["widgets", i, "y", k]]),
    ...(widget.columns ?? []).map((c, k): [string, (string | number)[]] => [c, ["widgets", i, "columns", k]]),
  ];
  for (const [name, at] of named) {
    if (!columns.includes(name)) ctx.reporter.report("WV332", locate(file, at), `saved query \`${widget.query}\` has no column \`${name}\``, suggestion(name, columns) ?? `its columns: ${columns.join(", ")}`);
  }
}
