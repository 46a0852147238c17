/**
 * The types of one entity: its record, `_can` and `_included`, the create and update bodies, the
 * list parameters (filter paths with their operators, sort keys, includes, fields), its key, its
 * events, and the input and output of each action. Records and bodies are converted from the
 * schemas the server validates with (`entitySchemas`), list parameters from `listQueryModel`.
 */
import type { TObject } from "@sinclair/typebox";
import type { IR, IREntity } from "../../ir/index.ts";
import { entitySchemas, type EntitySchemas, type FilterField, listQueryModel, type ListQueryModel } from "../openapi/index.ts";
import { camel, typeNames } from "./names.ts";
import { filterTypeName } from "./prelude.ts";
import { doc, heading, unionOf } from "./source.ts";
import { type JsonSchema, propertyKey, propertySignature, type TypeContext, tsType } from "./ts-type.ts";

type Names = ReturnType<typeof typeNames>;

const READ: TypeContext = { refName: (ref) => ref, readonly: true };
const WRITE: TypeContext = { refName: (ref) => ref, readonly: false };

const SYSTEM_DOCS: Readonly<Record<string, string>> = {
  id: "The record's id.",
  createdAt: "When the record was created.",
  updatedAt: "When the record last changed.",
};

/**
 * The type declarations of `entity`.
 *
 * @example entityTypes(ir, invoice); // "export type InvoiceStatus = ...\nexport interface Invoice { ... }\n..."
 */
export function entityTypes(ir: IR, entity: IREntity, path: string): string {
  const schemas = entitySchemas(ir, entity.name);
  const model = listQueryModel(ir, entity.name);
  const names = typeNames(entity);
  return [
    heading(`${entity.name}: ${path}`),
    ...unions(entity, names),
    recordType(entity, schemas, names),
    canType(entity, names),
    includedType(schemas, names),
    bodyType(entity, schemas.create, names.create, `The body of \`POST ${path}\`.`, WRITE),
    bodyType(entity, schemas.update, names.update, "The body of an update: only the fields given change; `null` clears one.", WRITE),
    ...actionTypes(entity, schemas, names),
    filterType(ir, entity, model, names),
    listTypes(entity, model, names),
    keyType(entity, schemas, names),
    eventTypes(entity, names),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function unions(entity: IREntity, names: Names): string[] {
  return entity.fields
    .filter((f) => f.type === "enum" || f.type === "state")
    .map((f) => `export type ${names.union(f.name)} = ${unionOf(enumValues(entity, f.name))};`);
}

function enumValues(entity: IREntity, fieldName: string): readonly string[] {
  const field = entity.fields.find((f) => f.name === fieldName);
  if (field?.type === "state") return entity.states.find((m) => m.field === field.name)?.states.map((s) => s.name) ?? [];
  return field?.values?.map((v) => v.value) ?? [];
}

function recordType(entity: IREntity, schemas: EntitySchemas, names: Names): string {
  const record = schemas.record as JsonSchema;
  const members = Object.entries(record.properties ?? {})
    .filter(([name]) => name !== "_included")
    .map(([name, property]) => member(entity, record, name, property, READ, unionOverride(entity, names, name, property)));
  members.push(`${doc("What the caller may do with this record.", "  ")}  readonly _can?: ${names.can};`);
  const title = `${entity.label}${entity.description ? `: ${entity.description}` : ""}`;
  return `${doc(title)}export interface ${names.record} {\n${members.join("\n")}\n}`;
}

/** An enum or state property is written with its named union. */
function unionOverride(entity: IREntity, names: Names, name: string, property: JsonSchema): string | undefined {
  const field = entity.fields.find((f) => f.name === name);
  if (field?.type !== "enum" && field?.type !== "state") return undefined;
  return property.anyOf?.some((m) => m.type === "null") ? `${names.union(name)} | null` : names.union(name);
}

function member(entity: IREntity, owner: JsonSchema, name: string, property: JsonSchema, ctx: TypeContext, type?: string): string {
  const field = entity.fields.find((f) => f.name === name);
  const text = [field?.label, property.description ?? SYSTEM_DOCS[name]].filter(Boolean).join(": ");
  return `${doc(text, "  ")}  ${propertySignature(name, property, owner, ctx, "  ", type)}`;
}

function canType(entity: IREntity, names: Names): string {
  const flags = (list: readonly string[]) => (list.length === 0 ? "Record<never, boolean>" : `{ ${list.map((n) => `readonly ${propertyKey(n)}: boolean;`).join(" ")} }`);
  const transitions = entity.states.flatMap((m) => m.transitions.map((t) => t.name));
  const actions = entity.actions.filter((a) => a.scope === "record").map((a) => a.name);
  return `${doc("`_can`: the writes the caller may make on one record, decided by the server's policies.")}export interface ${names.can} {
  readonly update: boolean;
  readonly delete: boolean;
  readonly transitions: ${flags(transitions)};
  readonly actions: ${flags(actions)};
${doc("The fields an update may name.", "  ")}  readonly fields: readonly Exclude<keyof ${names.update}, "version">[];
}`;
}

function includedType(schemas: EntitySchemas, names: Names): string {
  const included = (schemas.record as JsonSchema).properties?._included;
  const entries = Object.entries(included?.properties ?? {});
  const body = entries.length === 0 ? "Record<never, never>" : `{\n${entries.map(([name, schema]) => `  readonly ${propertyKey(name)}: ${tsType(schema, READ, "  ")};`).join("\n")}\n}`;
  return `${doc("The relations `include` can ask for, as `_included` holds them.")}export type ${names.included} = ${body};\nexport type ${names.include} = keyof ${names.included};`;
}

function bodyType(entity: IREntity, schema: TObject, name: string, text: string, ctx: TypeContext): string {
  const json = schema as JsonSchema;
  const entries = Object.entries(json.properties ?? {});
  if (entries.length === 0) return `${doc(text)}export type ${name} = Record<string, never>;`;
  const members = entries.map(([key, property]) => member(entity, json, key, property, ctx));
  return `${doc(text)}export interface ${name} {\n${members.join("\n")}\n}`;
}

function actionTypes(entity: IREntity, schemas: EntitySchemas, names: Names): string[] {
  const out: string[] = [];
  for (const action of entity.actions) {
    const { input, output } = schemas.actions[action.name]!;
    if (action.input.length > 0) out.push(bodyType(entity, input, names.actionInput(action.name), `The input of the action \`${action.name}\`.`, WRITE));
    if (action.output.kind === "fields" && output) out.push(bodyType(entity, output as TObject, names.actionOutput(action.name), `The output of the action \`${action.name}\`.`, READ));
  }
  return out;
}

function filterType(ir: IR, entity: IREntity, model: ListQueryModel, names: Names): string {
  const members = model.filters.map((f) => `  readonly ${propertyKey(f.path)}?: ${filterTypeName(f.type, enumUnion(ir, entity, f))};`);
  return `${doc("`filter` of a list: each path with the operators of its type (spec/api.md#query-parameters).")}export interface ${names.filter} {\n${members.join("\n")}\n}`;
}

/** The union of an enum path: the named union of the entity's own field or of the one a ref points at. */
function enumUnion(ir: IR, entity: IREntity, filter: FilterField): string | undefined {
  if (filter.type !== "enum") return undefined;
  const [head, rest] = filter.path.split(".", 2) as [string, string | undefined];
  const field = entity.fields.find((f) => f.name === head);
  const target = rest === undefined ? entity : ir.entities.find((e) => e.name === field?.relation?.to[0] && field.relation.to.length === 1);
  const own = target?.fields.find((f) => f.name === (rest ?? head) && (f.type === "enum" || f.type === "state"));
  return target && own ? typeNames(target).union(own.name) : unionOf(filter.values ?? []);
}

function listTypes(entity: IREntity, model: ListQueryModel, names: Names): string {
  const generics = `I extends ${names.include} = ${names.include}, F extends ${names.property} = ${names.property}`;
  const search = model.search ? `${doc(`Full-text search over ${entity.search.join(", ")}.`, "  ")}  readonly q?: string;\n` : "";
  return `${doc("The keys `sort` takes; `-key` sorts descending.")}export type ${names.sortKey} = ${unionOf(model.sorts)};
${doc("The properties `fields` takes.")}export type ${names.property} = ${unionOf(model.fields)};

${doc("The parameters of a list of " + entity.plural.toLowerCase() + ".")}export interface ${names.listParams}<${generics}> extends WeavePageParams {
  readonly filter?: ${names.filter};
  readonly sort?: readonly (${names.sortKey} | \`-\${${names.sortKey}}\`)[];
  readonly include?: readonly I[];
  readonly fields?: readonly F[];
${search}}

${doc("The parameters of a single record's read.")}export interface ${names.getParams}<${generics}> {
  readonly include?: readonly I[];
  readonly fields?: readonly F[];
}`;
}

/** The key as the `by-key` route takes it: the value of a one-field key, a tuple in key order otherwise. */
function keyType(entity: IREntity, schemas: EntitySchemas, names: Names): string {
  if (!schemas.keyParams) return "";
  const props = (schemas.keyParams as JsonSchema).properties ?? {};
  const parts = entity.key.map((k) => ({ name: k, type: tsType(props[k] ?? {}, READ) }));
  const type = parts.length === 1 ? parts[0]!.type : `readonly [${parts.map((p) => `${p.name}: ${p.type}`).join(", ")}]`;
  return `${doc(`The key of a record (${entity.key.join(", ")}), as the \`by-key\` routes take it.`)}export type ${names.key} = ${type};`;
}

function eventTypes(entity: IREntity, names: Names): string {
  const prefix = camel(entity.name);
  const kinds = ["created", "updated", "deleted", ...(entity.states.length > 0 ? ["transitioned"] : [])];
  const emitted = entity.states.flatMap((m) => m.transitions.flatMap((t) => t.effects.flatMap((e) => (e.kind === "emit" ? [e.event] : []))));
  const types = [...new Set([...kinds, ...emitted])].map((k) => `${prefix}.${k}`);
  return `${doc("The events of this entity; actions may emit others.")}export type ${names.eventType} = ${unionOf(types)};
export type ${names.event} = WeaveEvent<"${entity.name}", ${names.eventType} | (\`${prefix}.\${string}\` & {})>;`;
}
