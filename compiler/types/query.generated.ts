/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * An input of an action, a value of its output, or a parameter of a query: a scalar type, or a ref to a record.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "inputField".
 */
export type InputField = ScalarInput | RefInput;
/**
 * An input holding one value.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * An enum value as stored and sent over the API: letters, digits, _ and -, like bank or in-progress.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "enumValueName".
 */
export type EnumValueName = string;
/**
 * An entity name: PascalCase, unique across the app.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "entityName".
 */
export type EntityName = string;
/**
 * A field path to sort by; a leading - sorts descending (-due: newest first).
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "sortKey".
 */
export type SortKey = string;
/**
 * An expression in weave's expression language (CEL-like), e.g. size(lines) > 0 or 'billing' in user.roles. The compiler parses and type-checks it against the model. See spec/expressions.md.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "expression".
 */
export type ExpressionSource = string;
/**
 * A field name: camelCase, unique within its entity (or its embedded object, action input, query params).
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "fieldName".
 */
export type FieldName = string;
/**
 * A saved query name: camelCase, unique across the app.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "queryName".
 */
export type QueryName = string;

/**
 * A saved query of a weave app (queries/<name>.query.yaml), served as GET /queries/<name>. It runs with the caller's rights: the entity's read policies still apply. See spec/query.md.
 */
export interface QuerySpec {
  /**
   * The query's name: camelCase, unique across the app.
   */
  query: QueryName;
  /**
   * Display name. Default: the name in words. i18n key query.<query>.label.
   */
  label?: string;
  /**
   * What the query answers: shown in API docs.
   */
  description?: string;
  /**
   * The entity whose records the query returns.
   */
  from: EntityName;
  /**
   * Parameters by name, typed like fields, read in expressions as params.<name> and passed as URL query parameters. i18n key query.<query>.param.<name>.label.
   */
  params?: {
    [k: string]: InputField | undefined;
  };
  /**
   * The condition (bool) a record must meet, e.g. status == 'sent' && due < params.asOf.
   */
  where?: ExpressionSource;
  /**
   * The columns returned: field paths (customer.name), aggregates (count(), sum(total), avg, min, max), date buckets (month(issued): day, week, month, quarter, year), each with an optional alias (sum(total) as revenue). Default: every field the caller may read.
   *
   * @minItems 1
   *
   * Items: A column: number, customer.name, count(), sum(total) as revenue, month(issued) as month.
   */
  select?: [string, ...string[]];
  /**
   * Group the records by these field paths or date buckets ([month(issued)]): each row is then one group, and every other column is an aggregate.
   *
   * @minItems 1
   *
   * Items: A field path (status, customer.name) or a date bucket (month(issued)).
   */
  groupBy?: [string, ...string[]];
  /**
   * Conditions on the groups (all must hold), e.g. { column: revenue, op: gt, value: 1000 }.
   *
   * @minItems 1
   *
   * Items: A condition on a column of the groups.
   */
  having?: [
    {
      /**
       * The output column (its alias, or its default name such as count).
       */
      column: string;
      /**
       * The comparison.
       */
      op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte";
      /**
       * A literal, or { param: <name> } for one of the query's params.
       */
      value:
        | (string | number | boolean)
        | {
            /**
             * The parameter's name.
             */
            param: string;
          };
    },
    ...{
      /**
       * The output column (its alias, or its default name such as count).
       */
      column: string;
      /**
       * The comparison.
       */
      op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte";
      /**
       * A literal, or { param: <name> } for one of the query's params.
       */
      value:
        | (string | number | boolean)
        | {
            /**
             * The parameter's name.
             */
            param: string;
          };
    }[]
  ];
  /**
   * The order: output columns (their alias) or field paths, - first for descending, e.g. [-revenue].
   */
  sort?: SortKey[];
  /**
   * The most rows returned. Default: no limit beyond the API's paging.
   */
  limit?: number;
  /**
   * Who may run the query (bool), e.g. 'billing' in user.roles. Absent: whoever may read from.
   */
  allow?: ExpressionSource;
}
/**
 * Single-line text, e.g. a name or a number like INV-2026-0001.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * A default computed when a record is created, e.g. { expr: "today()" }.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "defaultExpression".
 */
export interface DefaultExpression {
  /**
   * The expression that gives the default value; its type must match the field's.
   */
  expr: ExpressionSource;
}
/**
 * Free data for plugins, generators and custom components. weave copies it to the IR untouched and gives it no meaning.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
 * via the `definition` "meta".
 */
export interface Meta {
  [k: string]: unknown | undefined;
}
/**
 * Multi-line plain text, e.g. notes. Shown as a text area.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * An enum value with its display label.
 *
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
 * This interface was referenced by `QuerySpec`'s JSON-Schema
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
