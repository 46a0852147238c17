/**
 * The OpenAPI operations of the query layer: `GET /api/queries/<name>` per saved query (its params
 * as query parameters, its rows' columns as the response schema) and `POST /api/query` (a query
 * as JSON, built by the TS DSL). spec/query.md describes both.
 */
import type { IR, IREntity, IRField } from "../../ir/index.ts";
import { PROBLEMS, type ProblemStatus } from "./components.ts";
import type { JsonSchema } from "./json-schema.ts";
import type { Route } from "./routes.ts";
import { DATE_PATTERN, DATETIME_PATTERN, UUID_PATTERN } from "./values.ts";

type Query = IR["queries"][number];

const COLUMNS: JsonSchema = {
  type: "array",
  description: "The columns of the rows, in order, without those the caller may not read.",
  items: { type: "object", required: ["name", "label", "type"], properties: { name: { type: "string" }, label: { type: "string" }, type: { type: "string" } } },
};

/** The JSON schema of a value of a column or param of this type. */
export function valueSchema(type: string, values?: readonly string[]): JsonSchema {
  if (values && values.length > 0) return { type: "string", enum: [...values] };
  switch (type) {
    case "int": return { type: "integer" };
    case "decimal":
    case "money": return { type: "string", pattern: "^-?[0-9]+(\\.[0-9]+)?$" };
    case "date": return { type: "string", format: "date", pattern: DATE_PATTERN };
    case "datetime": return { type: "string", format: "date-time", pattern: DATETIME_PATTERN };
    case "boolean": return { type: "boolean" };
    case "uuid":
    case "ref": return { type: "string", format: "uuid", pattern: UUID_PATTERN };
    case "json":
    case "embedded":
    case "file": return {};
    default: return { type: "string" };
  }
}

/** The row schema of a saved query: a property per column, null or absent when the caller may not read it. */
export function queryRowSchema(query: Query): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const column of query.columns ?? []) {
    const schema = valueSchema(column.type);
    properties[column.name] = { ...(Object.keys(schema).length > 0 ? { anyOf: [schema, { type: "null" }] } : {}), title: column.label };
  }
  return { type: "object", properties, additionalProperties: false };
}

/** `GET /api/queries/<name>`. */
export function savedQueryOperation(ir: IR, route: Route, entity: IREntity, headers: readonly JsonSchema[]): JsonSchema {
  const query = ir.queries.find((q) => q.name === route.query)!;
  return {
    tags: [entity.name],
    summary: query.label ?? query.name,
    description: [query.description, `A saved query over ${entity.plural}, run with the caller's rights: the read policy and the tenant apply, and a column the caller may not read is left out.${query.allow ? ` Who may run it: \`${query.allow.source}\`.` : ""}`].filter(Boolean).join(" "),
    parameters: [...headers, ...query.params.map(paramSchema)],
    responses: {
      200: { description: "The rows.", content: { "application/json": { schema: { type: "object", required: ["columns", "data"], properties: { columns: COLUMNS, data: { type: "array", items: queryRowSchema(query) } } } } } },
      ...problems(400, 403),
    },
  };
}

/** `POST /api/query`. */
export function runQueryOperation(ir: IR, headers: readonly JsonSchema[]): JsonSchema {
  const entities = ir.entities.filter((e) => !e.generated).map((e) => e.name);
  return {
    tags: ["weave"],
    summary: "Run a query sent as JSON",
    description:
      "A query built with the TS DSL (`from(...).where(...).select(...)`), as JSON: `from`, `join`, `where`, `select`, `groupBy`, `having`, `orderBy`, `limit` (default 100, at most 1000), `offset`. It is checked against the model (an unknown entity, path or operator is a 400 naming it) and runs as one statement with the tenant and the read policies of every entity it reads.",
    parameters: [...headers],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["from"],
            additionalProperties: false,
            properties: {
              from: { type: "string", enum: entities },
              join: { type: "array", items: { type: "object" } },
              where: { type: "object" },
              select: { type: "array", items: { type: "object" } },
              groupBy: { type: "array", items: { type: "object" } },
              having: { type: "object" },
              orderBy: { type: "array", items: { type: "object" } },
              limit: { type: "integer", minimum: 1, maximum: 1000 },
              offset: { type: "integer", minimum: 0 },
            },
          },
        },
      },
    },
    responses: {
      200: { description: "The rows.", content: { "application/json": { schema: { type: "object", required: ["columns", "data"], properties: { columns: COLUMNS, data: { type: "array", items: { type: "object" } } } } } } },
      ...problems(400, 403),
    },
  };
}

function paramSchema(param: IRField): JsonSchema {
  const schema = valueSchema(param.type, param.values?.map((v) => v.value));
  const fallback = param.default && "value" in param.default ? { default: param.default.value } : {};
  const description = [param.label, param.description, param.default && "expr" in param.default ? `Default: \`${param.default.expr.source}\`.` : undefined].filter(Boolean).join(". ");
  return { name: param.name, in: "query", required: param.required && !param.default, description, schema: { ...schema, ...fallback } };
}

function problems(...statuses: ProblemStatus[]): Record<string, JsonSchema> {
  return Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${PROBLEMS[s].name}` }]));
}
