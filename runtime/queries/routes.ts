/**
 * The query routes, from the route table (compiler/generators/openapi), so the OpenAPI document
 * lists exactly these: `GET /api/queries/<name>` per saved query and `POST /api/query`. In
 * development (`devIdentity`), `?explain=true` adds the SQL, its parameters and Postgres' plan.
 */
import type { Elysia } from "elysia";
import { routeTable } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { runAdHocQuery } from "./ad-hoc-query.ts";
import { runSavedQuery } from "./saved-query.ts";

type App = Elysia<any, any, any, any, any, any, any>;

/**
 * Mounts the saved queries and the query endpoint.
 *
 * @example registerQueryRoutes(app, ir, contextFor);
 */
export function registerQueryRoutes(app: App, ir: IR, contextFor: (request: Request) => Promise<RequestContext>): void {
  for (const route of routeTable(ir)) {
    if (route.kind === "savedQuery") {
      const name = route.query!;
      app.get(route.path, async ({ request }) => {
        const ctx = await contextFor(request);
        const search = new URL(request.url).searchParams;
        const explain = explainOf(ctx, search);
        search.delete("explain");
        return runSavedQuery(ctx, name, search, { explain });
      });
    }
    if (route.kind === "runQuery") {
      app.post(route.path, async ({ request, body }) => {
        const ctx = await contextFor(request);
        return runAdHocQuery(ctx, body, { explain: explainOf(ctx, new URL(request.url).searchParams) });
      });
    }
  }
}

/** `explain=true` counts in development only: elsewhere it is ignored, so plans never leak. */
function explainOf(ctx: RequestContext, search: URLSearchParams): boolean {
  return ctx.options.devIdentity === true && search.get("explain") === "true";
}
