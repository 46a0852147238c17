/**
 * weave's runtime: serves an IR. It reads only the IR (and the generators that are pure
 * functions of it), never the spec files.
 *
 * @example
 *   const database = createDatabase({ appDir, dataDir: ir.app.database.embedded });
 *   const server = createServer(ir, { database, appDir });
 *   Bun.serve({ port: 3000, fetch: server.app.fetch });
 */
import { join } from "node:path";
import { generateOpenApi } from "../compiler/generators/openapi/index.ts";
import type { IR } from "../compiler/ir/index.ts";
import { registerRoutes } from "./api/routes.ts";
import { registerAdminRoutes } from "./auth/admin-routes.ts";
import { registerAuthRoutes } from "./auth/routes.ts";
import { registerTenantRoutes } from "./auth/tenant-routes.ts";
import { registerPolicyRoutes } from "./policy/routes.ts";
import { registerQueryRoutes } from "./queries/index.ts";
import { keyRing } from "./crypto/index.ts";
import type { AuthServerOptions } from "./auth/options.ts";
import { createEventBus } from "./events/index.ts";
import { DEFAULT_FILES_DIR, localFileStore, registerFileRoutes, type FilesServerOptions } from "./files/index.ts";
import { opsFor, type OpsServerOptions } from "./ops/index.ts";
import type { EventBus, ServerOptions } from "./server/context.ts";
import { buildServer, type WeaveServer } from "./server/create-server.ts";
import { registerInspectRoute } from "./server/inspect-route.ts";
import { cors } from "./server/cors.ts";
import { registerUiRoutes, type UiOptions } from "./ui/routes.ts";

export type { Identity, RequestContext, ServerOptions, WeaveEvent } from "./server/context.ts";
export type { WeaveServer } from "./server/create-server.ts";
export type { AuthOptions, AuthServerOptions, MailMessage, MailTransport } from "./auth/index.ts";
export { devOutbox } from "./auth/mail.ts";
export { createDatabase, type Database } from "./db/index.ts";
export { createEventBus } from "./events/index.ts";
export { createDevChannel, type DevChannel, type DevEvent } from "./ui/dev-channel.ts";
export type { UiOptions } from "./ui/routes.ts";
export type { FileStore, FilesServerOptions, StoredFile } from "./files/index.ts";

/** Options of `createServer` beyond the request handling ones. */
export interface CreateServerOptions {
  /** The UI: the bundle, the dev channel; `{ enabled: false }` serves the API only. */
  readonly ui?: UiOptions;
  /** An event bus to keep across model swaps (`weave dev`), so event streams stay connected. */
  readonly events?: EventBus;
}

/** The Elysia app that serves `ir`: sign-in, the model's routes, UI metadata, OpenAPI and docs, events, audit, and operations. */
export function createServer(ir: IR, options: ServerOptions & OpsServerOptions & AuthServerOptions & FilesServerOptions & CreateServerOptions): WeaveServer {
  // A model with encrypted fields needs its key before the first request, not at the first write.
  if (ir.entities.some((e) => e.fields.some((f) => f.encrypted))) keyRing();
  const events = options.events ?? createEventBus();
  return buildServer(ir, options, {
    openapi: generateOpenApi(ir, options.maxPageSize === undefined ? {} : { maxPageSize: options.maxPageSize }),
    events,
    plugins: [opsFor(ir, options), cors()],
    routes: (app, contextFor) => {
      registerAuthRoutes(app, ir, contextFor, options.auth);
      registerTenantRoutes(app, ir, contextFor);
      registerAdminRoutes(app, ir, contextFor);
      registerPolicyRoutes(app, ir, contextFor);
      registerRoutes(app, ir, contextFor);
      registerQueryRoutes(app, ir, contextFor);
      if (options.files !== false) registerFileRoutes(app, ir, contextFor, { store: options.files ?? localFileStore(join(options.appDir ?? process.cwd(), DEFAULT_FILES_DIR)), ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}) });
      registerUiRoutes(app, ir, options.ui);
      if (options.devIdentity) registerInspectRoute(app, ir);
    },
  });
}
