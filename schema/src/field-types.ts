/**
 * The field types and their own keys. `field-branch.ts` adds the common keys; `fields.ts` groups
 * the branches into the unions the file kinds use.
 */
import { array, doc, int, map, num, object, ref, str, stringEnum, type Schema } from "./dsl.ts";
import type { BranchSpec } from "./field-branch.ts";
import { newFieldSnippets } from "./field-snippets.ts";

const lengths = {
  minLength: int("Fewest characters allowed.", { minimum: 0 }),
  maxLength: int("Most characters allowed (a check in the database, a limit on the input).", { minimum: 1 }),
};

const decimalLiteral: Schema = {
  anyOf: [
    { type: "number" },
    {
      type: "string",
      pattern: "^-?[0-9]+(?:\\.[0-9]+)?$",
      patternErrorMessage: "Write the amount as digits with an optional fraction, like `12.50`",
    },
  ],
};

const decimalBounds = {
  min: num("Smallest value allowed.", { examples: [0] }),
  max: num("Largest value allowed."),
};

/** Scalar types: one column each, no relation. */
export const scalarTypes: BranchSpec[] = [
  {
    type: "string",
    doc: "Single-line text, e.g. a name or a number like `INV-2026-0001`.",
    own: {
      ...lengths,
      pattern: str(
        "A regular expression (JavaScript syntax) the value must match. It is not anchored: write `^…$` to " +
          "match the whole value.",
        { format: "regex", examples: ["^[A-Z]{2}[0-9]{6}$"] },
      ),
    },
    literal: { type: "string" },
    literalDoc: "a string",
    examples: [{ type: "string", required: true, maxLength: 200 }],
  },
  {
    type: "text",
    doc: "Multi-line plain text, e.g. notes. Shown as a text area.",
    own: lengths,
    literal: { type: "string" },
    literalDoc: "a string",
  },
  {
    type: "int",
    doc: "A whole number. Values must be safe JavaScript integers (at most 2^53 − 1 in size).",
    own: {
      min: int("Smallest value allowed.", { examples: [0] }),
      max: int("Largest value allowed."),
    },
    literal: { type: "integer" },
    literalDoc: "an integer",
  },
  {
    type: "decimal",
    doc: "An exact decimal number (never a float): `precision` digits in all, `scale` of them after the point.",
    own: {
      ...decimalBounds,
      precision: int("Total number of digits. Default 18.", { minimum: 1, maximum: 1000, default: 18 }),
      scale: int("Digits after the decimal point, at most `precision`. Default 2.", {
        minimum: 0,
        maximum: 1000,
        default: 2,
      }),
    },
    literal: decimalLiteral,
    literalDoc: 'a number, or a string of digits like `"0.19"` to keep it exact',
  },
  {
    type: "money",
    doc:
      "An amount of money, exact (never a float): 18 digits, 2 after the point. Give its currency with `currency` " +
      "(fixed) or `currencyField` (per record); with neither, the amount has no fixed currency.",
    own: {
      ...decimalBounds,
      currency: str("The ISO 4217 code of the currency every value is in, like `EUR`.", {
        pattern: "^[A-Z]{3}$",
        patternErrorMessage: "Currencies are ISO 4217 codes: three capital letters, like `EUR`",
        examples: ["EUR", "USD"],
      }),
      currencyField: ref(
        "fieldName",
        "The field of the same record that holds each value's currency code (a `string` or `enum` field). " +
          "Not together with `currency`.",
      ),
    },
    extra: {
      // `properties` repeats the names for ajv's strictRequired, which does not look outside `not`.
      not: { properties: { currency: true, currencyField: true }, required: ["currency", "currencyField"] },
    },
    literal: decimalLiteral,
    literalDoc: 'an amount, as a number or a string of digits like `"12.50"`',
    examples: [{ type: "money", currency: "EUR", min: 0 }],
  },
  { type: "boolean", doc: "True or false.", literal: { type: "boolean" }, literalDoc: "`true` or `false`" },
  {
    type: "date",
    doc: "A calendar date without a time or time zone, `YYYY-MM-DD`.",
    literal: { type: "string", format: "date" },
    literalDoc: "a date like `2026-01-31`",
  },
  {
    type: "datetime",
    doc: "An instant in time with a time zone (ISO 8601, e.g. `2026-01-31T09:30:00Z`).",
    literal: { type: "string", format: "date-time" },
    literalDoc: "an ISO 8601 date-time",
  },
  {
    type: "uuid",
    doc: "A UUID value (to point at a record, use a `ref` field instead).",
    literal: { type: "string", format: "uuid" },
    literalDoc: "a UUID",
  },
  {
    type: "email",
    doc: "An email address, checked on input.",
    own: lengths,
    literal: { type: "string", format: "email" },
    literalDoc: "an email address",
  },
  {
    type: "url",
    doc: "An absolute URL (`https://…`), checked on input.",
    own: lengths,
    literal: { type: "string", format: "uri" },
    literalDoc: "an absolute URL",
  },
  {
    type: "slug",
    doc: "Lowercase words joined by hyphens, like `acme-corp`: the pattern `^[a-z0-9]+(?:-[a-z0-9]+)*$` is implied.",
    own: lengths,
    literal: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
    literalDoc: "a slug",
  },
  {
    type: "enum",
    doc: "One value out of a fixed list. Stored as the value's string.",
    own: {
      values: array(
        "The allowed values: strings, or `{ value, label }` objects to give each a display label. Labels are " +
          "translated by the i18n key `enum.<Entity>.<field>.<value>`.",
        { anyOf: [ref("enumValueName"), ref("enumValue")] },
        {
          minItems: 1,
          examples: [["low", "normal", "high"], [{ value: "bank", label: "Bank transfer" }]],
        },
      ),
    },
    required: ["values"],
    literal: ref("enumValueName"),
    literalDoc: "one of the `values`",
    examples: [{ type: "enum", values: ["low", "normal", "high"], default: "normal" }],
  },
  {
    type: "json",
    doc: "Any JSON value, stored as `jsonb`. The model does not look inside: prefer `embedded` for known shapes.",
    literal: {},
    literalDoc: "any JSON value",
  },
  {
    type: "richtext",
    doc: "Formatted text (headings, lists, links), edited with the rich text editor, stored as sanitised HTML.",
    literal: { type: "string" },
    literalDoc: "an HTML string",
  },
  {
    type: "file",
    doc:
      "An uploaded file. The record holds its name, MIME type, size and storage key; the content lives in the app's " +
      "file store.",
    own: {
      accept: array(
        "The MIME types accepted, wildcards allowed: `[image/*, application/pdf]`. Default: any type.",
        {
          type: "string",
          pattern: "^[a-z]+/(?:\\*|[A-Za-z0-9][A-Za-z0-9.+-]*)$",
          patternErrorMessage: "Write a MIME type like `application/pdf` or `image/*`",
        },
        { uniqueItems: true, minItems: 1, examples: [["image/*", "application/pdf"]] },
      ),
      maxSize: int("The largest file accepted, in bytes (10 MB = 10485760).", { minimum: 1, examples: [10485760] }),
    },
    literal: null,
  },
];

/** The `state` type: the state of one of the entity's state machines. */
export const stateType: BranchSpec = {
  type: "state",
  doc:
    "The current state of a state machine of this entity. Always set: a new record starts in the machine's " +
    "`initial` state, and only the machine's transitions change it.",
  own: { machine: ref("machineName", "The state machine (a key of `states`) whose state this field holds.") },
  required: ["machine"],
  literal: null,
  omit: ["unique", "uniqueWithin", "computed", "materialized", "readonly", "backfill"],
  override: {
    required: {
      ...doc("A state field is always required; `required: false` is not allowed."),
      const: true,
    },
  },
  examples: [{ type: "state", machine: "lifecycle" }],
};

const onDelete = stringEnum(
  "What deleting the referenced record does to this one. Default `restrict`.",
  {
    restrict: "Refuse to delete the referenced record while this one points at it.",
    cascade: "Delete this record too.",
    setNull: "Clear this field (it must not be required).",
  },
  { default: "restrict" },
);

const target = ref("entityName", "The entity on the other side of the relation.");

const keyLiteral: Schema = { anyOf: [{ type: "string" }, { type: "integer" }] };

/** Relations have no column of their own when they are the `inverse` side. */
const noColumn = [
  "required",
  "unique",
  "uniqueWithin",
  "computed",
  "materialized",
  "placeholder",
  "pii",
  "encrypted",
  "backfill",
] as const;

/** Relation types: `ref`, `one`, `many`, `many-to-many`. */
export const relationTypes: BranchSpec[] = [
  {
    type: "ref",
    doc:
      "Many-to-one: this record points at one record of `to` (e.g. an invoice's customer). With a list of entities " +
      "it is polymorphic: it may point at a record of any of them (stored as type and id).",
    own: {
      to: {
        ...doc("The entity pointed at, or a list of two or more entities for a polymorphic reference."),
        anyOf: [ref("entityName"), { type: "array", items: ref("entityName"), minItems: 2, uniqueItems: true }],
        examples: ["Customer", ["Invoice", "Payment"]],
      },
      onDelete,
    },
    required: ["to"],
    literal: keyLiteral,
    literalDoc: "the key of the target record (see the entity's `key`)",
    examples: [{ type: "ref", to: "Customer", required: true, onDelete: "restrict" }],
  },
  {
    type: "one",
    doc:
      "One-to-one: this record points at at most one record of `to`, and no two records point at the same one. " +
      "The field without `inverse` stores the reference; a `one` field with `inverse` stores nothing and reads " +
      "the other side.",
    own: {
      to: target,
      onDelete,
      inverse: ref(
        "fieldName",
        "Makes this field the reading side of the `one` field of that name on `to`, which points back here and " +
          "stores the reference. Only one side of a pair names the other.",
      ),
    },
    required: ["to"],
    literal: keyLiteral,
    literalDoc: "the key of the target record",
  },
  {
    type: "many",
    doc:
      "One-to-many: the records of `to` whose `inverse` ref points at this record (e.g. an invoice's lines). " +
      "Nothing is stored here: the reference lives on the other side.",
    own: {
      to: target,
      inverse: ref("fieldName", "The `ref` field on `to` that points back at this entity, e.g. `invoice`."),
    },
    required: ["to", "inverse"],
    literal: null,
    omit: [...noColumn],
    examples: [{ type: "many", to: "InvoiceLine", inverse: "invoice" }],
  },
  {
    type: "many-to-many",
    doc:
      "Many-to-many: records of `to` linked through a join entity, either `through` (one you declare) or a generated " +
      "one named `<Entity><Field>Link` (e.g. `ArticleTagsLink`).",
    own: {
      to: target,
      through: ref(
        "entityName",
        "An explicit join entity with one `ref` to each side, when the link carries data of its own (a role, a " +
          "date). Default: a generated join entity.",
      ),
      inverse: ref(
        "fieldName",
        "Makes this field the other side of the `many-to-many` field of that name on `to`: both read and write the " +
          "same links (one join entity). Either side, or both, may name the other.",
      ),
    },
    required: ["to"],
    literal: null,
    omit: [...noColumn],
    examples: [{ type: "many-to-many", to: "Tag" }],
  },
];

/** The `embedded` type: a nested object (or a list of them) stored with the record. */
export const embeddedType: BranchSpec = {
  type: "embedded",
  doc:
    "A nested object stored with the record (one `jsonb` column), with its own typed fields: e.g. an address. With " +
    "`array: true`, a list of such objects.",
  own: {
    fields: map(
      "The nested fields by name: scalar types and nested `embedded` only. Their i18n keys continue the path: " +
        "`entity.<Entity>.field.<field>.<nested>.label`.",
      "fieldName",
      ref("embeddedMember"),
      { minProperties: 1, defaultSnippets: newFieldSnippets([...scalarTypes.map((s) => s.type), "embedded"]) },
    ),
    array: { ...doc("Hold a list of objects instead of one. Default `false`."), type: "boolean", default: false },
  },
  required: ["fields"],
  literal: { anyOf: [{ type: "object", additionalProperties: true }, { type: "array" }] },
  literalDoc: "an object (or a list of objects with `array: true`)",
  omit: ["unique", "uniqueWithin"],
};

/** Definitions used by the field types: enum values. */
export const enumDefinitions: Record<string, Schema> = {
  enumValueName: {
    title: "EnumValueName",
    ...doc(
      "An enum value as stored and sent over the API: letters, digits, `_` and `-`, like `bank` or `in-progress`.",
    ),
    type: "string",
    pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$",
    patternErrorMessage: "Enum values are letters, digits, `_` and `-`, like `bank` or `in-progress`",
  },
  enumValue: object(
    "An enum value with its display label.",
    {
      value: ref("enumValueName", "The value as stored and sent over the API."),
      label: str("Display label. Default: the value in words."),
      description: str("What the value means, shown as a hint."),
    },
    { title: "EnumValue", required: ["value"] },
  ),
};
