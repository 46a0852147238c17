/**
 * weave's runtime: serves an IR. It reads only the IR (and the generators that are pure
 * functions of it), never the spec files.
 *
 * @example
 *   const database = createDatabase({ appDir, dataDir: ir.app.database.embedded });
 *   const server = createServer(ir, { database, appDir });
 *   Bun.serve({ port: 3000, fetch: server.app.fetch });
 */
import { generateOpenApi } from "../compiler/generators/openapi/index.ts";
import type { IR } from "../compiler/ir/index.ts";
import { registerRoutes } from "./api/routes.ts";
import { registerAuthRoutes } from "./auth/routes.ts";
import { registerPolicyRoutes } from "./policy/routes.ts";
import { keyRing } from "./crypto/index.ts";
import type { AuthServerOptions } from "./auth/options.ts";
import { createEventBus } from "./events/index.ts";
import { opsFor, type OpsServerOptions } from "./ops/index.ts";
import type { ServerOptions } from "./server/context.ts";
import { buildServer, type WeaveServer } from "./server/create-server.ts";

export type { Identity, RequestContext, ServerOptions, WeaveEvent } from "./server/context.ts";
export type { WeaveServer } from "./server/create-server.ts";
export type { AuthOptions, AuthServerOptions, MailMessage, MailTransport } from "./auth/index.ts";
export { devOutbox } from "./auth/mail.ts";
export { createDatabase, type Database } from "./db/index.ts";

/** The Elysia app that serves `ir`: sign-in, the model's routes, UI metadata, OpenAPI and docs, events, audit, and operations. */
export function createServer(ir: IR, options: ServerOptions & OpsServerOptions & AuthServerOptions): WeaveServer {
  // A model with encrypted fields needs its key before the first request, not at the first write.
  if (ir.entities.some((e) => e.fields.some((f) => f.encrypted))) keyRing();
  const events = createEventBus();
  return buildServer(ir, options, {
    openapi: generateOpenApi(ir, options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
    events,
    plugins: [opsFor(ir, options)],
    routes: (app, contextFor) => {
      registerAuthRoutes(app, ir, contextFor, options.auth);
      registerPolicyRoutes(app, ir, contextFor);
      registerRoutes(app, ir, contextFor);
    },
  });
}
