/**
 * The REST API generator: TypeBox schemas per entity, the route table, the list query model and
 * the OpenAPI 3.1 document, all pure functions of the IR. The server registers `routeTable(ir)`,
 * validates with `entitySchemas` and `listQueryModel`, and serves `generateOpenApi(ir)`, so the
 * document and the API cannot disagree. spec/api.md is the reference of what they describe.
 *
 * @example
 *   const doc = generateOpenApi(ir);
 *   for (const route of routeTable(ir)) app.route(route.method, route.path, handlers[route.kind](route));
 */
export { ACCOUNT, accountSchemas, ADMIN_ROLE, grantableRoles, hasUserAdmin, TENANT_KEY_PATTERN } from "./account-schemas.ts";
export { componentSchemas } from "./components.ts";
export { generateOpenApi, type OpenApiDocument, type OpenApiOptions } from "./document.ts";
export { type ActionSchemas, type EntitySchemas, entitySchemas } from "./entity-schemas.ts";
export { currencyProperty, hasCurrencyCompanion, isRecordField, isWritableField } from "./field-schemas.ts";
export { toJsonSchema } from "./json-schema.ts";
export { collectionSegment, componentName, kebab, pascal, pluralName } from "./names.ts";
export {
  DEFAULT_MAX_PAGE_SIZE,
  FILTER_OPS,
  type FilterField,
  type FilterOp,
  type FilterType,
  type ListQueryModel,
  type ListQueryOptions,
  listQueryModel,
  OPS_BY_TYPE,
} from "./query-model.ts";
export {
  type EntityRouteKind,
  type HttpMethod,
  isSystemRouteKind,
  type Route,
  type RouteKind,
  routeTable,
  SYSTEM_ROUTE_KINDS,
  type SystemRouteKind,
  toOpenApiPath,
} from "./routes.ts";
export { SHARED, sharedSchemas } from "./shared-schemas.ts";
export { decimalPattern, INT_MAX, INT_MIN } from "./values.ts";
