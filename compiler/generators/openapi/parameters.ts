/**
 * The query and header parameters of the document: each entity's list parameters (from its
 * `listQueryModel`), and the ones every route shares.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { type JsonSchema, ref } from "./json-schema.ts";
import { type FilterField, type FilterType, type ListQueryModel, listQueryModel, OPS_BY_TYPE } from "./query-model.ts";
import { DATE_PATTERN, DATETIME_PATTERN, SERIAL_PATTERN, UUID_PATTERN } from "./values.ts";

export type Parameter = JsonSchema;

/** Names of the shared parameter components. */
export const PARAM = {
  pageAfter: "weave.pageAfter",
  pageOffset: "weave.pageOffset",
  count: "weave.count",
  ifMatch: "weave.ifMatch",
  idempotencyKey: "weave.idempotencyKey",
  tenant: "weave.tenant",
} as const;

/** Names of an entity's list parameter components. */
export const entityParam = {
  filter: (entity: string) => `${entity}.filter`,
  sort: (entity: string) => `${entity}.sort`,
  pageSize: (entity: string) => `${entity}.pageSize`,
  include: (entity: string) => `${entity}.include`,
  fields: (entity: string) => `${entity}.fields`,
  q: (entity: string) => `${entity}.q`,
} as const;

export const paramRef = (name: string): JsonSchema => ({ $ref: `#/components/parameters/${name}` });

/** The component names of a list's parameters, in the order operations list them. */
export function listParameterNames(model: ListQueryModel): string[] {
  const e = model.entity;
  return [
    entityParam.filter(e),
    entityParam.sort(e),
    entityParam.pageSize(e),
    PARAM.pageAfter,
    PARAM.pageOffset,
    ...(model.includes.length > 0 ? [entityParam.include(e)] : []),
    entityParam.fields(e),
    ...(model.search ? [entityParam.q(e)] : []),
    PARAM.count,
  ];
}

/** The tenancy header, when the entity is tenant-scoped. */
export function tenantParameterNames(ir: IR, entity: IREntity | undefined): string[] {
  return ir.app.tenancy.enabled && entity?.tenant ? [PARAM.tenant] : [];
}

/** Every parameter component: the shared ones, then each entity's list parameters. */
export function parameterComponents(ir: IR, maxPageSize: number): Record<string, Parameter> {
  const out: Record<string, Parameter> = sharedParameters(ir);
  for (const entity of ir.entities) Object.assign(out, listParameters(ir, listQueryModel(ir, entity.name, { maxPageSize })));
  return out;
}

function sharedParameters(ir: IR): Record<string, Parameter> {
  const out: Record<string, Parameter> = {
    [PARAM.pageAfter]: query("page[after]", { type: "string", minLength: 1 }, "The cursor of the page to read: `page.after` of the previous page. Not with `page[offset]`."),
    [PARAM.pageOffset]: query("page[offset]", { type: "integer", minimum: 0 }, "Skip this many records (offset paging). Not with `page[after]`; prefer cursors for long lists."),
    [PARAM.count]: query("count", { type: "boolean", default: false }, "With `true`, the response's `count` gives how many records match over all pages."),
    [PARAM.ifMatch]: {
      name: "If-Match",
      in: "header",
      required: false,
      description: 'The version the client last saw, as an entity tag (`"3"`, the `ETag` of the record; `W/"3"` and `3` too, or a comma-separated list), or `*`. A different current version is a 412.',
      schema: { type: "string", pattern: '^\\s*(\\*|(W/)?"?[0-9]{1,9}"?(\\s*,\\s*(W/)?"?[0-9]{1,9}"?)*)\\s*$' },
    },
    [PARAM.idempotencyKey]: {
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "A client-chosen key of printable ASCII (e.g. a uuid). The first successful response is stored and replayed for a retry with the same key and body (`Idempotency-Replayed: true`); the same key with another body is a 422.",
      schema: { type: "string", pattern: "^[!-~]{1,255}$" },
    },
  };
  if (ir.app.tenancy.enabled) {
    out[PARAM.tenant] = {
      name: ir.app.tenancy.header,
      in: "header",
      required: true,
      description: "The tenant the request acts in (a uuid). Records of tenant-scoped entities are only ever those of this tenant; without it the request is a 400.",
      schema: { type: "string", format: "uuid", pattern: UUID_PATTERN },
    };
  }
  return out;
}

function listParameters(ir: IR, model: ListQueryModel): Record<string, Parameter> {
  const e = model.entity;
  const entity = ir.entities.find((x) => x.name === e);
  const out: Record<string, Parameter> = {
    [entityParam.filter(e)]: filterParameter(model),
    [entityParam.sort(e)]: {
      ...query("sort", { type: "array", items: { type: "string", enum: model.sorts.flatMap((p) => [p, `-${p}`]) } }, `Sort keys, comma-separated, \`-\` for descending: \`sort=-due,number\`. Default: \`${model.defaultSort.join(",")}\`. The id always breaks ties.`),
      style: "form",
      explode: false,
    },
    [entityParam.pageSize(e)]: query("page[size]", { type: "integer", minimum: 1, maximum: model.maxPageSize, default: model.defaultPageSize }, `Records per page, at most ${model.maxPageSize}.`),
    [entityParam.fields(e)]: {
      ...query("fields", { type: "array", items: { type: "string", enum: model.fields } }, "Sparse fieldset: only these properties (and `id`) in each record, comma-separated: `fields=number,total`."),
      style: "form",
      explode: false,
    },
  };
  if (model.includes.length > 0) {
    out[entityParam.include(e)] = {
      ...query("include", { type: "array", items: { type: "string", enum: model.includes } }, "Related records to embed in each record's `_included`, comma-separated: `include=customer,lines`. Loaded in one query per relation, whatever the number of records."),
      style: "form",
      explode: false,
    };
  }
  if (model.search) {
    const fields = (entity?.search ?? []).map((f) => `\`${f}\``).join(", ");
    out[entityParam.q(e)] = query("q", { type: "string", minLength: 1, maxLength: 200 }, `Full-text search in ${fields} (web search syntax: words, "quoted phrases", -excluded).`);
  }
  return out;
}

function query(name: string, schema: JsonSchema, description: string): Parameter {
  return { name, in: "query", required: false, description, schema };
}

/** `filter[<path>][<op>]=<value>`, as a deepObject whose properties are the filter paths. */
function filterParameter(model: ListQueryModel): Parameter {
  const properties: Record<string, JsonSchema> = {};
  for (const f of model.filters) properties[f.path] = f.type === "enum" ? enumFilter(f) : ref(filterComponentName(f.type));
  return {
    name: "filter",
    in: "query",
    required: false,
    style: "deepObject",
    explode: true,
    description: filterDescription(model.filters),
    schema: { type: "object", additionalProperties: false, properties },
  };
}

function filterDescription(filters: readonly FilterField[]): string {
  const byType = new Map<string, string[]>();
  for (const f of filters) {
    const key = f.type === "enum" ? `enum` : f.type;
    byType.set(key, [...(byType.get(key) ?? []), `\`${f.path}\``]);
  }
  const lines = [...byType].map(([type, paths]) => `- ${type} (${OPS_BY_TYPE[type as FilterType].join(", ")}): ${paths.join(", ")}`);
  return [
    "Filters, all of which must hold: `filter[<path>][<op>]=<value>`, e.g. `filter[due][lt]=2026-02-01`, `filter[customer.name][contains]=acme`.",
    "`in` and `nin` take a comma-separated list; `isNull` takes `true` or `false`; `contains` and `startsWith` ignore case.",
    "An unknown path or operator is a 400 naming the allowed ones. Paths and their operators:",
    "",
    ...lines,
  ].join("\n");
}

export function filterComponentName(type: Exclude<FilterType, "enum">): string {
  return `weave.filter.${type}`;
}

/** The value schemas of a filter operator, per value type (enums are per field, inline). */
const VALUE: Record<Exclude<FilterType, "enum">, JsonSchema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  decimal: { type: "string", pattern: "^-?[0-9]+(?:\\.[0-9]+)?$" },
  date: { type: "string", format: "date", pattern: DATE_PATTERN },
  datetime: { type: "string", format: "date-time", pattern: DATETIME_PATTERN },
  boolean: { type: "boolean" },
  uuid: { type: "string", format: "uuid", pattern: UUID_PATTERN },
  serial: { type: "string", pattern: SERIAL_PATTERN },
  presence: { type: "boolean" },
};

/** The shared filter operator objects, one per value type. */
export function filterComponents(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const type of Object.keys(VALUE) as Exclude<FilterType, "enum">[]) {
    out[filterComponentName(type)] = opsObject(OPS_BY_TYPE[type], VALUE[type], `Operators on ${type} values.`);
  }
  return out;
}

function enumFilter(f: FilterField): JsonSchema {
  return opsObject(f.ops, { type: "string", enum: f.values ?? [] }, `One of ${(f.values ?? []).map((v) => `\`${v}\``).join(", ")}.`);
}

function opsObject(ops: readonly string[], value: JsonSchema, description: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const op of ops) {
    if (op === "in" || op === "nin") properties[op] = { type: "string", description: "Comma-separated values." };
    else if (op === "isNull") properties[op] = { type: "boolean" };
    else properties[op] = value;
  }
  return { type: "object", description, additionalProperties: false, properties };
}
