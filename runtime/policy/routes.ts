/**
 * The policy engine's own route: `GET /api/_meta`.
 */
import type { Elysia } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { metaFor } from "./meta.ts";

type App = Elysia<any, any, any, any, any, any, any>;

/**
 * Mounts `GET /api/_meta` (the UI metadata filtered for the caller).
 *
 * @example registerPolicyRoutes(app, ir, contextFor);
 */
export function registerPolicyRoutes(app: App, _ir: IR, contextFor: (request: Request) => Promise<RequestContext>): void {
  app.get("/api/_meta", async ({ request }) => metaFor(await contextFor(request)));
}
