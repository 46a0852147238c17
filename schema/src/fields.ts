/**
 * The field unions. Each is a `oneOf` with ajv's `discriminator` on `type`, so a field is checked
 * against the one branch its `type` names (precise errors), and the generated TS types are
 * discriminated unions:
 *
 *   Field         = ScalarField | StateField | RelationField | EmbeddedField
 *   ScalarField   = StringField | TextField | IntField | ... | FileField
 *   RelationField = RefField | OneField | ManyField | ManyToManyField
 *   EmbeddedMember = ScalarField | EmbeddedField      (inside an embedded object)
 *   InputField    = ScalarInput | RefInput            (action input/output, query params)
 *
 * A nested union lists its `type` values in `properties.type.enum`, which is what lets the outer
 * discriminator map a value to it.
 */
import { doc, map, ref, type Schema } from "./dsl.ts";
import { newFieldSnippets } from "./field-snippets.ts";
import { inputBranch, storedBranch, typeTitle, type BranchSpec } from "./field-branch.ts";
import { embeddedType, enumDefinitions, relationTypes, scalarTypes, stateType } from "./field-types.ts";

/** The definition key of a branch: `many-to-many` -> `manyToManyField`. */
function key(spec: BranchSpec, suffix: "Field" | "Input"): string {
  const title = typeTitle(spec.type);
  return title.charAt(0).toLowerCase() + title.slice(1) + suffix;
}

/**
 * A discriminated union of definitions. `types` lists every `type` value it covers: a nested union needs them (with
 * `required`) so the outer discriminator can map a value to it, and the YAML language server only offers the values
 * it finds there (it skips branches whose other required keys are still missing, such as `state`'s `machine`).
 */
function union(title: string, markdown: string, members: string[], types: BranchSpec[], nested: boolean): Schema {
  return {
    title,
    ...doc(markdown),
    type: "object",
    ...(nested ? { required: ["type"] } : {}),
    properties: { type: typeEnum(types) },
    discriminator: { propertyName: "type" },
    oneOf: members.map((m) => ref(m)),
  };
}

/** The `type` values of a nested union, described like the branches they pick. */
function typeEnum(specs: BranchSpec[]): Schema {
  return {
    ...doc("The field type."),
    type: "string",
    enum: specs.map((s) => s.type),
    enumDescriptions: specs.map((s) => doc(s.doc).description),
  };
}

const stored = [...scalarTypes, stateType, ...relationTypes, embeddedType];
const inputRef: BranchSpec = relationTypes.find((s) => s.type === "ref")!;

/** Every field definition: branches of both families and the unions over them. */
export const fieldDefinitions: Record<string, Schema> = {
  field: union(
    "Field",
    "A field of an entity. `type` decides which other keys apply.",
    ["scalarField", "stateField", "relationField", "embeddedField"],
    stored,
    false,
  ),
  scalarField: union(
    "ScalarField",
    "A field holding one value (text, number, date, enum, file, …).",
    scalarTypes.map((s) => key(s, "Field")),
    scalarTypes,
    true,
  ),
  relationField: union(
    "RelationField",
    "A relation to another entity: `ref`, `one`, `many` or `many-to-many`.",
    relationTypes.map((s) => key(s, "Field")),
    relationTypes,
    true,
  ),
  embeddedMember: union(
    "EmbeddedMember",
    "A field of an embedded object: a scalar type, or a nested `embedded`.",
    ["scalarField", "embeddedField"],
    [...scalarTypes, embeddedType],
    false,
  ),
  inputField: union(
    "InputField",
    "An input of an action, a value of its output, or a parameter of a query: a scalar type, or a `ref` to a record.",
    ["scalarInput", "refInput"],
    [...scalarTypes, inputRef],
    false,
  ),
  scalarInput: union(
    "ScalarInput",
    "An input holding one value.",
    scalarTypes.map((s) => key(s, "Input")),
    scalarTypes,
    true,
  ),
  ...Object.fromEntries(stored.map((s) => [key(s, "Field"), storedBranch(s)])),
  ...Object.fromEntries(scalarTypes.map((s) => [key(s, "Input"), inputBranch(s)])),
  refInput: inputBranch(
    { ...inputRef, doc: "A record of `to`, given by its id (or its key)." },
    { to: (inputRef.own as Record<string, Schema>).to! },
  ),
  ...enumDefinitions,
};

/** A fields map: `{ <name>: <field> }`, with snippets for new fields. */
export function fieldsMap(markdown: string, value = "field"): Schema {
  return map(markdown, "fieldName", ref(value), value === "field" ? { defaultSnippets: newFieldSnippets() } : {});
}
