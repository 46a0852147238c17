/**
 * `weave inspect`: what was generated from a model element and why, as plain data. For an entity:
 * its table's columns with their constraints, its routes and OpenAPI operation ids, the policies
 * that apply, and each field's widget; for a field, the same narrowed to it. A pure function of the
 * IR (and the SQL and OpenAPI generators), so the CLI and `GET /api/_inspect` show the same.
 *
 * @example
 *   const found = inspectModel(ir, "Invoice.status");
 *   if ("error" in found) console.error(found.error); else console.log(found.columns, found.routes, found.widget);
 */
import type { IR, IREntity, IRField, Origin } from "../../ir/index.ts";
import { type Route, routeTable } from "../openapi/index.ts";
import { type DbTable, schemaOf } from "../sql/index.ts";
import { widgetFor } from "../ui/widgets.ts";
import { type InspectColumn, inspectColumns } from "./columns.ts";
import { entityPolicies, fieldPolicies } from "./policies.ts";
import { routeWhy } from "./route-why.ts";

export type { InspectColumn } from "./columns.ts";
export { type GeneratedMatch, type GeneratedResult, inspectGenerated } from "./generated.ts";
export type { InspectPolicy } from "./policies.ts";

/** One route: method, path, OpenAPI operation id, and what it does with the element. */
export interface InspectRoute {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly why: string;
}

export interface InspectField {
  readonly name: string;
  readonly type: string;
  readonly label: string;
  readonly storage: string;
  readonly required: boolean;
  readonly computed?: string;
  readonly widget: string | null;
  readonly origin: Origin;
}

export type InspectResult =
  | { readonly kind: "app"; readonly app: string; readonly origin: Origin; readonly entities: readonly { name: string; table: string; fields: number; routes: number; origin: Origin }[] }
  | ({ readonly kind: "entity" } & ReturnType<typeof inspectEntity>)
  | ({ readonly kind: "field" } & ReturnType<typeof inspectField>);

/**
 * The app overview (no target), an entity (`Invoice`) or a field (`Invoice.status`); an error
 * with suggestions for a name the model lacks.
 */
export function inspectModel(ir: IR, target?: string): InspectResult | { readonly error: string; readonly choices: readonly string[] } {
  const schema = schemaOf(ir);
  const routes = routeTable(ir);
  if (target === undefined || target === "") {
    const entities = ir.entities.map((e) => ({ name: e.name, table: e.table, fields: e.fields.length, routes: routes.filter((r) => r.entity === e.name).length, origin: e.origin }));
    return { kind: "app", app: ir.app.name, origin: ir.app.origin, entities };
  }
  const [entityName, fieldName, ...rest] = target.split(".");
  const entity = ir.entities.find((e) => e.name === entityName);
  if (!entity || rest.length > 0) return { error: `no entity ${entityName} in ${ir.app.name}`, choices: ir.entities.map((e) => e.name) };
  const table = schema.tables.find((t) => t.entity === entity.name);
  if (!table) throw new Error(`weave bug: no table for entity ${entity.name}`);
  const own = routes.filter((r) => r.entity === entity.name);
  if (fieldName === undefined) return { kind: "entity", ...inspectEntity(entity, table, own) };
  const field = entity.fields.find((f) => f.name === fieldName);
  if (!field) return { error: `no field ${fieldName} on ${entity.name}`, choices: entity.fields.map((f) => `${entity.name}.${f.name}`) };
  return { kind: "field", ...inspectField(entity, field, table, own) };
}

function inspectEntity(entity: IREntity, table: DbTable, routes: readonly Route[]) {
  return {
    entity: { name: entity.name, label: entity.label, table: entity.table, tenant: entity.tenant, key: entity.key, origin: entity.origin },
    columns: inspectColumns(table),
    rls: table.rls,
    routes: routes.map((r) => routeOf(r, routeWhy(r))),
    policies: entityPolicies(entity),
    fields: entity.fields.map(fieldSummary),
  };
}

function inspectField(entity: IREntity, field: IRField, table: DbTable, routes: readonly Route[]) {
  const source = `${entity.name}.${field.name}`;
  return {
    entity: { name: entity.name, table: entity.table, origin: entity.origin },
    field: { ...fieldSummary(field), ...(field.relation ? { relation: field.relation } : {}), ...(field.machine ? { machine: field.machine } : {}) },
    columns: inspectColumns(table, (c) => c.source === source || c.source.startsWith(`${source}.`)),
    routes: routes.flatMap((r) => {
      const why = fieldRouteWhy(r, field);
      return why ? [routeOf(r, why)] : [];
    }),
    policies: fieldPolicies(entity, field),
    widget: { tag: widgetFor(field.type), why: field.type === "many" ? "a many relation is listed on the detail view, not edited in a form" : `the widget for ${field.type} fields` },
  };
}

function fieldSummary(field: IRField): InspectField {
  return {
    name: field.name,
    type: field.type,
    label: field.label,
    storage: field.storage,
    required: field.required,
    ...(field.computed ? { computed: field.computed.source } : {}),
    widget: widgetFor(field.type),
    origin: field.origin,
  };
}

function routeOf(route: Route, why: string): InspectRoute {
  return { method: route.method, path: route.openApiPath, operationId: route.operationId, why };
}

/** Why a route carries the field, or undefined when it does not. */
function fieldRouteWhy(route: Route, field: IRField): string | undefined {
  const stored = field.type !== "many" && field.type !== "many-to-many";
  const writable = stored && !field.computed;
  switch (route.kind) {
    case "list":
      return stored ? "returns it in every record" : undefined;
    case "get":
      return stored ? `returns it${route.lookup === "key" ? " (record found by its key)" : ""}` : `include=${field.name} embeds the related records`;
    case "create":
      return writable && field.type !== "state" ? "accepts it" : undefined;
    case "update":
      return writable && field.type !== "state" && !field.readonly ? "accepts it" : undefined;
    case "related":
      return route.relation === field.name ? "lists the related records" : undefined;
    case "transition":
      return field.type === "state" && route.machine === field.machine ? `moves it: transition ${route.transition}` : undefined;
    default:
      return undefined;
  }
}
