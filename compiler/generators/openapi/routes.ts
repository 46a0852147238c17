/**
 * Every route of an app's API, derived from the IR. The server registers exactly these and the
 * OpenAPI document describes exactly these: both are made from this one table.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { hasUserAdmin } from "./account-schemas.ts";
import { collectionSegment, kebab, pascal, pluralName } from "./names.ts";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** What an entity route does; the server has one handler per kind. */
export type EntityRouteKind = "list" | "create" | "get" | "update" | "delete" | "related" | "transition" | "action" | "savedQuery";

/** The routes every app has, whatever its model. */
export const SYSTEM_ROUTE_KINDS = [
  "openapi", "docs", "events", "audit", "meta", "runQuery", "health", "ready", "metrics",
  "register", "login", "logout", "me", "magicLink", "magicLinkRedeem", "listTokens", "createToken", "revokeToken", "switchTenant",
  "listTenants", "createTenant", "listMembers", "addMember", "updateMember", "removeMember", "listUsers", "updateUser",
] as const;
export type SystemRouteKind = (typeof SYSTEM_ROUTE_KINDS)[number];

export type RouteKind = EntityRouteKind | SystemRouteKind;

export function isSystemRouteKind(kind: RouteKind): kind is SystemRouteKind {
  return (SYSTEM_ROUTE_KINDS as readonly string[]).includes(kind);
}

export interface Route {
  readonly method: HttpMethod;
  /** Elysia style: `/api/invoices/:id`. */
  readonly path: string;
  /** OpenAPI style: `/api/invoices/{id}`. */
  readonly openApiPath: string;
  readonly operationId: string;
  readonly kind: RouteKind;
  /** The entity the route serves (entity routes only). */
  readonly entity?: string;
  /** Item routes: the record is named by its `id`, or by its key fields (`/by-key/...`). */
  readonly lookup?: "id" | "key";
  /** `related`: the `many` or `many-to-many` field. */
  readonly relation?: string;
  /** `transition`: the state machine and the transition. */
  readonly machine?: string;
  readonly transition?: string;
  /** `action`: the action, and whether it runs on one record or on the collection. */
  readonly action?: string;
  readonly scope?: "record" | "collection";
  /** `savedQuery`: the saved query (its `entity` is the query's `from`). */
  readonly query?: string;
}

type Draft = Omit<Route, "operationId" | "openApiPath"> & { readonly baseId: string; readonly fallbackSuffix: string };

/**
 * The routes of `ir`: system routes first, then each entity's in IR order (list, create, get,
 * get by key, update, delete, related lists, transitions, record actions, collection actions).
 *
 * Operation ids are unique: CRUD and system ids are assigned first; a later id that collides
 * (a transition named `delete` would give `deleteInvoice`) gets its kind as a suffix
 * (`deleteInvoiceTransition`), then a number.
 *
 * @example
 *   routeTable(ir).find((r) => r.operationId === "sendInvoice");
 *   // { method: "POST", path: "/api/invoices/:id/transitions/send", kind: "transition", entity: "Invoice", lookup: "id", machine: "lifecycle", transition: "send", ... }
 */
export function routeTable(ir: IR): Route[] {
  const drafts = [...systemRoutes(ir), ...ir.entities.flatMap((entity) => entityRoutes(entity)), ...savedQueryRoutes(ir)];
  const ids = assignOperationIds(drafts);
  return drafts.map((draft, i) => {
    const { baseId: _b, fallbackSuffix: _f, ...route } = draft;
    return { ...route, openApiPath: toOpenApiPath(route.path), operationId: ids[i]! };
  });
}

/** `/api/invoices/:id` -> `/api/invoices/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function systemRoutes(ir: IR): Draft[] {
  const route = (method: HttpMethod, path: string, kind: RouteKind, baseId: string): Draft => ({ method, path, kind, baseId, fallbackSuffix: "System" });
  return [
    route("GET", "/api/openapi.json", "openapi", "getOpenApiDocument"),
    route("GET", "/api/docs", "docs", "getApiDocs"),
    route("GET", "/api/_events", "events", "streamEvents"),
    route("GET", "/api/_audit", "audit", "listAuditEntries"),
    route("GET", "/api/_meta", "meta", "getMeta"),
    route("POST", "/api/query", "runQuery", "runQuery"),
    route("POST", "/api/auth/register", "register", "register"),
    route("POST", "/api/auth/login", "login", "login"),
    route("POST", "/api/auth/logout", "logout", "logout"),
    route("GET", "/api/auth/me", "me", "getMe"),
    route("POST", "/api/auth/magic-link", "magicLink", "requestMagicLink"),
    route("POST", "/api/auth/magic-link/redeem", "magicLinkRedeem", "redeemMagicLink"),
    route("GET", "/api/auth/tokens", "listTokens", "listApiTokens"),
    route("POST", "/api/auth/tokens", "createToken", "createApiToken"),
    route("DELETE", "/api/auth/tokens/:id", "revokeToken", "revokeApiToken"),
    ...(ir.app.tenancy.enabled ? tenancyRoutes(route) : []),
    ...(hasUserAdmin(ir) ? [route("GET", "/api/_users", "listUsers", "listUsers"), route("PATCH", "/api/_users/:id", "updateUser", "updateUser")] : []),
    route("GET", "/health", "health", "checkHealth"),
    route("GET", "/ready", "ready", "checkReady"),
    route("GET", "/metrics", "metrics", "getMetrics"),
  ];
}

/** `GET /api/queries/<name>` per saved query, in IR order (by name). */
function savedQueryRoutes(ir: IR): Draft[] {
  return ir.queries.map((q) => ({ method: "GET", path: `/api/queries/${q.name}`, kind: "savedQuery", entity: q.from, query: q.name, baseId: `runQuery${pascal(q.name)}`, fallbackSuffix: "Query" }));
}

/** With tenancy: the session's tenant, the caller's tenants, and each tenant's members. */
function tenancyRoutes(route: (method: HttpMethod, path: string, kind: RouteKind, baseId: string) => Draft): Draft[] {
  const members = "/api/_tenants/:tenant/members";
  return [
    route("POST", "/api/auth/tenant", "switchTenant", "switchTenant"),
    route("GET", "/api/_tenants", "listTenants", "listTenants"),
    route("POST", "/api/_tenants", "createTenant", "createTenant"),
    route("GET", members, "listMembers", "listMembers"),
    route("POST", members, "addMember", "addMember"),
    route("PATCH", `${members}/:user`, "updateMember", "updateMember"),
    route("DELETE", `${members}/:user`, "removeMember", "removeMember"),
  ];
}

function entityRoutes(entity: IREntity): Draft[] {
  const base = `/api/${collectionSegment(entity)}`;
  const name = entity.name;
  const plural = pluralName(entity);
  const keyPath = entity.key.length > 0 ? `${base}/by-key/${entity.key.map((k) => `:${k}`).join("/")}` : undefined;
  const item = entity.id !== "none" ? { path: `${base}/:id`, lookup: "id" as const } : keyPath ? { path: keyPath, lookup: "key" as const } : undefined;
  const crud = (method: HttpMethod, path: string, kind: RouteKind, baseId: string, extra: Partial<Route> = {}): Draft => ({ method, path, kind, entity: name, baseId, fallbackSuffix: "", ...extra });
  const out: Draft[] = [crud("GET", base, "list", `list${plural}`), crud("POST", base, "create", `create${name}`)];
  if (item) out.push(crud("GET", item.path, "get", `get${name}`, { lookup: item.lookup }));
  if (keyPath && item?.lookup === "id") out.push(crud("GET", keyPath, "get", `get${name}ByKey`, { lookup: "key" }));
  if (item) out.push(crud("PATCH", item.path, "update", `update${name}`, { lookup: item.lookup }), crud("DELETE", item.path, "delete", `delete${name}`, { lookup: item.lookup }));
  if (item) out.push(...recordScoped(entity, item.path, item.lookup));
  for (const action of entity.actions.filter((a) => a.scope === "collection")) {
    out.push({ method: "POST", path: `${base}/actions/${kebab(action.name)}`, kind: "action", entity: name, action: action.name, scope: "collection", baseId: `${action.name}${plural}`, fallbackSuffix: "Action" });
  }
  return out;
}

/** Related lists, transitions and record actions, under the item path. */
function recordScoped(entity: IREntity, itemPath: string, lookup: "id" | "key"): Draft[] {
  const name = entity.name;
  const out: Draft[] = [];
  for (const field of entity.fields.filter((f) => f.relation?.kind === "many" || f.relation?.kind === "many-to-many")) {
    out.push({ method: "GET", path: `${itemPath}/${kebab(field.name)}`, kind: "related", entity: name, lookup, relation: field.name, baseId: `list${pascal(field.name)}Of${name}`, fallbackSuffix: "Related" });
  }
  for (const machine of entity.states) {
    for (const t of machine.transitions) {
      out.push({ method: "POST", path: `${itemPath}/transitions/${kebab(t.name)}`, kind: "transition", entity: name, lookup, machine: machine.name, transition: t.name, baseId: `${t.name}${name}`, fallbackSuffix: "Transition" });
    }
  }
  for (const action of entity.actions.filter((a) => a.scope === "record")) {
    out.push({ method: "POST", path: `${itemPath}/actions/${kebab(action.name)}`, kind: "action", entity: name, lookup, action: action.name, scope: "record", baseId: `${action.name}${name}`, fallbackSuffix: "Action" });
  }
  return out;
}

/** Ids of CRUD and system routes first (they own the plain names), then the rest in order. */
function assignOperationIds(drafts: readonly Draft[]): string[] {
  const taken = new Set<string>();
  const ids: string[] = new Array(drafts.length);
  const claim = (i: number) => {
    const { baseId, fallbackSuffix } = drafts[i]!;
    let id = taken.has(baseId) ? `${baseId}${fallbackSuffix}` : baseId;
    for (let n = 2; taken.has(id); n++) id = `${baseId}${fallbackSuffix}${n}`;
    taken.add(id);
    ids[i] = id;
  };
  const primary = (d: Draft) => d.fallbackSuffix === "" || d.fallbackSuffix === "System";
  drafts.forEach((d, i) => primary(d) && claim(i));
  drafts.forEach((d, i) => !primary(d) && claim(i));
  return ids;
}
