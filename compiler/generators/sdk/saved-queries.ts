/**
 * Saved queries (`ir.queries`, spec/query.md): their parameter and row types and one method each
 * under `client.queries`, calling `GET /api/queries/<name in kebab-case>` with the parameters in
 * the query string and the rows as a page.
 */
import { type TProperties, Type as T } from "@sinclair/typebox";
import type { IR } from "../../ir/index.ts";
import { entitySchemas, pascal, routeTable } from "../openapi/index.ts";
import { fieldSchema } from "../openapi/field-schemas.ts";
import { doc, heading, literal } from "./source.ts";
import { type JsonSchema, propertyKey, type TypeContext, tsType } from "./ts-type.ts";

type Query = IR["queries"][number];

const READ: TypeContext = { refName: (ref) => ref, readonly: true };
const WRITE: TypeContext = { refName: (ref) => ref, readonly: false };

/** The route of a saved query in the route table: `GET /api/queries/<name>`, the name as written. */
export function queryPath(ir: IR, query: Query): string {
  return routeTable(ir).find((r) => r.kind === "savedQuery" && r.query === query.name)?.path ?? `/api/queries/${query.name}`;
}

/** `OverdueInvoicesParams` and `OverdueInvoicesRow`. */
export function queryTypeNames(query: Query) {
  return { params: `${pascal(query.name)}Params`, row: `${pascal(query.name)}Row` };
}

/** The types of every saved query. */
export function savedQueryTypes(ir: IR): string {
  if (ir.queries.length === 0) return "";
  return [heading("Saved queries"), ...ir.queries.map((q) => `${paramsType(ir, q)}\n\n${rowType(ir, q)}`)].join("\n\n");
}

/** `{ overdueInvoices: (params, options) => ..., ... }`, the body of `client.queries`. */
export function savedQueryMethods(ir: IR, indent: string): string {
  return ir.queries
    .map((q) => {
      const names = queryTypeNames(q);
      const path = queryPath(ir, q);
      const summary = doc(`${q.description ?? q.name} \`GET ${path}\``, indent);
      return `${summary}${indent}${q.name}: (params: ${names.params} = {}, options: WeaveReadOptions = {}) =>
${indent}  http.request<WeaveQueryResult<${names.row}>>("GET", withParams(${literal(path)}, params), undefined, options),`;
    })
    .join("\n");
}

function paramsType(ir: IR, query: Query): string {
  const entity = ir.entities.find((e) => e.name === query.from)!;
  const props: TProperties = {};
  for (const field of query.params) {
    const schema = fieldSchema({ ir, entity, direction: "write", actionInput: true }, field, !field.required);
    props[field.name] = field.required && !field.default ? schema : T.Optional(schema);
  }
  const name = queryTypeNames(query).params;
  const type = query.params.length === 0 ? "Record<string, never>" : tsType(T.Object(props) as JsonSchema, WRITE);
  return `${doc(`The parameters of the saved query \`${query.name}\`, sent in the query string.`)}export type ${name} = ${type};`;
}

/** A column of a row: a field path (`customer.name`) or a computed value (an aggregate, a date bucket). */
interface Column {
  readonly name: string;
  readonly field?: string;
  readonly type?: string;
  /** A count, which is never null. */
  readonly count?: boolean;
}

/** The columns the lowering resolved, else the `select` paths, else the whole record. */
function columnsOf(query: Query): readonly Column[] | undefined {
  if (query.columns) {
    return query.columns.map((c) => {
      const plain = "field" in c.value && !("agg" in c.value) && !("bucket" in c.value);
      return { name: c.name, type: c.type, ...(plain ? { field: c.value.field } : {}), ...("agg" in c.value && c.value.agg === "count" ? { count: true } : {}) };
    });
  }
  return query.select.length > 0 ? query.select.map((path) => ({ name: path, field: path })) : undefined;
}

/** The row: one property per column, named as the server names it (`"customer.name"`). */
function rowType(ir: IR, query: Query): string {
  const name = queryTypeNames(query).row;
  const text = doc(`A row of the saved query \`${query.name}\`.`);
  const columns = columnsOf(query);
  if (!columns) return `${text}export type ${name} = ${query.from};`;
  const members = columns.map((c) => {
    const { type, optional } = c.field ? pathType(ir, query.from, c.field) : { type: c.count ? "number" : `${scalarType(c.type)} | null`, optional: false };
    return `  readonly ${propertyKey(c.name)}${optional ? "?" : ""}: ${type};`;
  });
  return `${text}export interface ${name} {\n${members.join("\n")}\n}`;
}

/**
 * The type of a field path: a property of the record, or of the record a ref points at (null when
 * it points nowhere). Optional where the record may leave it out (a field with a read policy).
 */
function pathType(ir: IR, entityName: string, path: string): { type: string; optional: boolean } {
  const [head, ...rest] = path.split(".");
  const record = entitySchemas(ir, entityName).record as JsonSchema;
  const property = record.properties?.[head!];
  if (!property) return { type: "unknown", optional: false };
  const optional = !record.required?.includes(head!);
  if (rest.length === 0) return { type: tsType(property, READ, "  "), optional };
  const field = ir.entities.find((e) => e.name === entityName)?.fields.find((f) => f.name === head);
  const target = field?.relation?.to.length === 1 ? field.relation.to[0]! : undefined;
  if (!target) return { type: "unknown", optional };
  const inner = pathType(ir, target, rest.join("."));
  const nullable = optional || property.anyOf?.some((m) => m.type === "null");
  return { type: nullable && !inner.type.split(" | ").includes("null") ? `${inner.type} | null` : inner.type, optional: optional || inner.optional };
}

/** The JSON type of a computed column by its field type: counts are numbers, sums and averages decimal strings. */
function scalarType(type: string | undefined): string {
  if (type === "int") return "number";
  if (type === "boolean") return "boolean";
  if (type === "json" || type === undefined) return "unknown";
  return "string";
}
