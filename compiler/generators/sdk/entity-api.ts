/**
 * The methods of one collection (`client.invoices`): list, get, getByKey, create, update, delete,
 * one per related list, transition and action, and subscribe. Each is one call of the shared
 * client's `request` on a path from `routeTable(ir)`, so the SDK calls exactly the routes the
 * server registers.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { entitySchemas, type Route } from "../openapi/index.ts";
import { memberNames, typeNames } from "./names.ts";
import { doc, literal } from "./source.ts";
import type { JsonSchema } from "./ts-type.ts";

type Names = ReturnType<typeof typeNames>;

/** What a method needs to know of its route. */
interface MethodContext {
  readonly ir: IR;
  readonly entity: IREntity;
  readonly names: Names;
}

const INDENT = "    ";

/**
 * `function invoicesApi(http) { return { list, get, ... }; }` for `entity`, from its routes.
 *
 * @example entityApi(ir, invoice, routeTable(ir).filter((r) => r.entity === "Invoice"), "invoicesApi");
 */
export function entityApi(ir: IR, entity: IREntity, routes: readonly Route[], functionName: string): string {
  const ctx: MethodContext = { ir, entity, names: typeNames(entity) };
  const members = memberNames(entity);
  const methods = routes.map((route) => method(ctx, route, members)).filter(Boolean);
  methods.push(subscribe(ctx));
  return `${doc(`The methods of ${entity.plural}, on the shared client \`http\`.`)}function ${functionName}(http: weave.WeaveClient) {\n  return {\n${methods.join("\n")}\n  };\n}`;
}

function method(ctx: MethodContext, route: Route, members: ReturnType<typeof memberNames>): string {
  const summary = doc(`\`${route.method} ${route.openApiPath}\` (${route.operationId})`, INDENT);
  switch (route.kind) {
    case "list":
      return summary + list("list", "", literal(route.path), ctx.entity);
    case "get":
      return summary + get(ctx, route);
    case "create":
      return `${summary}${INDENT}create: (body: ${ctx.names.create}, options: weave.CallOptions = {}) =>\n${INDENT}  http.request<${ctx.names.record}>("POST", ${literal(route.path)}, body, options),`;
    case "update":
      return `${summary}${INDENT}update: (${itemArg(ctx, route)}, body: ${ctx.names.update}, options: weave.CallOptions = {}) =>\n${INDENT}  http.request<${ctx.names.record}>("PATCH", ${pathOf(ctx, route)}, body, options),`;
    case "delete":
      return `${summary}${INDENT}delete: (${itemArg(ctx, route)}, options: weave.CallOptions = {}) => http.request<void>("DELETE", ${pathOf(ctx, route)}, undefined, options),`;
    case "related":
      return summary + related(ctx, route, members.related.get(route.relation!)!);
    case "transition":
      return `${summary}${INDENT}${members.transitions.get(route.transition!)}: (${itemArg(ctx, route)}, options: weave.CallOptions = {}) =>\n${INDENT}  http.request<${ctx.names.record}>("POST", ${pathOf(ctx, route)}, {}, options),`;
    case "action":
      return summary + action(ctx, route, members.actions.get(route.action!)!);
    default:
      return ""; // saved queries live under `client.queries`
  }
}

/** A list method: `<I, F>(…params, options)` returning a page of fetched records of `target`. */
function list(name: string, itemParam: string, path: string, target: IREntity): string {
  const t = typeNames(target);
  const generics = `<I extends ${t.include} = never, F extends ${t.property} = never>`;
  return `${INDENT}${name}: ${generics}(${itemParam}params: ${t.listParams}<I, F> = {}, options: WeaveReadOptions = {}) =>
${INDENT}  http.request<weave.ListPage<WeaveFetched<${t.record}, ${t.included}, I, F>>>("GET", withQuery(${path}, params), undefined, options),`;
}

function get(ctx: MethodContext, route: Route): string {
  const { names } = ctx;
  const byKey = route.lookup === "key" && ctx.entity.id !== "none";
  const param = byKey ? `key: ${names.key}` : itemArg(ctx, route);
  const generics = `<I extends ${names.include} = never, F extends ${names.property} = never>`;
  return `${INDENT}${byKey ? "getByKey" : "get"}: ${generics}(${param}, params: ${names.getParams}<I, F> = {}, options: WeaveReadOptions = {}) =>
${INDENT}  http.request<WeaveFetched<${names.record}, ${names.included}, I, F>>("GET", withQuery(${pathOf(ctx, route)}, params), undefined, options),`;
}

function related(ctx: MethodContext, route: Route, name: string): string {
  const field = ctx.entity.fields.find((f) => f.name === route.relation);
  const target = ctx.ir.entities.find((e) => e.name === field?.relation?.to[0]) ?? ctx.entity;
  return list(name, `${itemArg(ctx, route)}, `, pathOf(ctx, route), target);
}

function action(ctx: MethodContext, route: Route, name: string): string {
  const spec = ctx.entity.actions.find((a) => a.name === route.action)!;
  const input = entitySchemas(ctx.ir, ctx.entity.name).actions[spec.name]!.input as JsonSchema;
  const output = spec.output.kind === "entity" ? spec.output.entity : spec.output.kind === "fields" ? ctx.names.actionOutput(spec.name) : "void";
  const params: string[] = route.scope === "record" ? [itemArg(ctx, route)] : [];
  if (spec.input.length > 0) params.push((input.required ?? []).length > 0 ? `input: ${ctx.names.actionInput(spec.name)}` : `input: ${ctx.names.actionInput(spec.name)} = {}`);
  params.push("options: weave.CallOptions = {}");
  const body = spec.input.length > 0 ? "input" : "{}";
  return `${INDENT}${name}: (${params.join(", ")}) =>\n${INDENT}  http.request<${output}>("POST", ${pathOf(ctx, route)}, ${body}, options),`;
}

function subscribe(ctx: MethodContext): string {
  return `${doc("Server-sent events of these records the caller may read; returns a function that stops them.", INDENT)}${INDENT}subscribe: (onEvent: (event: ${ctx.names.event}) => void, options: WeaveSubscribeOptions = {}) =>
${INDENT}  http.subscribe((event) => onEvent(event.data as ${ctx.names.event}), { ...options, entity: ${literal(ctx.entity.name)} }),`;
}

/** The parameter naming one record: its id, or its key where the entity has no id. */
function itemArg(ctx: MethodContext, route: Route): string {
  return route.lookup === "key" ? `key: ${ctx.names.key}` : "id: string";
}

/** The route's path as a template literal, each path parameter URL-encoded. */
function pathOf(ctx: MethodContext, route: Route): string {
  const single = ctx.entity.key.length === 1;
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    if (name === "id" && route.lookup === "id") return "${enc(id)}";
    const index = ctx.entity.key.indexOf(name);
    return single ? "${enc(String(key))}" : `\${enc(String(key[${index}]))}`;
  });
  return path.includes("${") ? `\`${path}\`` : literal(path);
}
