/**
 * The one small HTTP client that the components and the generated SDK share. It knows the API's
 * conventions (paths, problem+json, If-Match, tenants, sessions) and nothing of any model: the
 * components feed it paths from `_meta`, the SDK from the generated code.
 */
import { problemOf } from "./problem.ts";
import { type ListParams, listQuery } from "./query.ts";
import { type ServerEvent, readEvents } from "./events.ts";
import type { ApiToken, ListPage, Me, Meta, User, WeaveRecord } from "./types.ts";

export interface ClientOptions {
  /** The API's origin (and base path): `http://localhost:3000`. Default: the page's origin. */
  readonly baseUrl?: string;
  /** A Bearer API token, for programs; browsers use the session cookie instead. */
  readonly token?: string;
  /** The tenant key or id sent as `X-Weave-Tenant`; default: the session's. */
  readonly tenant?: string;
  /** The tenant header's name, when the app renamed it. */
  readonly tenantHeader?: string;
  readonly fetch?: typeof fetch;
}

/** What `subscribe` listens to, and hooks for the stream opening and failing. */
export interface SubscribeOptions {
  /** Only events of this entity (by name: `Invoice`). */
  readonly entity?: string;
  /** With `entity`: only events of this record. */
  readonly id?: string;
  /** Called once the server accepted the stream: events from now on will arrive. */
  readonly onOpen?: () => void;
  /** Called when the stream is refused (an ApiError) or breaks; not when stopped. */
  readonly onError?: (error: unknown) => void;
}

/** Options of one call. */
export interface CallOptions {
  /** The version last seen, sent as If-Match. */
  readonly version?: number;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

/**
 * Creates a client.
 *
 * @example
 *   const client = createClient({ baseUrl: "http://localhost:3000" });
 *   await client.auth.login("billing@acme.test", "demo-billing-1");
 *   const page = await client.list("/api/invoices", { filter: { status: { eq: "sent" } } });
 */
export function createClient(options: ClientOptions = {}) {
  const base = (options.baseUrl ?? globalThis.location?.origin ?? "").replace(/\/$/, "");
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let tenant = options.tenant;

  async function call<T>(method: string, path: string, body?: unknown, call: CallOptions = {}): Promise<T> {
    const response = await doFetch(`${base}${path}`, { method, headers: headers(body !== undefined, call), body: body === undefined ? undefined : JSON.stringify(body), credentials: "include", ...(call.signal ? { signal: call.signal } : {}) });
    if (!response.ok) throw await problemOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  function headers(hasBody: boolean, call: CallOptions): Record<string, string> {
    const out: Record<string, string> = { accept: "application/json" };
    if (hasBody) out["content-type"] = "application/json";
    if (options.token) out.authorization = `Bearer ${options.token}`;
    if (tenant) out[options.tenantHeader ?? "X-Weave-Tenant"] = tenant;
    if (call.version !== undefined) out["if-match"] = `"${call.version}"`;
    if (call.idempotencyKey) out["idempotency-key"] = call.idempotencyKey;
    return out;
  }

  const item = (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}`;
  // Transition, action and relation names are kebab-case in paths (remindOverdue → remind-overdue).
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const withQuery = (path: string, params: ListParams) => {
    const query = listQuery(params);
    return query ? `${path}?${query}` : path;
  };

  return {
    baseUrl: base,
    /** Switches the tenant sent with every later call (`undefined`: the session's). */
    setTenant(next: string | undefined) {
      tenant = next;
    },
    get tenant() {
      return tenant;
    },
    request: call,
    /** Where a stored file (a `file` field's `key`) downloads from. */
    fileUrl: (key: string) => `${base}/api/_files/${encodeURIComponent(key)}`,
    meta: (signal?: AbortSignal) => call<Meta>("GET", "/api/_meta", undefined, signal ? { signal } : {}),
    list: <R = WeaveRecord>(collection: string, params: ListParams = {}, signal?: AbortSignal) => call<ListPage<R>>("GET", withQuery(collection, params), undefined, signal ? { signal } : {}),
    get: <R = WeaveRecord>(collection: string, id: string, params: Pick<ListParams, "include" | "fields"> = {}) => call<R>("GET", withQuery(item(collection, id), params)),
    related: <R = WeaveRecord>(collection: string, id: string, relation: string, params: ListParams = {}) => call<ListPage<R>>("GET", withQuery(`${item(collection, id)}/${kebab(relation)}`, params)),
    create: <R = WeaveRecord>(collection: string, body: Record<string, unknown>, opts?: CallOptions) => call<R>("POST", collection, body, opts),
    update: <R = WeaveRecord>(collection: string, id: string, body: Record<string, unknown>, opts?: CallOptions) => call<R>("PATCH", item(collection, id), body, opts),
    remove: (collection: string, id: string, opts?: CallOptions) => call<void>("DELETE", item(collection, id), undefined, opts),
    transition: <R = WeaveRecord>(collection: string, id: string, transition: string, opts?: CallOptions) => call<R>("POST", `${item(collection, id)}/transitions/${kebab(transition)}`, {}, opts),
    action: <O = unknown>(collection: string, id: string | undefined, action: string, input: Record<string, unknown> = {}, opts?: CallOptions) =>
      call<O>("POST", id === undefined ? `${collection}/actions/${kebab(action)}` : `${item(collection, id)}/actions/${kebab(action)}`, input, opts),
    audit: (params: { entity?: string; recordId?: string; size?: number } = {}) => {
      const search = new URLSearchParams();
      if (params.entity) search.set("entity", params.entity);
      if (params.recordId) search.set("id", params.recordId);
      if (params.size) search.set("page[size]", String(params.size));
      const query = search.toString();
      return call<{ data: readonly Record<string, unknown>[] }>("GET", `/api/_audit${query ? `?${query}` : ""}`);
    },
    /**
     * Server-sent events for the records the caller may read; returns a function that stops them.
     *
     * @example const stop = client.subscribe((e) => console.log(e.type, e.data), { entity: "Invoice" });
     */
    subscribe(onEvent: (event: ServerEvent) => void, filter: SubscribeOptions = {}): () => void {
      const controller = new AbortController();
      const wanted = (event: ServerEvent) => !filter.entity || (event.data as { entity?: string } | null)?.entity === filter.entity;
      const query = new URLSearchParams(filter.entity && filter.id ? { entity: filter.entity, id: filter.id } : {}).toString();
      void doFetch(`${base}/api/_events${query ? `?${query}` : ""}`, { headers: { ...headers(false, {}), accept: "text/event-stream" }, credentials: "include", signal: controller.signal })
        .then(async (response) => {
          if (!response.ok || !response.body) throw await problemOf(response);
          filter.onOpen?.();
          await readEvents(response.body, (e) => wanted(e) && onEvent(e));
        })
        // Aborted, refused, or the server went away: the subscriber stops hearing.
        .catch((error: unknown) => (controller.signal.aborted ? undefined : filter.onError?.(error)));
      return () => controller.abort();
    },
    auth: {
      me: () => call<Me>("GET", "/api/auth/me"),
      login: (email: string, password: string) => call<{ user: User }>("POST", "/api/auth/login", { email, password }),
      register: (email: string, password: string, name?: string) => call<{ user: User }>("POST", "/api/auth/register", { email, password, ...(name ? { name } : {}) }),
      logout: () => call<void>("POST", "/api/auth/logout"),
      requestMagicLink: (email: string) => call<{ sent: boolean }>("POST", "/api/auth/magic-link", { email }),
      /** Makes a tenant the session's current one (`null`: none). */
      chooseTenant: (tenantId: string | null) => call<{ tenant: unknown }>("POST", "/api/auth/tenant", { tenant: tenantId }),
      redeemMagicLink: (token: string) => call<{ user: User }>("POST", "/api/auth/magic-link/redeem", { token }),
      /** The caller's API tokens (a session is needed: a token cannot mint tokens). */
      tokens: {
        list: () => call<{ data: readonly ApiToken[] }>("GET", "/api/auth/tokens"),
        /** `token` is shown this once. */
        create: (name: string, scopes?: readonly ("read" | "write")[]) => call<ApiToken & { token: string }>("POST", "/api/auth/tokens", { name, ...(scopes ? { scopes } : {}) }),
        revoke: (id: string) => call<void>("DELETE", `/api/auth/tokens/${encodeURIComponent(id)}`),
      },
    },
  };
}

/** A client made by {@link createClient}. */
export type WeaveClient = ReturnType<typeof createClient>;
