/**
 * TanStack Query v5 factories: `invoicesQueries(client).list(params)` is `{ queryKey, queryFn }`
 * and `invoicesMutations(client).send()` is `{ mutationKey, mutationFn }`, plain objects that
 * `queryOptions`/`useQuery` and `useMutation` of React, Vue, Solid and Svelte Query take as they
 * are. No TanStack import: the shapes are structural. Keys start with the app's name and the
 * client's tenant, so two tenants never share a cache entry.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import type { Route } from "../openapi/index.ts";
import { memberNames, typeNames } from "./names.ts";
import { queryTypeNames } from "./saved-queries.ts";
import { doc, literal } from "./source.ts";

const INDENT = "    ";

/** `invoicesQueries` and `invoicesMutations` for one collection. */
export function tanstackFactories(ir: IR, entity: IREntity, routes: readonly Route[], collection: string): string {
  return `${queryFactory(ir, entity, routes, collection)}\n\n${mutationFactory(ir, entity, routes, collection)}`;
}

function queryFactory(ir: IR, entity: IREntity, routes: readonly Route[], collection: string): string {
  const related = memberNames(entity).related;
  const methods: string[] = [];
  for (const route of routes) {
    if (route.kind === "list") methods.push(listQuery(entity, "list", "", "", collection));
    if (route.kind === "get") methods.push(getQuery(entity, route, collection));
    if (route.kind === "related") {
      const field = entity.fields.find((f) => f.name === route.relation)!;
      const target = ir.entities.find((e) => e.name === field.relation?.to[0]) ?? entity;
      methods.push(listQuery(target, related.get(field.name)!, `${itemParam(entity, route)}, `, `${itemName(route)}, `, collection));
    }
  }
  const all = `${doc(`The key of everything cached for ${entity.plural.toLowerCase()}: invalidate it after a write.`, INDENT)}${INDENT}all: () => [${literal(ir.app.name)}, client.tenant ?? null, ${literal(collection)}] as const,`;
  return `${doc(`TanStack Query v5 options for ${entity.plural}: \`useQuery(${collection}Queries(client).list({ ... }))\`.`)}export function ${collection}Queries(client: WeaveAppClient) {
  const cacheKey = (...rest: readonly unknown[]) => [${literal(ir.app.name)}, client.tenant ?? null, ${literal(collection)}, ...rest] as const;
  return {
${[all, ...methods].join("\n")}
  };
}`;
}

function listQuery(target: IREntity, name: string, param: string, arg: string, collection: string): string {
  const t = typeNames(target);
  return `${INDENT}${name}: <I extends ${t.include} = never, F extends ${t.property} = never>(${param}params: ${t.listParams}<I, F> = {}) => ({
${INDENT}  queryKey: cacheKey(${literal(name)}, ${arg}params),
${INDENT}  queryFn: ({ signal }: WeaveQueryContext) => client.${collection}.${name}(${arg}params, { signal }),
${INDENT}}),`;
}

function getQuery(entity: IREntity, route: Route, collection: string): string {
  const names = typeNames(entity);
  const name = route.lookup === "key" && entity.id !== "none" ? "getByKey" : "get";
  const param = name === "getByKey" ? `key: ${names.key}` : itemParam(entity, route);
  const arg = name === "getByKey" ? "key" : itemName(route);
  return `${INDENT}${name}: <I extends ${names.include} = never, F extends ${names.property} = never>(${param}, params: ${names.getParams}<I, F> = {}) => ({
${INDENT}  queryKey: cacheKey(${literal(name)}, ${arg}, params),
${INDENT}  queryFn: ({ signal }: WeaveQueryContext) => client.${collection}.${name}(${arg}, params, { signal }),
${INDENT}}),`;
}

function mutationFactory(ir: IR, entity: IREntity, routes: readonly Route[], collection: string): string {
  const members = memberNames(entity);
  const names = typeNames(entity);
  const methods: string[] = [];
  for (const route of routes) {
    const item = itemParam(entity, route);
    const arg = itemName(route);
    if (route.kind === "create") methods.push(mutation("create", [`body: ${names.create}`], ["body"], collection));
    if (route.kind === "update") methods.push(mutation("update", [item, `body: ${names.update}`], [arg, "body"], collection));
    if (route.kind === "delete") methods.push(mutation("delete", [item], [arg], collection));
    if (route.kind === "transition") methods.push(mutation(members.transitions.get(route.transition!)!, [item], [arg], collection));
    if (route.kind === "action") methods.push(actionMutation(entity, route, members.actions.get(route.action!)!, collection));
  }
  return `${doc(`TanStack Query v5 mutation options for ${entity.plural}: \`useMutation(${collection}Mutations(client).create())\`.`)}export function ${collection}Mutations(client: WeaveAppClient) {
  const cacheKey = (name: string) => [${literal(ir.app.name)}, ${literal(collection)}, name] as const;
  return {
${methods.join("\n")}
  };
}`;
}

/**
 * `name: () => ({ mutationKey, mutationFn })`; the variables are one object: `{ id, body, version }`.
 * `fields` are its own members, the call options (`version`, `idempotencyKey`) join them.
 */
function mutation(name: string, fields: readonly string[], args: readonly string[], collection: string, optional = false): string {
  const names = fields.map((f) => f.split(/[?:]/)[0]!);
  const pattern = `{ ${[...names, "...options"].join(", ")} }`;
  const type = `${fields.length > 0 ? `{ ${fields.join("; ")} } & ` : ""}weave.CallOptions`;
  return `${INDENT}${name}: () => ({
${INDENT}  mutationKey: cacheKey(${literal(name)}),
${INDENT}  mutationFn: (${pattern}: ${type}${optional ? " = {}" : ""}) => client.${collection}.${name}(${[...args, "options"].join(", ")}),
${INDENT}}),`;
}

function actionMutation(entity: IREntity, route: Route, name: string, collection: string): string {
  const spec = entity.actions.find((a) => a.name === route.action)!;
  const record = route.scope === "record";
  const required = spec.input.some((f) => f.required && !f.default);
  const input = spec.input.length === 0 ? [] : [`input${required ? "" : "?"}: ${typeNames(entity).actionInput(spec.name)}`];
  const fields = [...(record ? [itemParam(entity, route)] : []), ...input];
  const args = [...(record ? [itemName(route)] : []), ...(input.length === 0 ? [] : [required ? "input" : "input ?? {}"])];
  return mutation(name, fields, args, collection, !record && !required);
}

/** Saved queries: `savedQueryOptions(client).overdueInvoices(params)`. */
export function savedQueryFactories(ir: IR): string {
  if (ir.queries.length === 0) return "";
  const methods = ir.queries.map((q) => {
    const names = queryTypeNames(q);
    return `${INDENT}${q.name}: (params: ${names.params} = {}) => ({
${INDENT}  queryKey: [${literal(ir.app.name)}, client.tenant ?? null, "queries", ${literal(q.name)}, params] as const,
${INDENT}  queryFn: ({ signal }: WeaveQueryContext) => client.queries.${q.name}(params, { signal }),
${INDENT}}),`;
  });
  return `${doc("TanStack Query v5 options for the saved queries: `useQuery(savedQueryOptions(client).<name>(params))`.")}export function savedQueryOptions(client: WeaveAppClient) {
  return {
${methods.join("\n")}
  };
}`;
}

function itemParam(entity: IREntity, route: Route): string {
  return route.lookup === "key" ? `key: ${typeNames(entity).key}` : "id: string";
}

function itemName(route: Route): string {
  return route.lookup === "key" ? "key" : "id";
}
