import type { App, Dashboard, Permission, Quota, Query, QueryCondition, QueryOrder, Role, SharedRule, Workflow } from "../ir/index.ts";
import type { Located, Model } from "../check/model.ts";
import type { FieldSpecLike } from "../check/model.ts";
import { expressionAt, optionalExpressionAt, originAt, type LowerSource } from "./context.ts";
import { parseColumn } from "../check/query-columns.ts";
import { queryShape, type QueryShape } from "../check/query-shape.ts";
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
  const tenancy = (spec.tenancy ?? {}) as { enabled?: boolean; header?: string; create?: string };
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
    // `create` only when restricted, so the IR (and its hash) of other apps stays as it was.
    tenancy: { enabled: tenancy.enabled ?? false, header: tenancy.header ?? "X-Weave-Tenant", ...(tenancy.create === "admins" ? { create: "admins" as const } : {}) },
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
    const shape = queryShape(model, String(spec.from), spec);
    const query: Query = { name, from: String(spec.from), params, select: (spec.select ?? []) as string[], sort: (spec.sort ?? []) as string[], origin: originAt(src, []) };
    query.label = typeof spec.label === "string" ? spec.label : humanize(name);
    if (typeof spec.description === "string") query.description = spec.description;
    Object.assign(query, lowerShape(spec, shape));
    if (typeof spec.limit === "number") query.limit = spec.limit;
    const where = optionalExpressionAt(src, ["where"], spec.where);
    if (where) query.where = where;
    const allow = optionalExpressionAt(src, ["allow"], spec.allow);
    if (allow) query.allow = allow;
    return query;
  });
}

/** The structured form of a query's columns, groups, order and group conditions, as the runtime compiles them. */
function lowerShape(spec: Doc, shape: QueryShape): Pick<Query, "columns" | "aggregate" | "groupBy" | "having" | "orderBy"> {
  const names = new Set(shape.columns.map((c) => c.name));
  const orderBy: QueryOrder[] = ((spec.sort ?? []) as string[]).map((key) => {
    const name = key.replace(/^-/, "");
    return { by: names.has(name) ? { column: name } : { field: name }, ...(key.startsWith("-") ? { desc: true } : {}) };
  });
  const having = ((spec.having ?? []) as { column: string; op: string; value: unknown }[]).map((h) => ({ left: { column: h.column }, op: h.op, value: h.value }) as QueryCondition);
  const groupBy = ((spec.groupBy ?? []) as string[]).map((text) => parseColumn(text)!.operand);
  return {
    columns: shape.columns.map(({ name, label, value, type }) => ({ name, label, value, type })),
    aggregate: shape.grouped,
    ...(groupBy.length > 0 ? { groupBy } : {}),
    ...(having.length > 0 ? { having: { and: having } } : {}),
    ...(orderBy.length > 0 ? { orderBy } : {}),
  };
}

/** Dashboards, their widgets with defaults applied: label (the query's), params, span. */
export function lowerDashboards(model: Model): Dashboard[] {
  return sortedEntries(model.dashboards).map(([name, { file, spec }]) => {
    const widgets = ((spec.widgets ?? []) as Doc[]).map((w) => {
      const query = model.queries.get(String(w.query))?.spec;
      const label = typeof w.label === "string" ? w.label : typeof query?.label === "string" ? query.label : humanize(String(w.query));
      const widget: Dashboard["widgets"][number] = { name: String(w.name), label, type: w.type as "bar", query: String(w.query), params: (w.params ?? {}) as Record<string, string>, span: typeof w.span === "number" ? w.span : w.type === "number" ? 1 : 2 };
      if (typeof w.description === "string") widget.description = w.description;
      for (const key of ["x", "y", "columns"] as const) if (w[key] !== undefined) (widget as unknown as Doc)[key] = w[key];
      return widget;
    });
    const dashboard: Dashboard = { name, label: typeof spec.label === "string" ? spec.label : humanize(name), widgets, origin: originAt({ model, file }, []) };
    if (typeof spec.description === "string") dashboard.description = spec.description;
    return dashboard;
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

function sortedEntries<T>(map: Map<string, Located<T>>): [string, Located<T>][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
