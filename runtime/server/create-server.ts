import { Elysia } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import { clientAddress } from "../auth/client-address.ts";
import type { AuthServerOptions } from "../auth/options.ts";
import { countsAgainstQuota, hitQuotas, type QuotaHeaders } from "../auth/quotas.ts";
import type { EventBus, Identity, RequestContext, ServerOptions } from "./context.ts";
import { DEFAULT_MAX_UPLOAD_BYTES, UPLOAD_PATH, type FilesServerOptions } from "../files/options.ts";
import { DOCS_HTML, docsAsset } from "./docs-page.ts";
import { badRequest, notFound, payloadTooLarge, problemResponse } from "./errors.ts";
import { resolveIdentity } from "./identity.ts";
import { validationProblem } from "./validation-problem.ts";
import { noteTenant } from "../ops/ops-plugin.ts";
import { requestIdOf } from "../ops/request-id.ts";

/** A running weave API: the Elysia app, its event bus, and how to close it. */
export interface WeaveServer {
  readonly app: Elysia<any, any, any, any, any, any, any>;
  readonly events: EventBus;
  readonly ir: IR;
  /** Closes the database pool and stops the event streams. */
  close(): Promise<void>;
}

export interface ServerParts {
  /** The OpenAPI document served at /api/openapi.json. */
  readonly openapi: unknown;
  readonly events: EventBus;
  /** Registers the model's routes (entities, transitions, actions, events, audit). */
  readonly routes: (app: Elysia<any, any, any, any, any, any, any>, contextFor: (request: Request) => Promise<RequestContext>) => void;
  /** Plugins mounted before the routes (logs, metrics, health). */
  readonly plugins?: readonly Elysia<any, any, any, any, any, any, any>[];
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/**
 * Builds the Elysia app that serves an IR from its parts. `createServer` (runtime/index.ts)
 * supplies the parts; tests may supply their own.
 *
 * @example
 *   const server = buildServer(ir, { database }, parts);
 *   const response = await server.app.handle(new Request("http://localhost/api/invoices"));
 */
export function buildServer(ir: IR, options: ServerOptions & AuthServerOptions & FilesServerOptions, parts: ServerParts): WeaveServer {
  const production = options.production ?? process.env.NODE_ENV === "production";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  // Once per request: the quota check and the handler both need it.
  const identities = new WeakMap<Request, Promise<Identity>>();
  const identityOf = (request: Request) => {
    let identity = identities.get(request);
    if (!identity) identities.set(request, (identity = resolveIdentity(request, ir, options)));
    return identity;
  };
  const quotaHeaders = new WeakMap<Request, QuotaHeaders>();
  const contextFor = async (request: Request): Promise<RequestContext> => {
    const identity = await identityOf(request);
    noteTenant(request, identity.tenantId);
    return { requestId: requestIdOf(request), identity, ir, database: options.database, options, events: parts.events };
  };
  // normalize: false, so an unknown key in a body is a 400 that names it instead of being silently dropped.
  const app = new Elysia({ name: "weave", normalize: false });
  // Plugins first: the ops plugin times and logs every request, including those refused below.
  for (const plugin of parts.plugins ?? []) app.use(plugin);
  app
    .onRequest(({ request }) => checkBodySize(request, isUpload(request) ? (options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES) + UPLOAD_OVERHEAD : maxBody))
    .onError(({ code, error, request }) => withHeaders(problemResponse(toWeaveError(code, error), requestIdOf(request), new URL(request.url).pathname, production), quotaHeaders.get(request)))
    .onBeforeHandle(async ({ request, server, set }) => {
      const quotas = ir.app.quotas;
      if (!quotas || !countsAgainstQuota(new URL(request.url).pathname)) return;
      const address = clientAddress(request, server, options.auth?.trustProxy ?? false);
      const headers = await hitQuotas(options.database.kysely, quotas, await identityOf(request), address);
      if (headers) quotaHeaders.set(request, headers), Object.assign(set.headers, headers);
    })
    .get("/api/openapi.json", () => parts.openapi)
    .get("/api/docs", () => new Response(DOCS_HTML, { headers: { "content-type": "text/html; charset=utf-8" } }))
    .get("/api/docs/:asset", ({ params }) => {
      const asset = docsAsset(params.asset);
      if (!asset) throw notFound(`no docs asset ${params.asset}`);
      return new Response(asset.body, { headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" } });
    });
  parts.routes(app, contextFor);
  return { app, events: parts.events, ir, close: () => options.database.close() };
}

/** File uploads have their own, larger limit (runtime/files checks each field's maxSize). */
const UPLOAD_OVERHEAD = 64 * 1024;
const isUpload = (request: Request) => request.method === "POST" && new URL(request.url).pathname === UPLOAD_PATH;

function checkBodySize(request: Request, max: number): void {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > max) throw payloadTooLarge(`the request body is ${length} bytes; the limit is ${max}`);
}

/** Adds the quota headers a refused request was counted with (a 429 carries its own). */
function withHeaders(response: Response, headers: QuotaHeaders | undefined): Response {
  for (const [name, value] of Object.entries(headers ?? {})) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

/** Elysia's own errors (validation, parse, not found) become WeaveErrors, so one renderer answers all. */
function toWeaveError(code: string | number, error: unknown): unknown {
  if (code === "VALIDATION") return validationProblem(error as never);
  if (code === "PARSE") return badRequest("the request body is not valid JSON");
  if (code === "NOT_FOUND") return notFound("no such route");
  return error;
}
