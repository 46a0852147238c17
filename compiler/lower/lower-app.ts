import type { App, Permission, Quota, Query, Role, Seed, SharedRule, Workflow } from "../ir/index.ts";
import type { Located, Model } from "../check/model.ts";
import type { FieldSpecLike } from "../check/model.ts";
import { expressionAt, optionalExpressionAt, originAt, type LowerSource } from "./context.ts";
import { lowerField } from "./lower-field.ts";
import { humanize } from "./names.ts";

type Doc = Record<string, unknown>;

/**
 * weave.yaml with defaults applied. A database URL is kept only as the name of the environment
 * variable that holds it (`env:DATABASE_URL`): secrets never enter the IR.
 *
 * @example
 *   lowerApp(model).tenancy; // { enabled: true, header: "X-Weave-Tenant" }
 */
export function lowerApp(model: Model): App {
  const { file, spec } = model.app!;
  const src = { model, file };
  const db = (spec.database ?? {}) as { embedded?: string; url?: string };
  const auth = (spec.auth ?? {}) as { password?: boolean; magicLink?: boolean; session?: { idleMinutes?: number; absoluteHours?: number } };
  const tenancy = (spec.tenancy ?? {}) as { enabled?: boolean; header?: string };
  const locales = (spec.locales ?? {}) as { default?: string; supported?: string[] };
  const fallbackLocale = locales.default ?? "en";
  const app: App = {
    name: String(spec.app),
    title: (spec.title as string | undefined) ?? humanize(String(spec.app).replace(/-/g, "_")),
    specVersion: 0,
    database: { embedded: db.embedded ?? ".weave/pglite", ...(db.url?.startsWith("env:") ? { urlEnv: db.url.slice(4) } : {}) },
    auth: {
      password: auth.password ?? true,
      magicLink: auth.magicLink ?? false,
      session: { idleMinutes: auth.session?.idleMinutes ?? 60, absoluteHours: auth.session?.absoluteHours ?? 168 },
    },
    tenancy: { enabled: tenancy.enabled ?? false, header: tenancy.header ?? "X-Weave-Tenant" },
    locales: { default: fallbackLocale, supported: locales.supported ?? [fallbackLocale] },
    origin: originAt(src, []),
  };
  if (typeof spec.description === "string") app.description = spec.description;
  if (typeof spec.version === "string") app.version = spec.version;
  const quotas = lowerQuotas(spec.quotas as Doc | undefined);
  if (quotas) app.quotas = quotas;
  return app;
}

/** The quotas that are set, or undefined when none is, so an app without quotas keeps its IR (and hash). */
function lowerQuotas(spec: Doc | undefined): App["quotas"] {
  const quotas: NonNullable<App["quotas"]> = {};
  for (const scope of ["perUser", "perTenant", "anonymous"] as const) {
    const quota = spec?.[scope] as Quota | undefined;
    if (quota) quotas[scope] = { requests: quota.requests, perSeconds: quota.perSeconds };
  }
  return Object.keys(quotas).length > 0 ? quotas : undefined;
}

/** Roles, with `inherits` closed transitively so the runtime needs no graph walk. */
export function lowerRoles(model: Model): Role[] {
  const closure = (name: string, seen = new Set<string>()): Set<string> => {
    for (const parent of (model.roles.get(name)?.spec.inherits ?? []) as string[]) {
      if (!seen.has(parent)) seen.add(parent), closure(parent, seen);
    }
    return seen;
  };
  return sortedEntries(model.roles).map(([name, { file, path, spec }]) => {
    const role: Role = { name, label: (spec.label as string | undefined) ?? humanize(name), inherits: [...closure(name)].sort(), origin: originAt({ model, file }, path) };
    if (typeof spec.description === "string") role.description = spec.description;
    return role;
  });
}

export function lowerPermissions(model: Model): Permission[] {
  return sortedEntries(model.permissions).map(([name, { file, path, spec }]) => {
    const permission: Permission = { name, roles: ((spec.roles ?? []) as string[]).slice().sort(), origin: originAt({ model, file }, path) };
    if (typeof spec.description === "string") permission.description = spec.description;
    return permission;
  });
}

export function lowerSharedRules(model: Model): SharedRule[] {
  return sortedEntries(model.rules).map(([name, { file, path }]) => ({ name, expr: expressionAt({ model, file }, path) }));
}

export function lowerWorkflows(model: Model): Workflow[] {
  return sortedEntries(model.workflows).map(([name, { file, spec }]) => {
    const workflow: Workflow = { name, trigger: (spec.trigger ?? {}) as Workflow["trigger"], steps: (spec.steps ?? []) as Workflow["steps"], origin: originAt({ model, file }, []) };
    if (typeof spec.description === "string") workflow.description = spec.description;
    return workflow;
  });
}

export function lowerQueries(model: Model): Query[] {
  return sortedEntries(model.queries).map(([name, { file, spec }]) => {
    const src: LowerSource = { model, file };
    const params = Object.entries((spec.params ?? {}) as Record<string, FieldSpecLike>).map(([p, f]) => lowerField(src, ["params", p], p, f));
    const query: Query = { name, from: String(spec.from), params, select: (spec.select ?? []) as string[], sort: (spec.sort ?? []) as string[], origin: originAt(src, []) };
    if (typeof spec.description === "string") query.description = spec.description;
    if (typeof spec.limit === "number") query.limit = spec.limit;
    const where = optionalExpressionAt(src, ["where"], spec.where);
    if (where) query.where = where;
    const allow = optionalExpressionAt(src, ["allow"], spec.allow);
    if (allow) query.allow = allow;
    return query;
  });
}

/** Messages per locale, nested maps flattened to dotted keys, keys sorted. */
export function lowerI18n(model: Model): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, { spec }] of sortedEntries(model.i18n)) {
    const flat: Record<string, string> = {};
    flatten((spec.messages ?? {}) as Doc, "", flat);
    out[locale] = Object.fromEntries(Object.entries(flat).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return out;
}

function flatten(messages: Doc, prefix: string, into: Record<string, string>): void {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") flatten(value as Doc, path, into);
    else into[path] = String(value);
  }
}

/** Seed files merged in path order. */
export function lowerSeed(model: Model): Seed {
  const seed: Seed = { tenants: [], users: [], records: {} };
  for (const { spec } of model.seeds) {
    seed.tenants.push(...((spec.tenants ?? []) as Doc[]));
    seed.users.push(...((spec.users ?? []) as Doc[]));
    for (const [entity, rows] of Object.entries((spec.records ?? {}) as Record<string, Doc[]>)) {
      seed.records[entity] = [...(seed.records[entity] ?? []), ...rows];
    }
  }
  return seed;
}

function sortedEntries<T>(map: Map<string, Located<T>>): [string, Located<T>][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
