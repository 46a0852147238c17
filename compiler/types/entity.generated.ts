/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A field name: camelCase, unique within its entity (or its embedded object, action input, query params).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "fieldName".
 */
export type FieldName = string;
/**
 * A free label for tooling and generators, like billing. weave gives tags no meaning of its own.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "tag".
 */
export type Tag = string;
/**
 * A field of an entity. type decides which other keys apply.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "field".
 */
export type Field = ScalarField | StateField | RelationField | EmbeddedField;
/**
 * A field holding one value (text, number, date, enum, file, …).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "scalarField".
 */
export type ScalarField =
  | StringField
  | TextField
  | IntField
  | DecimalField
  | MoneyField
  | BooleanField
  | DateField
  | DatetimeField
  | UuidField
  | EmailField
  | UrlField
  | SlugField
  | EnumField
  | JsonField
  | RichtextField
  | FileField;
/**
 * An enum value as stored and sent over the API: letters, digits, _ and -, like bank or in-progress.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "enumValueName".
 */
export type EnumValueName = string;
/**
 * A relation to another entity: ref, one, many or many-to-many.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "relationField".
 */
export type RelationField = RefField | OneField | ManyField | ManyToManyField;
/**
 * An entity name: PascalCase, unique across the app.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "entityName".
 */
export type EntityName = string;
/**
 * A field of an embedded object: a scalar type, or a nested embedded.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "embeddedMember".
 */
export type EmbeddedMember = ScalarField | EmbeddedField;
/**
 * A state name: camelCase, unique within its state machine. It is the value stored in the state field.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "stateName".
 */
export type StateName = string;
/**
 * An effect of a transition: set fields, or emit an event.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "effect".
 */
export type Effect = SetEffect | EmitEffect;
/**
 * An expression in weave's expression language (CEL-like), e.g. size(lines) > 0 or 'billing' in user.roles. The compiler parses and type-checks it against the model. See spec/expressions.md.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "expression".
 */
export type ExpressionSource = string;
/**
 * An input of an action, a value of its output, or a parameter of a query: a scalar type, or a ref to a record.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "inputField".
 */
export type InputField = ScalarInput | RefInput;
/**
 * An input holding one value.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "scalarInput".
 */
export type ScalarInput =
  | StringInput
  | TextInput
  | IntInput
  | DecimalInput
  | MoneyInput
  | BooleanInput
  | DateInput
  | DatetimeInput
  | UuidInput
  | EmailInput
  | UrlInput
  | SlugInput
  | EnumInput
  | JsonInput
  | RichtextInput
  | FileInput;
/**
 * A field name, or a dotted path that follows ref and one relations and embedded objects, like customer.name.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "fieldPath".
 */
export type FieldPath = string;
/**
 * A field path to sort by; a leading - sorts descending (-due: newest first).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "sortKey".
 */
export type SortKey = string;
/**
 * A tab of the detail page: a related list (relation) or the record's history (audit: true).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "tab".
 */
export type Tab = RelationTab | AuditTab;
/**
 * A state machine name: camelCase, unique within its entity.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "machineName".
 */
export type MachineName = string;
/**
 * A transition name: camelCase, unique within the entity (across its machines and actions).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "transitionName".
 */
export type TransitionName = string;
/**
 * An action name: camelCase, unique within the entity (across its actions and transitions).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "actionName".
 */
export type ActionName = string;
/**
 * A rule name: camelCase. Entity rules are unique within their entity, shared rules across the app.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "ruleName".
 */
export type RuleName = string;
/**
 * An index name: camelCase, unique within its entity.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "indexName".
 */
export type IndexName = string;
/**
 * An event name: camelCase, like invoiceSent. Events are app-wide: any workflow may react to them.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "eventName".
 */
export type EventName = string;

/**
 * An entity of a weave app (domain/<name>.entity.yaml): one table, one API resource, one set of screens. See spec/entity.md.
 */
export interface EntitySpec {
  /**
   * The entity's name: PascalCase, unique across the app, e.g. InvoiceLine.
   */
  entity: EntityName;
  /**
   * Display name of one record. Default: the name in words (InvoiceLine → *Invoice line*).
   */
  label?: string;
  /**
   * Display name of several records. Default: the label with an s.
   */
  plural?: string;
  /**
   * What the entity is: shown in API docs and the admin screens.
   */
  description?: string;
  /**
   * The entity's schema version. Increase it to confirm a destructive change (a dropped field, a narrowing type change): migrations refuse one unless the version went up. Default 1.
   */
  version?: number;
  /**
   * The entity's previous name: the next migration renames its table instead of dropping and creating one.
   */
  renamedFrom?: EntityName;
  /**
   * Partition the records by tenant: each tenant sees only its own, by policy and by row-level security. Needs tenancy.enabled in weave.yaml.
   */
  tenant?: boolean;
  /**
   * The primary key. Default uuid.
   */
  id?: "uuid" | "serial" | "none";
  /**
   * The human-readable key: a field (e.g. number) or a list of fields (a compound key) that is unique and required. URLs, seeds and references in imports use it.
   */
  key?: FieldName | [FieldName, ...FieldName[]];
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The fields by name (at least one).
   */
  fields: {
    [k: string]: Field | undefined;
  };
  /**
   * State machines by name. A state field holds each one's current state.
   */
  states?: {
    [k: string]: Machine | undefined;
  };
  /**
   * Custom operations by name.
   */
  actions?: {
    [k: string]: Action | undefined;
  };
  /**
   * Validation rules every saved record must meet.
   */
  rules?: Rule[];
  /**
   * Database indexes.
   */
  indexes?: Index[];
  /**
   * The fields in the full-text search document (text-like fields).
   *
   * @minItems 1
   */
  search?: [FieldName, ...FieldName[]];
  policies?: EntityPolicies;
  views?: Views;
  /**
   * TypeScript modules that run inside the request's transaction when a record of this entity is written: beforeValidate and afterValidate (create and update: may return a changed input), beforePersist and afterPersist (also delete and transitions). A hook that throws refuses the write and rolls everything back. Paths are relative to the app folder; the module exports a function named after the hook, or a default export.
   */
  hooks?: {
    /**
     * The module run before the record is validated.
     */
    beforeValidate?: string;
    /**
     * The module run after the record is validated.
     */
    afterValidate?: string;
    /**
     * The module run before the record is stored.
     */
    beforePersist?: string;
    /**
     * The module run after the record is stored.
     */
    afterPersist?: string;
  };
}
/**
 * Free data for plugins, generators and custom components. weave copies it to the IR untouched and gives it no meaning.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "meta".
 */
export interface Meta {
  [k: string]: unknown | undefined;
}
/**
 * Single-line text, e.g. a name or a number like INV-2026-0001.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "stringField".
 */
export interface StringField {
  /**
   * Field type string.
   */
  type: "string";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * A regular expression (JavaScript syntax) the value must match. It is not anchored: write ^…$ to match the whole value.
   */
  pattern?: string;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A default computed when a record is created, e.g. { expr: "today()" }.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "defaultExpression".
 */
export interface DefaultExpression {
  /**
   * The expression that gives the default value; its type must match the field's.
   */
  expr: ExpressionSource;
}
/**
 * Multi-line plain text, e.g. notes. Shown as a text area.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "textField".
 */
export interface TextField {
  /**
   * Field type text.
   */
  type: "text";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A whole number. Values must be safe JavaScript integers (at most 2^53 − 1 in size).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "intField".
 */
export interface IntField {
  /**
   * Field type int.
   */
  type: "int";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an integer, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: number | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An exact decimal number (never a float): precision digits in all, scale of them after the point.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "decimalField".
 */
export interface DecimalField {
  /**
   * Field type decimal.
   */
  type: "decimal";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * Total number of digits. Default 18.
   */
  precision?: number;
  /**
   * Digits after the decimal point, at most precision. Default 2.
   */
  scale?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a number, or a string of digits like "0.19" to keep it exact, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (number | string) | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An amount of money, exact (never a float): 18 digits, 2 after the point. Give its currency with currency (fixed) or currencyField (per record); with neither, the amount has no fixed currency.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "moneyField".
 */
export interface MoneyField {
  /**
   * Field type money.
   */
  type: "money";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * The ISO 4217 code of the currency every value is in, like EUR.
   */
  currency?: string;
  /**
   * The field of the same record that holds each value's currency code (a string or enum field). Not together with currency.
   */
  currencyField?: FieldName;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an amount, as a number or a string of digits like "12.50", or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (number | string) | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * True or false.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "booleanField".
 */
export interface BooleanField {
  /**
   * Field type boolean.
   */
  type: "boolean";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: true or false, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: boolean | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A calendar date without a time or time zone, YYYY-MM-DD.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "dateField".
 */
export interface DateField {
  /**
   * Field type date.
   */
  type: "date";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a date like 2026-01-31, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An instant in time with a time zone (ISO 8601, e.g. 2026-01-31T09:30:00Z).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "datetimeField".
 */
export interface DatetimeField {
  /**
   * Field type datetime.
   */
  type: "datetime";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an ISO 8601 date-time, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A UUID value (to point at a record, use a ref field instead).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "uuidField".
 */
export interface UuidField {
  /**
   * Field type uuid.
   */
  type: "uuid";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a UUID, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An email address, checked on input.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "emailField".
 */
export interface EmailField {
  /**
   * Field type email.
   */
  type: "email";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an email address, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An absolute URL (https://…), checked on input.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "urlField".
 */
export interface UrlField {
  /**
   * Field type url.
   */
  type: "url";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an absolute URL, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * Lowercase words joined by hyphens, like acme-corp: the pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ is implied.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "slugField".
 */
export interface SlugField {
  /**
   * Field type slug.
   */
  type: "slug";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: a slug, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * One value out of a fixed list. Stored as the value's string.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "enumField".
 */
export interface EnumField {
  /**
   * Field type enum.
   */
  type: "enum";
  /**
   * The allowed values: strings, or { value, label } objects to give each a display label. Labels are translated by the i18n key enum.<Entity>.<field>.<value>.
   *
   * @minItems 1
   */
  values: [EnumValueName | EnumValue, ...(EnumValueName | EnumValue)[]];
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: one of the values, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: EnumValueName | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An enum value with its display label.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "enumValue".
 */
export interface EnumValue {
  /**
   * The value as stored and sent over the API.
   */
  value: EnumValueName;
  /**
   * Display label. Default: the value in words.
   */
  label?: string;
  /**
   * What the value means, shown as a hint.
   */
  description?: string;
}
/**
 * Any JSON value, stored as jsonb. The model does not look inside: prefer embedded for known shapes.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "jsonField".
 */
export interface JsonField {
  /**
   * Field type json.
   */
  type: "json";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  default?: unknown;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * Formatted text (headings, lists, links), edited with the rich text editor, stored as sanitised HTML.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "richtextField".
 */
export interface RichtextField {
  /**
   * Field type richtext.
   */
  type: "richtext";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: an HTML string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * An uploaded file. The record holds its name, MIME type, size and storage key; the content lives in the app's file store.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "fileField".
 */
export interface FileField {
  /**
   * Field type file.
   */
  type: "file";
  /**
   * The MIME types accepted, wildcards allowed: [image/*, application/pdf]. Default: any type.
   *
   * @minItems 1
   */
  accept?: [string, ...string[]];
  /**
   * The largest file accepted, in bytes (10 MB = 10485760).
   */
  maxSize?: number;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * The current state of a state machine of this entity. Always set: a new record starts in the machine's initial state, and only the machine's transitions change it.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "stateField".
 */
export interface StateField {
  /**
   * Field type state.
   */
  type: "state";
  /**
   * The state machine (a key of states) whose state this field holds.
   */
  machine: MachineName;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * A state field is always required; required: false is not allowed.
   */
  required?: true;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * Many-to-one: this record points at one record of to (e.g. an invoice's customer). With a list of entities it is polymorphic: it may point at a record of any of them (stored as type and id).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "refField".
 */
export interface RefField {
  /**
   * Field type ref.
   */
  type: "ref";
  /**
   * The entity pointed at, or a list of two or more entities for a polymorphic reference.
   */
  to: EntityName | [EntityName, EntityName, ...EntityName[]];
  /**
   * What deleting the referenced record does to this one. Default restrict.
   */
  onDelete?: "restrict" | "cascade" | "setNull";
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: the key of the target record (see the entity's key), or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (string | number) | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * One-to-one: this record points at at most one record of to, and no two records point at the same one. The field without inverse stores the reference; a one field with inverse stores nothing and reads the other side.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "oneField".
 */
export interface OneField {
  /**
   * Field type one.
   */
  type: "one";
  /**
   * The entity on the other side of the relation.
   */
  to: EntityName;
  /**
   * What deleting the referenced record does to this one. Default restrict.
   */
  onDelete?: "restrict" | "cascade" | "setNull";
  /**
   * Makes this field the reading side of the one field of that name on to, which points back here and stores the reference. Only one side of a pair names the other.
   */
  inverse?: FieldName;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * No two records share a value (a unique index; empty values are not compared). On a tenant: true entity, unique within each tenant.
   */
  unique?: boolean;
  /**
   * Unique among the records that share these fields' values, e.g. [invoice] for a line position that is unique per invoice. On a tenant: true entity the tenant is always part of the scope.
   *
   * @minItems 1
   */
  uniqueWithin?: [FieldName, ...FieldName[]];
  /**
   * The value a new record starts with when none is given: the key of the target record, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (string | number) | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * One-to-many: the records of to whose inverse ref points at this record (e.g. an invoice's lines). Nothing is stored here: the reference lives on the other side.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "manyField".
 */
export interface ManyField {
  /**
   * Field type many.
   */
  type: "many";
  /**
   * The entity on the other side of the relation.
   */
  to: EntityName;
  /**
   * The ref field on to that points back at this entity, e.g. invoice.
   */
  inverse: FieldName;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * Many-to-many: records of to linked through a join entity, either through (one you declare) or a generated one named <Entity><Field>Link (e.g. ArticleTagsLink).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "manyToManyField".
 */
export interface ManyToManyField {
  /**
   * Field type many-to-many.
   */
  type: "many-to-many";
  /**
   * The entity on the other side of the relation.
   */
  to: EntityName;
  /**
   * An explicit join entity with one ref to each side, when the link carries data of its own (a role, a date). Default: a generated join entity.
   */
  through?: EntityName;
  /**
   * Makes this field the other side of the many-to-many field of that name on to: both read and write the same links (one join entity). Either side, or both, may name the other.
   */
  inverse?: FieldName;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A nested object stored with the record (one jsonb column), with its own typed fields: e.g. an address. With array: true, a list of such objects.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "embeddedField".
 */
export interface EmbeddedField {
  /**
   * Field type embedded.
   */
  type: "embedded";
  /**
   * The nested fields by name: scalar types and nested embedded only. Their i18n keys continue the path: entity.<Entity>.field.<field>.<nested>.label.
   */
  fields: {
    [k: string]: EmbeddedMember | undefined;
  };
  /**
   * Hold a list of objects instead of one. Default false.
   */
  array?: boolean;
  /**
   * Display label. Default: the field name in words (dueDate shows as *Due date*). Translated by the i18n key entity.<Entity>.field.<field>.label.
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The field must have a value: NOT NULL in the database, required in forms and on create in the API.
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an object (or a list of objects with array: true), or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?:
    | (
        | {
            [k: string]: unknown | undefined;
          }
        | unknown[]
      )
    | DefaultExpression;
  /**
   * How records that already exist get a value when this field is added as a required field: an expression over the record, e.g. lower(name), run once by the migration that adds the column. Without it or a default, adding a required field to a table that has rows fails with a message that says so.
   */
  backfill?: ExpressionSource;
  /**
   * Derive the value from an expression over the record, e.g. sum(lines.total). The field becomes read-only: never accepted as input. The expression's type must fit the field's type.
   */
  computed?: ExpressionSource;
  /**
   * Store the computed value in a column and keep it up to date on every write that can change it, so lists can filter, sort and index by it in the database. Default false: computed when read. Only with computed.
   */
  materialized?: boolean;
  /**
   * Clients may not write the field (API and forms show it, never edit it). It gets its value from default, transition effects or action handlers.
   */
  readonly?: boolean;
  /**
   * Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: hiding is not a policy.
   */
  hidden?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and the IR lists it so tools can find every piece of personal data.
   */
  pii?: boolean;
  /**
   * Encrypt the value at rest, in the application, with the key from the WEAVE_ENCRYPTION_KEY environment variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.
   */
  encrypted?: boolean;
  /**
   * Free labels for tooling and generators.
   */
  tags?: Tag[];
  meta?: Meta;
  /**
   * The field's previous name: the next migration renames the column instead of dropping it and adding a new one. Remove it once every database is migrated.
   */
  renamedFrom?: FieldName;
}
/**
 * A state machine: its states and the transitions between them. A state field holds its current state.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "machine".
 */
export interface Machine {
  /**
   * The state field that holds this machine's state. Default: the state field with machine: <this machine>.
   */
  field?: FieldName;
  /**
   * The state a new record starts in.
   */
  initial: StateName;
  /**
   * The states with their labels and flags. Default: derived from initial and the transitions' from and to. When given, it must list every state the transitions use.
   */
  states?: {
    [k: string]: StateInfo | undefined;
  };
  /**
   * The transitions by name. Each one is an endpoint and a button: POST /<entities>/<id>/<transition>.
   */
  transitions?: {
    [k: string]: Transition | undefined;
  };
}
/**
 * How a state is shown, and whether it ends the machine.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "stateInfo".
 */
export interface StateInfo {
  /**
   * Display label. Default: the name in words. i18n key state.<Entity>.<machine>.<state>.
   */
  label?: string;
  /**
   * What the state means, shown as a hint.
   */
  description?: string;
  /**
   * No transition leaves this state (e.g. paid, void).
   */
  final?: boolean;
}
/**
 * A move from one or more states to another, with its guard, permission and effects.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "transition".
 */
export interface Transition {
  /**
   * The state, or list of states, the transition starts from.
   */
  from: StateName | [StateName, ...StateName[]];
  /**
   * The state the record is in afterwards.
   */
  to: StateName;
  /**
   * Button label. Default: the name in words. i18n key transition.<Entity>.<machine>.<transition>.
   */
  label?: string;
  /**
   * What the transition does: shown in API docs and as the button's tooltip.
   */
  description?: string;
  /**
   * A condition on the record (bool): the transition is possible only while it holds, e.g. size(lines) > 0.
   */
  guard?: ExpressionSource;
  /**
   * Who may run it (bool), e.g. 'billing' in user.roles. ANDed with policies.transitions.<name>. Absent: whoever may update the record.
   */
  allow?: ExpressionSource;
  /**
   * What happens after the state changes, in order, in the same transaction.
   */
  effects?: Effect[];
}
/**
 * Sets fields of the record: field name -> expression, evaluated on the record before the change.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "setEffect".
 */
export interface SetEffect {
  /**
   * Field name -> expression giving its new value.
   */
  set: {
    [k: string]: ExpressionSource | undefined;
  };
}
/**
 * Emits an app event once the transaction commits; workflows with trigger: { event } react to it.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "emitEffect".
 */
export interface EmitEffect {
  /**
   * The event's name, e.g. invoiceSent.
   */
  emit: EventName;
}
/**
 * A custom operation, served as POST /<entities>/<id>/<action> (record scope) or POST /<entities>/<action> (collection scope), implemented by a TypeScript handler.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "action".
 */
export interface Action {
  /**
   * What the action runs on. Default record.
   */
  scope?: "record" | "collection";
  /**
   * Button label. Default: the name in words. i18n key action.<Entity>.<action>.label.
   */
  label?: string;
  /**
   * What the action does: shown in API docs and as the button's tooltip.
   */
  description?: string;
  /**
   * The action's input, typed like fields; read in expressions as input.<name>.
   */
  input?: {
    [k: string]: InputField | undefined;
  };
  /**
   * What the action returns: an entity name (the handler returns one record of it, e.g. a copy), or named values typed like fields. Default: nothing.
   */
  output?:
    | EntityName
    | {
        [k: string]: InputField | undefined;
      };
  /**
   * Who may run it (bool), e.g. 'billing' in user.roles. ANDed with policies.actions.<name>. Absent: whoever may update the record (record scope) or create records (collection scope).
   */
  allow?: ExpressionSource;
  /**
   * The TypeScript module that implements the action, relative to the app folder, e.g. ./hooks/duplicate.ts. Its default export implements the action.
   */
  handler?: string;
}
/**
 * Single-line text, e.g. a name or a number like INV-2026-0001.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "stringInput".
 */
export interface StringInput {
  /**
   * Field type string.
   */
  type: "string";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * A regular expression (JavaScript syntax) the value must match. It is not anchored: write ^…$ to match the whole value.
   */
  pattern?: string;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * Multi-line plain text, e.g. notes. Shown as a text area.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "textInput".
 */
export interface TextInput {
  /**
   * Field type text.
   */
  type: "text";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * A whole number. Values must be safe JavaScript integers (at most 2^53 − 1 in size).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "intInput".
 */
export interface IntInput {
  /**
   * Field type int.
   */
  type: "int";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an integer, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: number | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An exact decimal number (never a float): precision digits in all, scale of them after the point.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "decimalInput".
 */
export interface DecimalInput {
  /**
   * Field type decimal.
   */
  type: "decimal";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * Total number of digits. Default 18.
   */
  precision?: number;
  /**
   * Digits after the decimal point, at most precision. Default 2.
   */
  scale?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a number, or a string of digits like "0.19" to keep it exact, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (number | string) | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An amount of money, exact (never a float): 18 digits, 2 after the point. Give its currency with currency (fixed) or currencyField (per record); with neither, the amount has no fixed currency.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "moneyInput".
 */
export interface MoneyInput {
  /**
   * Field type money.
   */
  type: "money";
  /**
   * Smallest value allowed.
   */
  min?: number;
  /**
   * Largest value allowed.
   */
  max?: number;
  /**
   * The ISO 4217 code of the currency every value is in, like EUR.
   */
  currency?: string;
  /**
   * The field of the same record that holds each value's currency code (a string or enum field). Not together with currency.
   */
  currencyField?: FieldName;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an amount, as a number or a string of digits like "12.50", or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (number | string) | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * True or false.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "booleanInput".
 */
export interface BooleanInput {
  /**
   * Field type boolean.
   */
  type: "boolean";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: true or false, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: boolean | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * A calendar date without a time or time zone, YYYY-MM-DD.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "dateInput".
 */
export interface DateInput {
  /**
   * Field type date.
   */
  type: "date";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a date like 2026-01-31, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An instant in time with a time zone (ISO 8601, e.g. 2026-01-31T09:30:00Z).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "datetimeInput".
 */
export interface DatetimeInput {
  /**
   * Field type datetime.
   */
  type: "datetime";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an ISO 8601 date-time, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * A UUID value (to point at a record, use a ref field instead).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "uuidInput".
 */
export interface UuidInput {
  /**
   * Field type uuid.
   */
  type: "uuid";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a UUID, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An email address, checked on input.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "emailInput".
 */
export interface EmailInput {
  /**
   * Field type email.
   */
  type: "email";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an email address, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An absolute URL (https://…), checked on input.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "urlInput".
 */
export interface UrlInput {
  /**
   * Field type url.
   */
  type: "url";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an absolute URL, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * Lowercase words joined by hyphens, like acme-corp: the pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ is implied.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "slugInput".
 */
export interface SlugInput {
  /**
   * Field type slug.
   */
  type: "slug";
  /**
   * Fewest characters allowed.
   */
  minLength?: number;
  /**
   * Most characters allowed (a check in the database, a limit on the input).
   */
  maxLength?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: a slug, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * One value out of a fixed list. Stored as the value's string.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "enumInput".
 */
export interface EnumInput {
  /**
   * Field type enum.
   */
  type: "enum";
  /**
   * The allowed values: strings, or { value, label } objects to give each a display label. Labels are translated by the i18n key enum.<Entity>.<field>.<value>.
   *
   * @minItems 1
   */
  values: [EnumValueName | EnumValue, ...(EnumValueName | EnumValue)[]];
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: one of the values, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: EnumValueName | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * Any JSON value, stored as jsonb. The model does not look inside: prefer embedded for known shapes.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "jsonInput".
 */
export interface JsonInput {
  /**
   * Field type json.
   */
  type: "json";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  default?: unknown;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * Formatted text (headings, lists, links), edited with the rich text editor, stored as sanitised HTML.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "richtextInput".
 */
export interface RichtextInput {
  /**
   * Field type richtext.
   */
  type: "richtext";
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: an HTML string, or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: string | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * An uploaded file. The record holds its name, MIME type, size and storage key; the content lives in the app's file store.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "fileInput".
 */
export interface FileInput {
  /**
   * Field type file.
   */
  type: "file";
  /**
   * The MIME types accepted, wildcards allowed: [image/*, application/pdf]. Default: any type.
   *
   * @minItems 1
   */
  accept?: [string, ...string[]];
  /**
   * The largest file accepted, in bytes (10 MB = 10485760).
   */
  maxSize?: number;
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * A record of to, given by its id (or its key).
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "refInput".
 */
export interface RefInput {
  /**
   * Field type ref.
   */
  type: "ref";
  /**
   * The entity pointed at, or a list of two or more entities for a polymorphic reference.
   */
  to: EntityName | [EntityName, EntityName, ...EntityName[]];
  /**
   * Display label. Default: the name in words. Translated by the i18n key action.<Entity>.<action>.input.<name>.label (or .output., or query.<query>.param.<name>.label).
   */
  label?: string;
  /**
   * What the field means: shown in API docs (OpenAPI) and as a tooltip.
   */
  description?: string;
  /**
   * The caller must give a value (a default fills it in when absent).
   */
  required?: boolean;
  /**
   * The value a new record starts with when none is given: the key of the target record (see the entity's key), or { expr: "<expression>" } evaluated at creation (e.g. { expr: "today()" }).
   */
  default?: (string | number) | DefaultExpression;
  /**
   * Example text shown in an empty input, e.g. INV-2026-0001.
   */
  placeholder?: string;
  /**
   * Help text shown under the input in forms.
   */
  help?: string;
  /**
   * Left out of generated forms; still accepted by the API.
   */
  hidden?: boolean;
  meta?: Meta;
}
/**
 * A validation rule: a condition every saved record must meet.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface Rule {
  /**
   * The rule's name; its message is translated by the i18n key rule.<Entity>.<name>.
   */
  name: RuleName;
  /**
   * The condition (bool) the record must meet, e.g. due >= issued.
   */
  check: ExpressionSource;
  /**
   * What people read when a save breaks the rule. Default: *This record breaks rule <name>.*
   */
  message?: string;
  /**
   * The field the message is shown at. Default: the record as a whole.
   */
  field?: FieldName;
  /**
   * Checks the rule only while this condition (bool) holds, e.g. has(due).
   */
  when?: ExpressionSource;
}
/**
 * A database index.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "index".
 */
export interface Index {
  /**
   * The index's name. Default: made from the entity and the fields.
   */
  name?: IndexName;
  /**
   * The indexed fields, in order.
   *
   * @minItems 1
   */
  fields: [FieldName, ...FieldName[]];
  /**
   * The index method. Default btree.
   */
  using?: "btree" | "gin" | "gist" | "hash";
  /**
   * No two records share the values of fields (on a tenant entity: within each tenant).
   */
  unique?: boolean;
  /**
   * Makes it a partial index: only records meeting this condition (bool) are indexed.
   */
  where?: ExpressionSource;
}
/**
 * Who may do what with the records. Each entry is an expression (bool) over user, tenant and the record. Deny by default: an operation without a policy is refused to everyone.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "entityPolicies".
 */
export interface EntityPolicies {
  /**
   * Who may read a record; lists only return the records it allows (pushed down into SQL).
   */
  read?: ExpressionSource;
  /**
   * Who may create a record (checked on the record to be created). Default: write.
   */
  create?: ExpressionSource;
  /**
   * Who may update a record (checked on the stored record). Default: write.
   */
  update?: ExpressionSource;
  /**
   * Who may delete a record. Default: write.
   */
  delete?: ExpressionSource;
  /**
   * Shorthand for create, update and delete, for each of them that is absent.
   */
  write?: ExpressionSource;
  /**
   * Field-level policies: who may read or write a field, on top of the record's policy. A field a user may not read is left out of every response and cannot be filtered, sorted or searched on.
   */
  fields?: {
    [k: string]: FieldPolicy | undefined;
  };
  /**
   * Extra policy per transition, ANDed with the transition's own allow.
   */
  transitions?: {
    [k: string]: ExpressionSource | undefined;
  };
  /**
   * Extra policy per action, ANDed with the action's own allow.
   */
  actions?: {
    [k: string]: ExpressionSource | undefined;
  };
}
/**
 * Who may read and write one field. Absent keys follow the record's policy.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "fieldPolicy".
 */
export interface FieldPolicy {
  /**
   * Who may read the field.
   */
  read?: ExpressionSource;
  /**
   * Who may set the field (on create and update).
   */
  write?: ExpressionSource;
}
/**
 * The entity's generated screens. Each view is optional: weave derives what is missing from the fields.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "views".
 */
export interface Views {
  list?: ListView;
  detail?: DetailView;
  form?: FormView;
  kanban?: KanbanView;
}
/**
 * The table of records.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "listView".
 */
export interface ListView {
  /**
   * The columns, in order. Default: the first six fields that fit in a table.
   */
  columns?: FieldPath[];
  /**
   * The fields offered as filters above the table.
   */
  filters?: FieldPath[];
  /**
   * The default order: field paths, - first for descending, e.g. [-due, number]. Default: by the key, else newest first.
   */
  sort?: SortKey[];
  /**
   * Show a search box over the entity's search fields. Default: true when the entity has search fields.
   */
  search?: boolean;
  /**
   * Rows per page. Default 25.
   */
  pageSize?: number;
}
/**
 * The page of one record: sections of fields, then tabs.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "detailView".
 */
export interface DetailView {
  /**
   * The sections, in order. Default: one section with every field.
   *
   * @minItems 1
   */
  sections?: [Section, ...Section[]];
  /**
   * The tabs under the sections: a related list, or the record's history. Default: a tab per many relation.
   */
  tabs?: Tab[];
}
/**
 * A titled group of fields.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "section".
 */
export interface Section {
  /**
   * The section's heading.
   */
  label?: string;
  /**
   * The fields, in order. An embedded field shows all its nested fields.
   */
  fields: FieldPath[];
}
/**
 * A tab listing the records of a relation.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "relationTab".
 */
export interface RelationTab {
  /**
   * The tab's title.
   */
  label: string;
  /**
   * A many or many-to-many field: the tab lists its records.
   */
  relation: FieldName;
}
/**
 * A tab showing the record's history: who changed what, when.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "auditTab".
 */
export interface AuditTab {
  /**
   * The tab's title.
   */
  label: string;
  /**
   * Show the record's history.
   */
  audit: true;
}
/**
 * The create and edit form. Fields the user may not write are shown read-only or left out.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "formView".
 */
export interface FormView {
  /**
   * The sections, in order. Default: one section with every writable field.
   *
   * @minItems 1
   */
  sections?: [Section, ...Section[]];
}
/**
 * A board with a column per value of a state or enum field; moving a card runs the transition or sets the value.
 *
 * This interface was referenced by `EntitySpec`'s JSON-Schema
 * via the `definition` "kanbanView".
 */
export interface KanbanView {
  /**
   * The state or enum field whose values are the columns.
   */
  by: FieldName;
  /**
   * The field shown as the card's title. Default: the key.
   */
  title?: FieldPath;
  /**
   * Further fields shown on each card.
   */
  fields?: FieldPath[];
}
