/** `domain/<name>.entity.yaml`: one entity, its fields, states, actions, rules, indexes, policies and views. */
import { array, bool, doc, int, map, object, ref, str, stringEnum, type Schema } from "./dsl.ts";
import { fieldsMap } from "./fields.ts";
import type { RootSpec } from "./root.ts";

const policy = (markdown: string) => ref("expression", markdown);

export const entityPolicyDefinitions: Record<string, Schema> = {
  entityPolicies: object(
    "Who may do what with the records. Each entry is an expression (bool) over `user`, `tenant` and the `record`. " +
      "Deny by default: an operation without a policy is refused to everyone.",
    {
      read: policy("Who may read a record; lists only return the records it allows (pushed down into SQL)."),
      create: policy("Who may create a record (checked on the record to be created). Default: `write`."),
      update: policy("Who may update a record (checked on the stored record). Default: `write`."),
      delete: policy("Who may delete a record. Default: `write`."),
      write: policy("Shorthand for `create`, `update` and `delete`, for each of them that is absent."),
      fields: map(
        "Field-level policies: who may read or write a field, on top of the record's policy. A field a user may " +
          "not read is left out of every response and cannot be filtered, sorted or searched on.",
        "fieldName",
        ref("fieldPolicy"),
      ),
      transitions: map(
        "Extra policy per transition, ANDed with the transition's own `allow`.",
        "transitionName",
        ref("expression"),
      ),
      actions: map("Extra policy per action, ANDed with the action's own `allow`.", "actionName", ref("expression")),
    },
    {
      title: "EntityPolicies",
      defaultSnippets: [{ label: "read and write", body: { read: "${1:\\$member}", write: "${2:\\$isBilling}" } }],
    },
  ),
  fieldPolicy: object(
    "Who may read and write one field. Absent keys follow the record's policy.",
    {
      read: policy("Who may read the field."),
      write: policy("Who may set the field (on create and update)."),
    },
    { title: "FieldPolicy", examples: [{ read: "'billing' in user.roles" }] },
  ),
};

/** The root of entity.schema.json. */
export const entity: RootSpec = {
  kind: "entity",
  title: "EntitySpec",
  doc:
    "An entity of a weave app (`domain/<name>.entity.yaml`): one table, one API resource, one set of screens. " +
    "See spec/entity.md.",
  required: ["entity", "fields"],
  properties: {
    entity: ref("entityName", "The entity's name: PascalCase, unique across the app, e.g. `InvoiceLine`."),
    label: str("Display name of one record. Default: the name in words (`InvoiceLine` → *Invoice line*).", {
      examples: ["Invoice"],
    }),
    plural: str("Display name of several records. Default: the label with an `s`.", { examples: ["Invoices"] }),
    description: str("What the entity is: shown in API docs and the admin screens."),
    version: int(
      "The entity's schema version. Increase it to confirm a destructive change (a dropped field, a narrowing " +
        "type change): migrations refuse one unless the version went up. Default 1.",
      { minimum: 1, default: 1 },
    ),
    renamedFrom: ref(
      "entityName",
      "The entity's previous name: the next migration renames its table instead of dropping and creating one.",
    ),
    tenant: bool(
      "Partition the records by tenant: each tenant sees only its own, by policy and by row-level security. " +
        "Needs `tenancy.enabled` in weave.yaml.",
    ),
    id: stringEnum(
      "The primary key. Default `uuid`.",
      {
        uuid: "A UUID, made by the server.",
        serial: "An auto-incrementing 64-bit integer.",
        none: "No id column: the compound `key` is the primary key. Only with a `key` of two or more fields.",
      },
      { default: "uuid" },
    ),
    key: {
      ...doc(
        "The human-readable key: a field (e.g. `number`) or a list of fields (a compound key) that is unique and " +
          "required. URLs, seeds and references in imports use it.",
      ),
      anyOf: [ref("fieldName"), { type: "array", items: ref("fieldName"), minItems: 1, uniqueItems: true }],
      examples: ["number", ["invoice", "position"]],
    },
    tags: array("Free labels for tooling and generators.", ref("tag"), { uniqueItems: true }),
    meta: ref("meta"),
    fields: { ...fieldsMap("The fields by name (at least one)."), minProperties: 1 },
    states: map(
      "State machines by name. A `state` field holds each one's current state.",
      "machineName",
      ref("machine"),
    ),
    actions: map("Custom operations by name.", "actionName", ref("action")),
    rules: array("Validation rules every saved record must meet.", ref("rule")),
    indexes: array("Database indexes.", ref("index")),
    search: array("The fields in the full-text search document (text-like fields).", ref("fieldName"), {
      uniqueItems: true,
      minItems: 1,
      examples: [["number", "notes"]],
    }),
    policies: ref("entityPolicies"),
    views: ref("views"),
    hooks: object(
      "TypeScript modules that run inside the request's transaction when a record of this entity is written: " +
        "`beforeValidate` and `afterValidate` (create and update: may return a changed input), `beforePersist` " +
        "and `afterPersist` (also delete and transitions). A hook that throws refuses the write and rolls " +
        "everything back. Paths are relative to the app folder; the module exports a function named after the " +
        "hook, or a default export.",
      Object.fromEntries(
        ["beforeValidate", "afterValidate", "beforePersist", "afterPersist"].map((hook) => [
          hook,
          str(`The module run ${hook.startsWith("before") ? "before" : "after"} the record is ${hook.endsWith("Validate") ? "validated" : "stored"}.`, {
            pattern: "^\\./[^\\s]+\\.(?:ts|mts|js|mjs)$",
            patternErrorMessage: "Hooks are module paths relative to the app folder, like `./hooks/invoice.ts`",
            examples: ["./hooks/invoice.ts"],
          }),
        ]),
      ),
    ),
  },
  extra: {
    if: { required: ["id"], properties: { id: { const: "none" } } },
    then: {
      required: ["key"],
      properties: {
        key: { ...doc("With `id: none`, `key` must list two or more fields."), type: "array", minItems: 2 },
      },
    },
  },
  snippets: [
    {
      label: "new entity",
      body: {
        entity: "${1:Invoice}",
        fields: { "${2:name}": { type: "string", required: true } },
        policies: { read: "${3:true}", write: "${4:true}" },
      },
    },
  ],
};
