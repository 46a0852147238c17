/**
 * One schema per field type. Draft-07 has no `unevaluatedProperties`, so a closed branch must list
 * the common keys next to its own; this module writes them once. Two families share the type
 * options: stored fields (`StringField`, in entities and embedded objects) and inputs
 * (`StringInput`, in action input/output and query params), which have no storage keys.
 */
import { array, bool, doc, object, ref, str, type Schema } from "./dsl.ts";

/** The common keys of a stored field, in the order they are listed. */
export type CommonKey = keyof ReturnType<typeof storedCommon>;

/** What one field type adds to the common keys. */
export interface BranchSpec {
  /** The `type` value, e.g. `many-to-many`. */
  type: string;
  /** Markdown: what the type is, how it is stored and shown. */
  doc: string;
  /** The type's own keys. */
  own?: Record<string, Schema>;
  /** Required keys besides `type`. */
  required?: string[];
  /** The schema of a literal default, or `null` when a default makes no sense for the type. */
  literal: Schema | null;
  /** Markdown: what a literal default looks like, for the `default` key's description. */
  literalDoc?: string;
  /** Common keys that do not apply to this type (stored fields only). */
  omit?: CommonKey[];
  /** Replacements for common keys (stored fields only). */
  override?: Partial<Record<CommonKey, Schema>>;
  /** Further keywords of the branch, e.g. `not` for mutually exclusive keys. */
  extra?: Schema;
  /** Examples of the whole field. */
  examples?: Schema[];
}

/** `default`: a literal of the type's shape, or `{ expr }`. */
function defaultKey(spec: BranchSpec): Schema {
  const literal = spec.literalDoc ?? "a literal value";
  return {
    ...doc(
      `The value a new record starts with when none is given: ${literal}, or \`{ expr: "<expression>" }\` ` +
        'evaluated at creation (e.g. `{ expr: "today()" }`).',
    ),
    anyOf: [spec.literal, ref("defaultExpression")],
  };
}

/** The common keys of a field stored on an entity (or inside an embedded object). */
function storedCommon(spec: BranchSpec) {
  return {
    label: str(
      "Display label. Default: the field name in words (`dueDate` shows as *Due date*). " +
        "Translated by the i18n key `entity.<Entity>.field.<field>.label`.",
      { examples: ["Due on"] },
    ),
    description: str("What the field means: shown in API docs (OpenAPI) and as a tooltip."),
    required: bool(
      "The field must have a value: `NOT NULL` in the database, required in forms and on create in the API.",
    ),
    unique: bool(
      "No two records share a value (a unique index; empty values are not compared). " +
        "On a `tenant: true` entity, unique within each tenant.",
    ),
    uniqueWithin: array(
      "Unique among the records that share these fields' values, e.g. `[invoice]` for a line position that is " +
        "unique per invoice. On a `tenant: true` entity the tenant is always part of the scope.",
      ref("fieldName"),
      { uniqueItems: true, minItems: 1, examples: [["invoice"]] },
    ),
    default: defaultKey(spec),
    backfill: ref(
      "expression",
      "How records that already exist get a value when this field is added as a required field: an expression over " +
        "the record, e.g. `lower(name)`, run once by the migration that adds the column. Without it or a `default`, " +
        "adding a required field to a table that has rows fails with a message that says so.",
    ),
    computed: ref(
      "expression",
      "Derive the value from an expression over the record, e.g. `sum(lines.total)`. The field becomes read-only: " +
        "never accepted as input. The expression's type must fit the field's type.",
    ),
    materialized: bool(
      "Store the computed value in a column and keep it up to date on every write that can change it, so lists can " +
        "filter, sort and index by it in the database. Default `false`: computed when read. Only with `computed`.",
    ),
    readonly: bool(
      "Clients may not write the field (API and forms show it, never edit it). It gets its value from `default`, " +
        "transition effects or action handlers.",
    ),
    hidden: bool(
      "Left out of generated views and forms unless a view names it. Still in the API for whoever may read it: " +
        "hiding is not a policy.",
    ),
    placeholder: str("Example text shown in an empty input, e.g. `INV-2026-0001`."),
    help: str("Help text shown under the input in forms."),
    pii: bool(
      "Marks personal data (GDPR and similar laws): its values are redacted in logs and in the audit trail, and " +
        "the IR lists it so tools can find every piece of personal data.",
    ),
    encrypted: bool(
      "Encrypt the value at rest, in the application, with the key from the `WEAVE_ENCRYPTION_KEY` environment " +
        "variable. An encrypted field cannot be unique, indexed, searched, filtered or sorted on.",
    ),
    tags: array("Free labels for tooling and generators.", ref("tag"), { uniqueItems: true }),
    meta: ref("meta"),
    renamedFrom: ref(
      "fieldName",
      "The field's previous name: the next migration renames the column instead of dropping it and adding a new " +
        "one. Remove it once every database is migrated.",
    ),
  };
}

/** The common keys of an action input or output, or a query parameter. */
function inputCommon(spec: BranchSpec): Record<string, Schema> {
  const stored = storedCommon(spec);
  return {
    label: str(
      "Display label. Default: the name in words. Translated by the i18n key " +
        "`action.<Entity>.<action>.input.<name>.label` (or `.output.`, or `query.<query>.param.<name>.label`).",
    ),
    description: stored.description,
    required: bool("The caller must give a value (a `default` fills it in when absent)."),
    default: stored.default,
    placeholder: stored.placeholder,
    help: stored.help,
    hidden: bool("Left out of generated forms; still accepted by the API."),
    meta: stored.meta,
  };
}

/**
 * The `type` key of a branch: a one-value enum rather than `const`, which ajv's discriminator reads the same way,
 * and which the YAML language server offers as a completion (it skips the `const` of a `oneOf` branch).
 */
function typeKey(spec: BranchSpec): Schema {
  return {
    ...doc(`Field type \`${spec.type}\`.`),
    type: "string",
    enum: [spec.type],
    enumDescriptions: [doc(spec.doc).description],
  };
}

/** A PascalCase title from a type name: `many-to-many` -> `ManyToMany`. */
export function typeTitle(type: string): string {
  return type.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/**
 * The schema of one stored field type, e.g. `StringField`.
 *
 * @example storedBranch({ type: "int", doc: "A whole number.", literal: { type: "integer" } })
 */
export function storedBranch(spec: BranchSpec): Schema {
  const common: Record<string, Schema> = { ...storedCommon(spec), ...spec.override };
  for (const key of spec.omit ?? []) delete common[key];
  if (spec.literal === null) delete common.default;
  const dependencies = common.materialized && common.computed ? { dependencies: { materialized: ["computed"] } } : {};
  return object(
    spec.doc,
    { type: typeKey(spec), ...spec.own, ...common },
    {
      title: `${typeTitle(spec.type)}Field`,
      required: ["type", ...(spec.required ?? [])],
      ...dependencies,
      ...spec.extra,
      ...(spec.examples ? { examples: spec.examples } : {}),
    },
  );
}

/** The schema of one input type, e.g. `StringInput`: the type's options without storage keys. */
export function inputBranch(spec: BranchSpec, own: Record<string, Schema> = spec.own ?? {}): Schema {
  const common = inputCommon(spec);
  if (spec.literal === null) delete common.default;
  return object(
    spec.doc,
    { type: typeKey(spec), ...own, ...common },
    {
      title: `${typeTitle(spec.type)}Input`,
      required: ["type", ...(spec.required ?? [])],
      ...spec.extra,
    },
  );
}
