/**
 * `GET /api/_inspect[?element=Entity[.field]]` and `GET /api/_inspect?generated=<thing>` (what in
 * the model made a generated column, route, operation id or widget): `weave inspect` over HTTP, for tools beside a
 * development server. Registered only in development (`devIdentity`, as `weave dev` runs): the
 * route does not exist otherwise, so it answers 404 like any unknown path.
 */
import type { Elysia } from "elysia";
import { inspectGenerated, inspectModel } from "../../compiler/generators/inspect/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { notFound } from "./errors.ts";

type App = Elysia<any, any, any, any, any, any, any>;

/**
 * Registers the route; the result is computed from the IR once per element asked for.
 *
 * @example if (options.devIdentity) registerInspectRoute(app, ir);
 */
export function registerInspectRoute(app: App, ir: IR): void {
  const cache = new Map<string, unknown>();
  app.get("/api/_inspect", ({ request }) => {
    const params = new URL(request.url).searchParams;
    const generated = params.get("generated");
    if (generated !== null) {
      const made = inspectGenerated(ir, generated);
      if ("error" in made) throw notFound(`${made.error}; try for example: ${made.choices.join(", ")}`);
      return made as unknown as Record<string, unknown>;
    }
    const element = params.get("element") ?? "";
    if (!cache.has(element)) {
      const found = inspectModel(ir, element);
      if ("error" in found) throw notFound(`${found.error}; valid: ${found.choices.join(", ")}`);
      cache.set(element, found);
    }
    return cache.get(element) as Record<string, unknown>;
  });
}
