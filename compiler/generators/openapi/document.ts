/**
 * The OpenAPI 3.1 document of an app's API: one operation per route of `routeTable`, described
 * with the components of components.ts and parameters.ts.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { accountOperation, accountTags } from "./account-operations.ts";
import { documentSchemas, headerComponents, PROBLEMS, type ProblemStatus, responseComponents } from "./components.ts";
import { entitySchemas } from "./entity-schemas.ts";
import { type JsonSchema, ref, toJsonSchema } from "./json-schema.ts";
import { componentName } from "./names.ts";
import { listParameterNames, PARAM, parameterComponents, paramRef, tenantParameterNames, entityParam } from "./parameters.ts";
import { DEFAULT_MAX_PAGE_SIZE, listQueryModel } from "./query-model.ts";
import { type EntityRouteKind, isSystemRouteKind, type Route, routeTable, type SystemRouteKind } from "./routes.ts";
import { runQueryOperation, savedQueryOperation } from "./query-operations.ts";
import { SHARED } from "./shared-schemas.ts";
import { UUID_PATTERN } from "./values.ts";

export interface OpenApiOptions {
  /** Absolute or relative URL of the API server, as `servers[0].url`; omitted when not given. */
  readonly serverUrl?: string;
  /** The largest `page[size]`; default 100. */
  readonly maxPageSize?: number;
}

/** An OpenAPI 3.1.0 document, as plain JSON. */
export interface OpenApiDocument {
  readonly openapi: "3.1.0";
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers?: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  readonly paths: Record<string, Record<string, JsonSchema>>;
  readonly components: {
    readonly schemas: Record<string, JsonSchema>;
    readonly parameters: Record<string, JsonSchema>;
    readonly responses: Record<string, JsonSchema>;
    readonly headers: Record<string, JsonSchema>;
  };
}

const SYSTEM_TAG = "weave";
const OPERATIONS_TAG = "operations";

/**
 * The OpenAPI 3.1 document of `ir`'s API. Pure and deterministic: the same IR and options give
 * the same document, key for key.
 *
 * @example
 *   const doc = generateOpenApi(ir, { serverUrl: "http://localhost:3000" });
 *   doc.paths["/api/invoices/{id}/transitions/send"].post.operationId; // "sendInvoice"
 */
export function generateOpenApi(ir: IR, options: OpenApiOptions = {}): OpenApiDocument {
  const ctx: DocContext = { ir, maxPageSize: options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routeTable(ir)) {
    const item = (paths[route.openApiPath] ??= {});
    item[route.method.toLowerCase()] = operation(ctx, route);
  }
  return {
    openapi: "3.1.0",
    info: { title: ir.app.title, version: ir.app.version ?? "0.0.0", ...(ir.app.description ? { description: ir.app.description } : {}) },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: [
      ...ir.entities.map((e) => ({ name: e.name, ...(e.description ? { description: e.description } : {}) })),
      { name: SYSTEM_TAG, description: "The API's own routes: this document, events and the audit log." },
      ...accountTags(ir),
      { name: OPERATIONS_TAG, description: "Health, readiness and metrics, for load balancers and monitoring." },
    ],
    paths,
    components: {
      schemas: documentSchemas(ir),
      parameters: parameterComponents(ir, ctx.maxPageSize),
      responses: responseComponents(),
      headers: headerComponents(),
    },
  };
}

interface DocContext {
  readonly ir: IR;
  readonly maxPageSize: number;
}

type Operation = JsonSchema;

function operation(ctx: DocContext, route: Route): Operation {
  const kind = route.kind;
  if (isSystemRouteKind(kind)) return { operationId: route.operationId, ...(accountOperation(ctx.ir, kind) ?? SYSTEM_OPERATIONS[kind]!(ctx)) };
  const entity = ctx.ir.entities.find((e) => e.name === route.entity)!;
  return { operationId: route.operationId, ...ENTITY_OPERATIONS[kind](ctx, route, entity) };
}

type EntityBuilder = (ctx: DocContext, route: Route, entity: IREntity) => Operation;
type SystemBuilder = (ctx: DocContext) => Operation;

const ENTITY_OPERATIONS: Record<EntityRouteKind, EntityBuilder> = {
  list: (ctx, _r, e) => ({
    tags: [e.name],
    summary: `List ${e.plural}`,
    description: `${e.plural}, one page at a time, filtered, sorted and searched with the query parameters.`,
    parameters: [...headers(ctx, e), ...listParams(ctx, e)],
    responses: { 200: json(`A page of ${e.plural}.`, ref(componentName.list(e.name))), ...problems(400, 403) },
  }),
  create: (ctx, _r, e) => ({
    tags: [e.name],
    summary: `Create ${e.label}`,
    parameters: [...headers(ctx, e), paramRef(PARAM.idempotencyKey)],
    requestBody: body(componentName.create(e.name), true),
    responses: { 201: record(e, `The created ${e.label}.`, ["ETag", "Location", "IdempotencyReplayed"]), ...problems(400, 403, 409, 413, 422) },
  }),
  get: (ctx, r, e) => ({
    tags: [e.name],
    summary: r.lookup === "key" && e.id !== "none" ? `Get ${e.label} by ${e.key.join(" and ")}` : `Get ${e.label}`,
    parameters: [...pathParams(ctx, r, e), ...headers(ctx, e), ...itemReadParams(ctx, e)],
    responses: { 200: record(e, `The ${e.label}.`, ["ETag"]), ...problems(400, 403, 404) },
  }),
  update: (ctx, r, e) => ({
    tags: [e.name],
    summary: `Update ${e.label}`,
    description: "Changes the given fields only. Give the version you saw as `If-Match` or as `version` in the body to refuse overwriting someone else's change.",
    parameters: [...pathParams(ctx, r, e), ...headers(ctx, e), paramRef(PARAM.ifMatch)],
    requestBody: body(componentName.update(e.name), true),
    responses: { 200: record(e, `The updated ${e.label}.`, ["ETag"]), ...problems(400, 403, 404, 409, 412, 413, 422) },
  }),
  delete: (ctx, r, e) => ({
    tags: [e.name],
    summary: `Delete ${e.label}`,
    parameters: [...pathParams(ctx, r, e), ...headers(ctx, e), paramRef(PARAM.ifMatch)],
    responses: { 204: { description: "Deleted." }, ...problems(400, 403, 404, 409, 412) },
  }),
  related: (ctx, r, e) => {
    const field = e.fields.find((f) => f.name === r.relation)!;
    const target = ctx.ir.entities.find((t) => t.name === field.relation!.to[0])!;
    return {
      tags: [e.name],
      summary: `List ${field.label} of ${e.label}`,
      description: `The ${target.plural} of one ${e.label} (\`${field.name}\`), with the list parameters of ${target.plural}.`,
      parameters: [...pathParams(ctx, r, e), ...headers(ctx, e.tenant ? e : target), ...listParams(ctx, target)],
      responses: { 200: json(`A page of ${target.plural}.`, ref(componentName.list(target.name))), ...problems(400, 403, 404) },
    };
  },
  transition: (ctx, r, e) => {
    const machine = e.states.find((m) => m.name === r.machine)!;
    const t = machine.transitions.find((x) => x.name === r.transition)!;
    return {
      tags: [e.name],
      summary: `${t.label} (${e.label})`,
      description: transitionDescription(machine.field, t),
      parameters: [...pathParams(ctx, r, e), ...headers(ctx, e), paramRef(PARAM.ifMatch), paramRef(PARAM.idempotencyKey)],
      requestBody: body(SHARED.transitionBody, false),
      responses: { 200: record(e, `The ${e.label} after the transition.`, ["ETag", "IdempotencyReplayed"]), ...problems(400, 403, 404, 409, 412, 413, 422) },
    };
  },
  action: (ctx, r, e) => {
    const action = e.actions.find((a) => a.name === r.action)!;
    const schemas = entitySchemas(ctx.ir, e.name).actions[action.name]!;
    const hasInput = Object.keys(schemas.input.properties).length > 0;
    const required = (schemas.input.required ?? []).length > 0;
    const onRecord = r.scope === "record";
    return {
      tags: [e.name],
      summary: `${action.label} (${onRecord ? e.label : e.plural})`,
      ...(action.description ? { description: action.description } : {}),
      parameters: [...(onRecord ? pathParams(ctx, r, e) : []), ...headers(ctx, e), paramRef(PARAM.idempotencyKey)],
      ...(hasInput ? { requestBody: body(schemas.input.$id!, required) } : {}),
      responses: { ...actionResult(schemas.output), ...problems(...actionProblems(onRecord, action.handler !== undefined)) },
    };
  },
  savedQuery: (ctx, r, e) => savedQueryOperation(ctx.ir, r, e, headers(ctx, e)),
};

/** The system routes other than the account routes (account-operations.ts). */
const SYSTEM_OPERATIONS: Partial<Record<SystemRouteKind, SystemBuilder>> = {
  openapi: () => ({
    tags: [SYSTEM_TAG],
    summary: "This OpenAPI document",
    responses: { 200: { description: "The OpenAPI 3.1 document of this API.", content: { "application/json": { schema: { type: "object" } } } } },
  }),
  docs: () => ({
    tags: [SYSTEM_TAG],
    summary: "API reference page",
    description: "A human-readable page rendering this document.",
    responses: { 200: { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } } },
  }),
  events: (ctx) => ({
    tags: [SYSTEM_TAG],
    summary: "Stream of record events",
    description: `Server-sent events, one per committed write: \`event: <type>\` and \`data:\` a JSON \`${SHARED.event}\` (see the component). Filter by entity, and by record with \`id\`.`,
    parameters: [
      ...optionalTenant(ctx),
      { name: "entity", in: "query", required: false, description: "Only events of this entity.", schema: { type: "string", enum: ctx.ir.entities.map((e) => e.name) } },
      { name: "id", in: "query", required: false, description: "Only events of this record (with `entity`).", schema: { type: "string", minLength: 1 } },
    ],
    responses: { 200: { description: "An open event stream.", content: { "text/event-stream": { schema: { type: "string" } } } }, ...problems(400, 403) },
  }),
  audit: (ctx) => ({
    tags: [SYSTEM_TAG],
    summary: "Audit log",
    description: "Every write, transition, action and admin action, newest first, for administrators. Entries are hash-chained: `weave audit verify` detects a changed or removed one.",
    parameters: [
      ...optionalTenant(ctx),
      { name: "entity", in: "query", required: false, description: "Only entries of this entity.", schema: { type: "string", enum: ctx.ir.entities.map((e) => e.name) } },
      { name: "id", in: "query", required: false, description: "Only entries of this record (with `entity`).", schema: { type: "string", minLength: 1 } },
      { name: "page[size]", in: "query", required: false, description: `Entries per page, at most ${ctx.maxPageSize}.`, schema: { type: "integer", minimum: 1, maximum: ctx.maxPageSize, default: Math.min(50, ctx.maxPageSize) } },
      paramRef(PARAM.pageAfter),
    ],
    responses: { 200: json("A page of audit entries.", ref(SHARED.auditList)), ...problems(400, 403) },
  }),
  meta: (ctx) => ({
    tags: [SYSTEM_TAG],
    summary: "UI metadata for the current user",
    description: "The entities, fields, views, transitions and actions the caller may see, with what they may create and run; never a rule or a field they may not read.",
    parameters: [...optionalTenant(ctx)],
    responses: { 200: json("The metadata.", { type: "object" }), ...problems(400, 401, 403) },
  }),
  runQuery: (ctx) => runQueryOperation(ctx.ir, optionalTenant(ctx)),
  health: () => ({
    tags: [OPERATIONS_TAG],
    summary: "Liveness",
    description: "200 while the process runs.",
    responses: { 200: json("Alive.", ref(SHARED.health)) },
  }),
  ready: () => ({
    tags: [OPERATIONS_TAG],
    summary: "Readiness",
    description: "200 while the database answers and the server is not shutting down; 503 otherwise.",
    responses: { 200: json("Ready.", ref(SHARED.health)), ...problems(503) },
  }),
  metrics: () => ({
    tags: [OPERATIONS_TAG],
    summary: "Prometheus metrics",
    description: "Request rate, errors and duration per route, in the Prometheus text format.",
    responses: { 200: { description: "Metrics.", content: { "text/plain": { schema: { type: "string" } } } } },
  }),
};

function headers(ctx: DocContext, entity: IREntity): JsonSchema[] {
  return tenantParameterNames(ctx.ir, entity).map(paramRef);
}

function optionalTenant(ctx: DocContext): JsonSchema[] {
  if (!ctx.ir.app.tenancy.enabled) return [];
  return [{ name: ctx.ir.app.tenancy.header, in: "header", required: false, description: "The tenant (a uuid): needed for the records of tenant-scoped entities.", schema: { type: "string", format: "uuid", pattern: UUID_PATTERN } }];
}

function listParams(ctx: DocContext, entity: IREntity): JsonSchema[] {
  return listParameterNames(listQueryModel(ctx.ir, entity.name, { maxPageSize: ctx.maxPageSize })).map(paramRef);
}

/** `include` and `fields`, which a single record takes too. */
function itemReadParams(ctx: DocContext, entity: IREntity): JsonSchema[] {
  const model = listQueryModel(ctx.ir, entity.name, { maxPageSize: ctx.maxPageSize });
  return [...(model.includes.length > 0 ? [entityParam.include(entity.name)] : []), entityParam.fields(entity.name)].map(paramRef);
}

/** The path parameters: `id`, or the key fields in key order. */
function pathParams(ctx: DocContext, route: Route, entity: IREntity): JsonSchema[] {
  const schemas = entitySchemas(ctx.ir, entity.name);
  if (route.lookup === "id") return [{ name: "id", in: "path", required: true, description: `The ${entity.label}'s id.`, schema: toJsonSchema(schemas.params!.properties.id!) }];
  return entity.key.map((name) => ({
    name,
    in: "path",
    required: true,
    description: `\`${name}\` of the ${entity.label} (part of its key${entity.key.length > 1 ? `, in the order ${entity.key.join(", ")}` : ""}).`,
    schema: toJsonSchema(schemas.keyParams!.properties[name]!),
  }));
}

function json(description: string, schema: JsonSchema, headerNames: readonly string[] = []): JsonSchema {
  return {
    description,
    ...(headerNames.length > 0 ? { headers: Object.fromEntries(headerNames.map((h) => [headerName(h), { $ref: `#/components/headers/${h}` }])) } : {}),
    content: { "application/json": { schema } },
  };
}

function headerName(component: string): string {
  return component === "IdempotencyReplayed" ? "Idempotency-Replayed" : component;
}

function record(entity: IREntity, description: string, headerNames: readonly string[]): JsonSchema {
  return json(description, ref(componentName.record(entity.name)), headerNames);
}

function body(component: string, required: boolean): JsonSchema {
  return { required, content: { "application/json": { schema: ref(component) } } };
}

function problems(...statuses: ProblemStatus[]): Record<string, JsonSchema> {
  return Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${PROBLEMS[s].name}` }]));
}

function actionProblems(onRecord: boolean, implemented: boolean): ProblemStatus[] {
  return [400, 403, ...(onRecord ? [404 as const] : []), 409, 413, 422, ...(implemented ? [] : [501 as const])];
}

function actionResult(output: ReturnType<typeof entitySchemas>["actions"][string]["output"]): Record<string, JsonSchema> {
  if (!output) return { 204: { description: "Done; nothing to return." } };
  const schema = output.$id ? ref(output.$id) : toJsonSchema(output);
  return { 200: json("The action's result.", schema, ["IdempotencyReplayed"]) };
}

function transitionDescription(stateField: string, t: IREntity["states"][number]["transitions"][number]): string {
  const parts = [`Moves \`${stateField}\` from ${t.from.map((s) => `\`${s}\``).join(" or ")} to \`${t.to}\`; from another state it is a 409.`];
  if (t.guard) parts.push(`Guard (else 422): \`${t.guard.source}\`.`);
  const sets = t.effects.filter((e) => e.kind === "set").map((e) => `\`${e.field}\``);
  if (sets.length > 0) parts.push(`Sets ${sets.join(", ")}.`);
  return parts.join(" ");
}
