/**
 * The TypeBox schemas of one entity's API: the record a response holds, the bodies of create and
 * update, the list response, path parameters, and the bodies of its transitions and actions.
 * The server validates with exactly these, and the OpenAPI document is written from them.
 */
import { type TObject, type TProperties, type TSchema, Type as T } from "@sinclair/typebox";
import type { IR, IREntity, IRField } from "../../ir/index.ts";
import {
  currencyProperty,
  currencySchema,
  type FieldContext,
  fieldSchema,
  hasCurrencyCompanion,
  isRecordField,
  isWritableField,
} from "./field-schemas.ts";
import { componentName } from "./names.ts";
import { SHARED, TransitionBodySchema } from "./shared-schemas.ts";
import { dateTime, idOf, uuid } from "./values.ts";

/** What an action takes and gives. `output` is absent for an action that returns nothing (204). */
export interface ActionSchemas {
  /** The body: the action's input fields, closed. */
  readonly input: TObject;
  /** A `Ref` to the record schema (output: an entity), the output fields, or nothing. */
  readonly output?: TSchema;
}

/** The schemas of an entity, with deterministic `$id`s that name their OpenAPI components. */
export interface EntitySchemas {
  /** A record in a response (`$id` `Invoice`). */
  readonly record: TObject;
  /** The body of POST `/api/<plural>` (`Invoice.Create`). */
  readonly create: TObject;
  /** The body of PATCH `/api/<plural>/{id}` (`Invoice.Update`). */
  readonly update: TObject;
  /** A list response (`Invoice.List`); `data` holds `Ref`s to the record schema. */
  readonly list: TObject;
  /** `{ id }` of the item routes; absent for `id: none`. */
  readonly params?: TObject;
  /** The key fields of `/by-key/...`, in key order; absent without a key. */
  readonly keyParams?: TObject;
  /** The body of each transition, by name. */
  readonly transitions: Readonly<Record<string, TObject>>;
  /** Input and output of each action, by name. */
  readonly actions: Readonly<Record<string, ActionSchemas>>;
}

/**
 * The schemas of `entityName`'s API. Pure: the same IR gives equal schemas.
 *
 * Validate a body with `Value.Check(schemas.create, body)`; a response (which refers to other
 * records with `Ref`) with `Value.Check(schemas.record, componentSchemas(ir), value)`.
 *
 * @example
 *   const { create } = entitySchemas(ir, "Invoice");
 *   Value.Check(create, { number: "INV-2026-0001", customer: "…uuid…", taxRate: "19.00" }); // true
 *   Value.Check(create, { number: "INV-2026-0001", customer: "…", colour: "red" });          // false: unknown key
 */
export function entitySchemas(ir: IR, entityName: string): EntitySchemas {
  const entity = ir.entities.find((e) => e.name === entityName);
  if (!entity) throw new Error(`entitySchemas: no entity ${entityName} in the IR`);
  return {
    record: recordSchema(ir, entity),
    create: createSchema(ir, entity),
    update: updateSchema(ir, entity),
    list: listSchema(entity),
    ...(entity.id !== "none" ? { params: T.Object({ id: idOf(ir, entity.name) }) } : {}),
    ...(entity.key.length > 0 ? { keyParams: keyParamsSchema(ir, entity) } : {}),
    transitions: Object.fromEntries(entity.states.flatMap((m) => m.transitions.map((t) => [t.name, TransitionBodySchema]))),
    actions: Object.fromEntries(entity.actions.map((a) => [a.name, actionSchemas(ir, entity, a)])),
  };
}

const read = (ir: IR, entity: IREntity): FieldContext => ({ ir, entity, direction: "read" });
const write = (ir: IR, entity: IREntity): FieldContext => ({ ir, entity, direction: "write" });

/**
 * `{ id, ...fields, createdAt, updatedAt, createdBy, updatedBy, version, _included? }`. A field
 * with a read policy may be left out (the auth issue); every other property is always there,
 * null when empty.
 */
function recordSchema(ir: IR, entity: IREntity): TObject {
  const ctx = read(ir, entity);
  const guarded = new Set(entity.policies.fields.filter((p) => p.read).map((p) => p.field));
  const props: TProperties = {};
  if (entity.id !== "none") props.id = idOf(ir, entity.name, { readOnly: true });
  for (const field of entity.fields.filter(isRecordField)) {
    const serverSet = field.computed !== undefined || field.readonly || field.type === "state";
    const schema = fieldSchema(ctx, field, !field.required || field.computed !== undefined, serverSet ? { readOnly: true } : {});
    props[field.name] = guarded.has(field.name) ? T.Optional(schema) : schema;
    if (hasCurrencyCompanion(field)) props[currencyProperty(field)] = currencySchema(field, !field.required, serverSet ? { readOnly: true } : {});
  }
  Object.assign(props, systemProperties());
  const included = includedSchema(entity);
  if (included) props._included = T.Optional(included);
  return T.Object(props, { $id: componentName.record(entity.name), title: entity.label, ...describe(entity) });
}

function systemProperties(): TProperties {
  return {
    createdAt: dateTime({ readOnly: true }),
    updatedAt: dateTime({ readOnly: true }),
    createdBy: T.Union([uuid(), T.Null()], { readOnly: true, description: "The user who created the record." }),
    updatedBy: T.Union([uuid(), T.Null()], { readOnly: true, description: "The user who last changed the record." }),
    version: T.Integer({ minimum: 1, readOnly: true, description: "Raised by every write; give it back as `If-Match` or `version` to update safely." }),
  };
}

/** `_included`: the related records `include=` asked for, by relation name. */
function includedSchema(entity: IREntity): TObject | undefined {
  const relations = entity.fields.filter((f) => f.relation);
  if (relations.length === 0) return undefined;
  const props: TProperties = {};
  for (const field of relations) props[field.name] = T.Optional(includedRelation(field));
  return T.Object(props, { additionalProperties: false, description: "Related records asked for with `include`." });
}

function includedRelation(field: IRField): TSchema {
  const to = field.relation!.to;
  if (field.relation!.kind === "many" || field.relation!.kind === "many-to-many") return T.Array(T.Ref(componentName.record(to[0]!)));
  return T.Union([...to.map((name) => T.Ref(componentName.record(name))), T.Null()]);
}

/** Writable fields; required ones without a default are required; literal defaults documented. */
function createSchema(ir: IR, entity: IREntity): TObject {
  const ctx = write(ir, entity);
  const props: TProperties = {};
  for (const field of entity.fields.filter(isWritableField)) {
    const literal = field.default && "value" in field.default ? { default: field.default.value } : {};
    const schema = fieldSchema(ctx, field, !field.required, literal);
    props[field.name] = field.required && !field.default ? schema : T.Optional(schema);
    if (hasCurrencyCompanion(field)) {
      const currency = currencySchema(field, !field.required);
      props[currencyProperty(field)] = field.required ? currency : T.Optional(currency);
    }
  }
  return T.Object(props, { $id: componentName.create(entity.name), title: `New ${entity.label}`, additionalProperties: false });
}

/** The create fields, all optional and without defaults, plus `version`. */
function updateSchema(ir: IR, entity: IREntity): TObject {
  const ctx = write(ir, entity);
  const props: TProperties = {};
  for (const field of entity.fields.filter(isWritableField)) {
    props[field.name] = T.Optional(fieldSchema(ctx, field, !field.required));
    if (hasCurrencyCompanion(field)) props[currencyProperty(field)] = T.Optional(currencySchema(field, !field.required));
  }
  props.version = T.Optional(T.Integer({ minimum: 1, description: "The version the client saw; another version is a 412. Or send `If-Match`." }));
  return T.Object(props, { $id: componentName.update(entity.name), title: `${entity.label} changes`, additionalProperties: false });
}

function listSchema(entity: IREntity): TObject {
  return T.Object(
    {
      data: T.Array(T.Ref(componentName.record(entity.name))),
      page: T.Ref(SHARED.page),
      count: T.Optional(T.Integer({ minimum: 0, description: "How many records match, over all pages; with `count=true`." })),
    },
    { $id: componentName.list(entity.name), title: `${entity.plural}` },
  );
}

/** The key fields as path parameters, with their value schemas (a ref key part is the target's id). */
function keyParamsSchema(ir: IR, entity: IREntity): TObject {
  const ctx = read(ir, entity);
  const props: TProperties = {};
  for (const name of entity.key) {
    const field = entity.fields.find((f) => f.name === name);
    if (field) props[name] = fieldSchema(ctx, field, false);
  }
  return T.Object(props);
}

function actionSchemas(ir: IR, entity: IREntity, action: IREntity["actions"][number]): ActionSchemas {
  const input = inputObject({ ir, entity, direction: "write", actionInput: true }, action.input, componentName.actionInput(entity.name, action.name), `${action.label}: input`);
  const output = action.output;
  if (output.kind === "none") return { input };
  if (output.kind === "entity") return { input, output: T.Ref(componentName.record(output.entity)) };
  const props: TProperties = {};
  for (const field of output.fields) props[field.name] = field.required ? fieldSchema(read(ir, entity), field, false) : T.Optional(fieldSchema(read(ir, entity), field, true));
  return { input, output: T.Object(props, { $id: componentName.actionOutput(entity.name, action.name), title: `${action.label}: output` }) };
}

function inputObject(ctx: FieldContext, fields: readonly IRField[], $id: string, title: string): TObject {
  const props: TProperties = {};
  for (const field of fields) {
    const literal = field.default && "value" in field.default ? { default: field.default.value } : {};
    const schema = fieldSchema(ctx, field, !field.required, literal);
    props[field.name] = field.required && !field.default ? schema : T.Optional(schema);
  }
  return T.Object(props, { $id, title, additionalProperties: false });
}

function describe(entity: IREntity): { description?: string } {
  return entity.description ? { description: entity.description } : {};
}

