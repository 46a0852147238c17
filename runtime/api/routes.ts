import { t, type Elysia, type TSchema } from "elysia";
import { entitySchemas, routeTable, type EntitySchemas, type Route } from "../../compiler/generators/openapi/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { listAudit, type AuditQuery } from "../audit/index.ts";
import { eventStream } from "../events/index.ts";
import { getRecord, getRecordByKey, listRecords } from "../query/index.ts";
import type { RequestContext } from "../server/context.ts";
import { keyRef } from "../records/record-ref.ts";
import { createRecord, deleteRecord, runAction, runTransition, updateRecord, type WriteResult } from "../write/index.ts";

type App = Elysia<any, any, any, any, any, any, any>;
type ContextFor = (request: Request) => Promise<RequestContext>;
interface Call {
  readonly ctx: RequestContext;
  readonly route: Route;
  readonly request: Request;
  readonly params: Record<string, string>;
  readonly body: Record<string, unknown>;
  readonly query: URLSearchParams;
}

/**
 * Registers every route of the model, from the same route table the OpenAPI document is built
 * from (compiler/generators/openapi), so the two can never disagree. Bodies are validated by the
 * entity's TypeBox schemas before a handler runs.
 *
 * @example
 *   registerRoutes(app, ir, contextFor);
 */
export function registerRoutes(app: App, ir: IR, contextFor: ContextFor): void {
  const schemas = new Map<string, EntitySchemas>(); // built once per entity, not once per route
  const schemasOf = (entity: string) => schemas.get(entity) ?? schemas.set(entity, entitySchemas(ir, entity)).get(entity)!;
  for (const route of routeTable(ir)) {
    const handler = HANDLERS[route.kind];
    if (!handler) continue; // docs, openapi, sign-in, meta, health, ready and metrics are mounted elsewhere
    const body = route.entity ? bodySchema(schemasOf(route.entity), route) : undefined;
    const run = async ({ request, params, body: payload }: { request: Request; params: Record<string, string>; body: unknown }) => {
      const ctx = await contextFor(request);
      const call: Call = { ctx, route, request, params, body: (payload ?? {}) as Record<string, unknown>, query: new URL(request.url).searchParams };
      return handler(call);
    };
    app.route(route.method, route.path, run as never, (body ? { body } : {}) as never);
  }
}

type Handler = (call: Call) => Promise<unknown> | unknown;

const HANDLERS: Partial<Record<Route["kind"], Handler>> = {
  list: ({ ctx, route, query }) => listRecords(ctx, route.entity!, query),
  related: ({ ctx, route, params, query }) => listRecords(ctx, relatedEntity(ctx.ir, route), query, { parentEntity: route.entity!, parentId: params.id!, relation: route.relation! }),
  get: ({ ctx, route, params, query }) => (route.lookup === "key" ? getRecordByKey(ctx, route.entity!, keyValues(ctx.ir, route, params), query) : getRecord(ctx, route.entity!, params.id!, query)),
  create: async ({ ctx, route, body, request }) => respond(await createRecord(ctx, route.entity!, body, idempotency(request))),
  update: async ({ ctx, route, params, body, request }) => respond(await updateRecord(ctx, route.entity!, idOf(ctx.ir, route, params), body, ifMatch(request))),
  delete: async ({ ctx, route, params, request }) => respond(await deleteRecord(ctx, route.entity!, idOf(ctx.ir, route, params), ifMatch(request))),
  transition: async ({ ctx, route, params, body, request }) =>
    respond(await runTransition(ctx, route.entity!, idOf(ctx.ir, route, params), route.transition!, body, { ...idempotency(request), ...ifMatch(request) })),
  action: async ({ ctx, route, params, body, request }) =>
    respond(await runAction(ctx, route.entity!, route.action!, route.scope === "record" ? idOf(ctx.ir, route, params) : undefined, body, idempotency(request))),
  events: ({ ctx, query, request }) => eventStream(ctx, { ...optional("entity", query.get("entity")), ...optional("id", query.get("id")) }, { signal: request.signal }),
  audit: ({ ctx, query }) => listAudit(ctx, Object.fromEntries(query) as AuditQuery),
};

/** A write's status, body and headers (ETag, Location) as a Response. */
function respond(result: WriteResult): Response {
  const headers: Record<string, string> = { ...result.headers };
  if (result.status === 204) return new Response(null, { status: 204, headers });
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { "content-type": "application/json", ...headers } });
}

function bodySchema(schemas: EntitySchemas, route: Route): TSchema | undefined {
  if (route.kind === "create") return schemas.create;
  if (route.kind === "update") return schemas.update;
  // A transition or action may be posted without a body: absent means `{}`.
  if (route.kind === "transition") return t.Optional(schemas.transitions[route.transition!]!);
  if (route.kind === "action") return t.Optional(schemas.actions[route.action!]!.input);
  return undefined;
}

/**
 * The record a write route names: its id, or for an entity without one (`id: none`) its key
 * values as a reference (runtime/records/record-ref.ts), which the write answers 404 when malformed.
 */
function idOf(ir: IR, route: Route, params: Record<string, string>): string {
  return route.lookup === "key" ? keyRef(keyValues(ir, route, params)) : params.id!;
}

function relatedEntity(ir: IR, route: Route): string {
  const field = ir.entities.find((e) => e.name === route.entity)!.fields.find((f) => f.name === route.relation)!;
  return field.relation!.to[0]!;
}

/** The key parts from the path; Elysia has decoded them already (decoding twice breaks a key with `%`). */
function keyValues(ir: IR, route: Route, params: Record<string, string>): string[] {
  return ir.entities.find((e) => e.name === route.entity)!.key.map((k) => params[k] ?? "");
}

function idempotency(request: Request): { idempotencyKey?: string } {
  return optional("idempotencyKey", request.headers.get("idempotency-key"));
}

function ifMatch(request: Request): { ifMatch?: string } {
  return optional("ifMatch", request.headers.get("if-match"));
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}
