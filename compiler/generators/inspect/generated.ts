/**
 * The reverse inspector: for a generated element, the model element it came from and where that
 * is written. A generated element is named as a person meets it: a table or a column
 * (`invoices.customer_id`), a constraint or index (`invoices_customer_id_fkey`), a route
 * (`GET /api/invoices/{id}`, or a concrete `/api/invoices/3f2a…`), an OpenAPI operation id
 * (`sendInvoice`), or a widget tag (`weave-input-money`: every field it edits).
 *
 * @example
 *   const found = inspectGenerated(ir, "invoices.customer_id");
 *   // { kind: "generated", query: "invoices.customer_id", matches: [{ generated: { kind: "column", ... }, element: { kind: "field", name: "Invoice.customer", origin } }] }
 */
import type { IR, IREntity, Origin } from "../../ir/index.ts";
import { isSystemRouteKind, type Route, routeTable } from "../openapi/index.ts";
import { type DbColumn, type DbTable, schemaOf } from "../sql/index.ts";
import { widgetFor } from "../ui/widgets.ts";
import { routeWhy } from "./route-why.ts";

export type GeneratedKind = "table" | "column" | "constraint" | "index" | "trigger" | "route" | "operation" | "widget";
export type ModelElementKind = "app" | "entity" | "field" | "transition" | "action" | "query" | "index";

/** One generated element and the model element it came from. */
export interface GeneratedMatch {
  readonly generated: { readonly kind: GeneratedKind; readonly name: string };
  readonly element: { readonly kind: ModelElementKind; readonly name: string; readonly origin: Origin };
  readonly why: string;
}

export type GeneratedResult = { readonly kind: "generated"; readonly query: string; readonly matches: readonly GeneratedMatch[] };

/** What made `thing`; an error with examples of what can be asked when nothing matches. */
export function inspectGenerated(ir: IR, thing: string): GeneratedResult | { readonly error: string; readonly choices: readonly string[] } {
  const query = thing.trim();
  const routes = routeTable(ir);
  const tables = schemaOf(ir).tables;
  const matches = [...routeMatches(ir, routes, query), ...databaseMatches(ir, tables, query), ...widgetMatches(ir, query)];
  if (matches.length > 0) return { kind: "generated", query, matches };
  const sample = ir.entities.find((e) => !e.generated) ?? ir.entities[0];
  const table = tables.find((t) => t.entity === sample?.name);
  const column = sample && table?.columns.find((c) => fieldOfColumn(sample, c) && c.name !== "id");
  const route = routes.find((r) => r.entity === sample?.name && r.kind === "get");
  const choices = [table?.name, column ? `${table!.name}.${column.name}` : undefined, route ? `${route.method} ${route.openApiPath}` : undefined, route?.operationId, "weave-input-date"];
  return { error: `nothing generated is named ${query}`, choices: choices.filter((c): c is string => c !== undefined) };
}

// --- routes and operation ids ---

function routeMatches(ir: IR, routes: readonly Route[], query: string): GeneratedMatch[] {
  const byId = routes.filter((r) => r.operationId === query);
  if (byId.length > 0) return byId.flatMap((r) => routeMatch(ir, r, "operation", r.operationId));
  const asked = parseRoute(query);
  if (!asked) return [];
  const candidates = routes.filter((r) => asked.method === undefined || r.method === asked.method);
  const exact = candidates.filter((r) => r.openApiPath === asked.path);
  const found = exact.length > 0 ? exact : mostSpecific(candidates, asked.path);
  return found.flatMap((r) => routeMatch(ir, r, "route", `${r.method} ${r.openApiPath}`));
}

/** `GET /api/x/{id}`, `/api/x/:id?y=1`: the method (when given) and the path in OpenAPI style. */
function parseRoute(query: string): { method?: string; path: string } | undefined {
  const found = /^(?:(GET|POST|PATCH|PUT|DELETE)\s+)?(\/\S*)$/i.exec(query);
  if (!found) return undefined;
  const path = found[2]!.split(/[?#]/)[0]!.replace(/\/:([^/]+)/g, "/{$1}").replace(/(.)\/$/, "$1");
  return { ...(found[1] ? { method: found[1].toUpperCase() } : {}), path };
}

/** The routes whose template matches a concrete path, those with the most literal segments. */
function mostSpecific(routes: readonly Route[], path: string): Route[] {
  const segments = path.split("/");
  const scored = routes.flatMap((r) => {
    const template = r.openApiPath.split("/");
    if (template.length !== segments.length) return [];
    let literal = 0;
    for (let i = 0; i < template.length; i++) {
      if (/^\{.+\}$/.test(template[i]!)) {
        if (segments[i] === "") return [];
      } else if (template[i] === segments[i]) literal++;
      else return [];
    }
    return [{ r, literal }];
  });
  const best = Math.max(-1, ...scored.map((s) => s.literal));
  return scored.filter((s) => s.literal === best).map((s) => s.r);
}

function routeMatch(ir: IR, route: Route, kind: "route" | "operation", name: string): GeneratedMatch[] {
  const generated = { kind, name };
  if (isSystemRouteKind(route.kind)) return [{ generated, element: { kind: "app", name: ir.app.name, origin: ir.app.origin }, why: `a route every app has (${route.kind})` }];
  if (route.kind === "savedQuery") {
    const query = ir.queries.find((q) => q.name === route.query);
    return query ? [{ generated, element: { kind: "query", name: query.name, origin: query.origin }, why: `runs the saved query ${query.name}` }] : [];
  }
  const entity = ir.entities.find((e) => e.name === route.entity);
  if (!entity) return [];
  if (route.kind === "related") {
    const field = entity.fields.find((f) => f.name === route.relation);
    if (field) return [{ generated, element: { kind: "field", name: `${entity.name}.${field.name}`, origin: field.origin }, why: routeWhy(route) }];
  }
  if (route.kind === "transition") {
    const transition = entity.states.find((m) => m.name === route.machine)?.transitions.find((t) => t.name === route.transition);
    if (transition) return [{ generated, element: { kind: "transition", name: `${entity.name}.${route.machine}.${transition.name}`, origin: transition.origin }, why: routeWhy(route) }];
  }
  if (route.kind === "action") {
    const action = entity.actions.find((a) => a.name === route.action);
    if (action) return [{ generated, element: { kind: "action", name: `${entity.name}.${action.name}`, origin: action.origin }, why: routeWhy(route) }];
  }
  return [{ generated, element: entityElement(entity), why: `${routeWhy(route)}: a route every entity has` }];
}

// --- tables, columns, constraints, indexes, triggers ---

function databaseMatches(ir: IR, tables: readonly DbTable[], query: string): GeneratedMatch[] {
  const [tableName, columnName, ...rest] = query.split(".");
  if (rest.length > 0) return [];
  const table = tables.find((t) => t.name === tableName);
  if (table && columnName === undefined) return entityOf(ir, table).map((entity) => ({ generated: { kind: "table", name: table.name }, element: entityElement(entity), why: `the table of ${entity.name}` }));
  if (table && columnName !== undefined) {
    const column = table.columns.find((c) => c.name === columnName);
    return column ? columnMatches(ir, table, column, { kind: "column", name: `${table.name}.${column.name}` }, "stores it") : [];
  }
  if (columnName !== undefined) return [];
  return tables.flatMap((t) => namedObjectMatches(ir, t, query));
}

/** A constraint, index or trigger of `table` named `name`: the fields of its columns. */
function namedObjectMatches(ir: IR, table: DbTable, name: string): GeneratedMatch[] {
  const entity = entityOf(ir, table)[0];
  if (!entity) return [];
  const index = entity.indexes.find((i) => i.name === name);
  if (index) return [{ generated: { kind: "index", name }, element: { kind: "index", name: `${entity.name}.indexes.${name}`, origin: index.origin }, why: `declared in ${entity.name}'s indexes` }];
  const constraints = [table.primaryKey, ...table.uniques, ...table.foreignKeys, ...table.indexes];
  const found = constraints.find((c) => c.name === name);
  const check = table.checks.find((c) => c.name === name);
  const trigger = table.triggers.find((t) => t.name === name);
  const kind = trigger ? "trigger" : table.indexes.some((i) => i.name === name) ? "index" : "constraint";
  const columns = found ? found.columns : check ? table.columns.filter((c) => check.sql.includes(`"${c.name}"`)).map((c) => c.name) : trigger ? table.columns.filter((c) => trigger.functionBody.includes(`NEW."${c.name}" :=`)).map((c) => c.name) : undefined;
  if (columns === undefined) return [];
  const fields = table.columns.filter((c) => columns.includes(c.name) && fieldOfColumn(entity, c) !== undefined);
  const why = `a ${kind} on ${columns.join(", ") || table.name}`;
  if (fields.length === 0) return [{ generated: { kind, name }, element: entityElement(entity), why }];
  return fields.flatMap((c) => columnMatches(ir, table, c, { kind, name }, why));
}

/** The field a column stores (`Entity.field`, `Entity.field.part` for embedded), else its entity. */
function columnMatches(ir: IR, table: DbTable, column: DbColumn, generated: GeneratedMatch["generated"], why: string): GeneratedMatch[] {
  const entity = ir.entities.find((e) => e.name === column.source.split(".")[0]) ?? entityOf(ir, table)[0];
  if (!entity) return [];
  const field = fieldOfColumn(entity, column);
  if (!field) return [{ generated, element: entityElement(entity), why: `a column every ${entity.name} row has (${column.source})` }];
  return [{ generated, element: { kind: "field", name: `${entity.name}.${field.name}`, origin: field.origin }, why: column.source.split(".").length > 2 ? `${why}: ${column.source}` : why }];
}

// --- widgets ---

function widgetMatches(ir: IR, query: string): GeneratedMatch[] {
  if (!query.startsWith("weave-")) return [];
  return ir.entities
    .filter((e) => !e.generated)
    .flatMap((e) => e.fields.filter((f) => widgetFor(f.type) === query).map((f) => ({ generated: { kind: "widget" as const, name: query }, element: { kind: "field" as const, name: `${e.name}.${f.name}`, origin: f.origin }, why: `the widget for ${f.type} fields` })));
}

/** The field a column stores; undefined for a system column (id, tenant_id, version, ...). */
function fieldOfColumn(entity: IREntity, column: DbColumn) {
  const [, fieldName] = column.source.split(".");
  return entity.fields.find((f) => f.name === fieldName);
}

function entityOf(ir: IR, table: DbTable): IREntity[] {
  return ir.entities.filter((e) => e.name === table.entity);
}

function entityElement(entity: IREntity): GeneratedMatch["element"] {
  return { kind: "entity", name: entity.name, origin: entity.origin };
}
