/**
 * The Studio's edits: what `POST /weave/studio/edit` takes, one `kind` each. The schema checks a
 * request before anything is read; names are checked here, meaning by the compiler afterwards.
 */
import { type Static, Type as T } from "@sinclair/typebox";

const Name = T.String({ pattern: "^[A-Za-z][A-Za-z0-9_]*$", maxLength: 64 });
const Names = T.Array(T.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 });
const Expression = T.String({ maxLength: 4000 });
/** A field's keys as the spec writes them (`type`, `label`, `required`, `to`, ...); null removes a key. */
const Props = T.Record(T.String({ pattern: "^[A-Za-z][A-Za-z0-9]*$" }), T.Unknown());
const PolicyKeys = ["read", "create", "update", "delete", "write"] as const;
export type PolicyKey = (typeof PolicyKeys)[number];
const Policy = T.Optional(T.Union([Expression, T.Null()]));
/** A policy expression per operation; null removes it. */
const Policies = T.Object({ read: Policy, create: Policy, update: Policy, delete: Policy, write: Policy }, { additionalProperties: false });
const Section = T.Object({ label: T.String({ maxLength: 200 }), fields: Names }, { additionalProperties: false });
const FromStates = T.Union([Name, T.Array(Name, { minItems: 1 })]);

const edit = <K extends string, P extends Record<string, import("@sinclair/typebox").TSchema>>(kind: K, props: P) =>
  T.Object({ kind: T.Literal(kind), ...props }, { additionalProperties: false });

export const StudioEditSchema = T.Union([
  edit("addEntity", {
    entity: Name,
    label: T.Optional(T.String({ maxLength: 200 })),
    plural: T.Optional(T.String({ maxLength: 200 })),
    tenant: T.Optional(T.Boolean()),
    fields: T.Optional(T.Record(Name, Props)),
    policies: T.Optional(Policies),
  }),
  edit("addField", { entity: Name, field: Name, props: Props }),
  edit("removeEntity", { entity: Name }),
  edit("renameEntity", { entity: Name, to: Name }),
  edit("renameField", { entity: Name, field: Name, to: Name }),
  /** `raiseVersion`: raise the entity's `version`, the spec's acknowledgement that the migration drops the column and its data. */
  edit("removeField", { entity: Name, field: Name, raiseVersion: T.Optional(T.Boolean()) }),
  /** The fields in their new order: every field of the entity, each once. */
  edit("reorderFields", { entity: Name, fields: T.Array(Name, { minItems: 1, maxItems: 500 }) }),
  edit("setField", { entity: Name, field: Name, props: Props }),
  edit("addRelation", {
    entity: Name,
    field: Name,
    to: Name,
    type: T.Union([T.Literal("ref"), T.Literal("one"), T.Literal("many-to-many")]),
    required: T.Optional(T.Boolean()),
    onDelete: T.Optional(T.Union([T.Literal("restrict"), T.Literal("cascade"), T.Literal("setNull")])),
    label: T.Optional(T.String({ maxLength: 200 })),
    /** The field to add on `to` that lists the records pointing at it (a `many`, or the other `many-to-many`). */
    inverse: T.Optional(Name),
  }),
  /** A relation field and the field on the other side naming it (`inverse`), when there is one. */
  edit("removeRelation", { entity: Name, field: Name, raiseVersion: T.Optional(T.Boolean()) }),
  /** The index at `position` in the entity's `indexes` list; `fields`, when given, must match (a stale page is refused). */
  edit("removeIndex", { entity: Name, position: T.Integer({ minimum: 0, maximum: 1000 }), fields: T.Optional(T.Array(Name)) }),
  edit("addIndex", { entity: Name, fields: T.Array(Name, { minItems: 1 }), name: T.Optional(Name), unique: T.Optional(T.Boolean()), where: T.Optional(Expression) }),
  edit("setPolicies", { entity: Name, policies: Policies }),
  edit("setListView", { entity: Name, columns: Names, filters: T.Optional(Names) }),
  edit("setSections", { entity: Name, view: T.Union([T.Literal("form"), T.Literal("detail")]), sections: T.Array(Section) }),
  edit("addMachine", { entity: Name, machine: Name, field: T.Optional(Name), initial: Name, states: T.Optional(T.Array(Name)) }),
  edit("addState", { entity: Name, machine: Name, state: Name, label: T.Optional(T.String({ maxLength: 200 })), final: T.Optional(T.Boolean()) }),
  edit("removeState", { entity: Name, machine: Name, state: Name }),
  edit("removeTransition", { entity: Name, machine: Name, transition: Name }),
  edit("addTransition", {
    entity: Name,
    machine: Name,
    transition: Name,
    from: FromStates,
    to: Name,
    label: T.Optional(T.String({ maxLength: 200 })),
    guard: T.Optional(Expression),
    allow: T.Optional(Expression),
  }),
  edit("setTransition", {
    entity: Name,
    machine: Name,
    transition: Name,
    from: T.Optional(FromStates),
    to: T.Optional(Name),
    label: T.Optional(T.Union([T.String({ maxLength: 200 }), T.Null()])),
    guard: T.Optional(T.Union([Expression, T.Null()])),
    allow: T.Optional(T.Union([Expression, T.Null()])),
  }),
]);

/** One Studio edit. */
export type StudioEdit = Static<typeof StudioEditSchema>;
export type EditKind = StudioEdit["kind"];
export type EditOf<K extends EditKind> = Extract<StudioEdit, { kind: K }>;
