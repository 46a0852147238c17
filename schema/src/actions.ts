/** Actions, rules and indexes of an entity. */
import { array, bool, doc, map, object, ref, str, stringEnum, type Schema } from "./dsl.ts";

const inputMap = (markdown: string) =>
  map(markdown, "fieldName", ref("inputField"), {
    defaultSnippets: [{ label: "new input", body: { "${1:name}": { type: "${2:string}", required: true } } }],
  });

export const actionDefinitions: Record<string, Schema> = {
  action: object(
    "A custom operation, served as `POST /<entities>/<id>/<action>` (record scope) or `POST /<entities>/<action>` " +
      "(collection scope), implemented by a TypeScript handler.",
    {
      scope: stringEnum(
        "What the action runs on. Default `record`.",
        {
          record: "One record: the handler receives it as `record`, and `allow` can look at it.",
          collection: "The entity as a whole (e.g. an import or a bulk operation): there is no `record`.",
        },
        { default: "record" },
      ),
      label: str("Button label. Default: the name in words. i18n key `action.<Entity>.<action>.label`."),
      description: str("What the action does: shown in API docs and as the button's tooltip."),
      input: inputMap("The action's input, typed like fields; read in expressions as `input.<name>`."),
      output: {
        ...doc(
          "What the action returns: an entity name (the handler returns one record of it, e.g. a copy), or named " +
            "values typed like fields. Default: nothing.",
        ),
        anyOf: [ref("entityName"), inputMap("Named values the action returns.")],
        examples: ["Invoice", { reminded: { type: "int" } }],
      },
      allow: ref(
        "expression",
        "Who may run it (bool), e.g. `'billing' in user.roles`. ANDed with `policies.actions.<name>`. Absent: " +
          "whoever may update the record (record scope) or create records (collection scope).",
      ),
      handler: str(
        "The TypeScript module that implements the action, relative to the app folder, e.g. `./hooks/duplicate.ts`. " +
          "Its default export implements the action.",
        {
          pattern: "^\\./[^\\s]+\\.(?:ts|mts|js|mjs)$",
          patternErrorMessage: "Handlers are module paths relative to the app folder, like `./hooks/duplicate.ts`",
          examples: ["./hooks/duplicate.ts"],
        },
      ),
    },
    {
      title: "Action",
      defaultSnippets: [
        {
          label: "new record action",
          body: { label: "${1:Duplicate}", allow: "${2:\\$isBilling}", handler: "./hooks/${3:duplicate}.ts" },
        },
      ],
    },
  ),
  rule: object(
    "A validation rule: a condition every saved record must meet.",
    {
      name: ref("ruleName", "The rule's name; its message is translated by the i18n key `rule.<Entity>.<name>`."),
      check: ref("expression", "The condition (bool) the record must meet, e.g. `due >= issued`."),
      message: str("What people read when a save breaks the rule. Default: *This record breaks rule <name>.*"),
      field: ref("fieldName", "The field the message is shown at. Default: the record as a whole."),
      when: ref("expression", "Checks the rule only while this condition (bool) holds, e.g. `has(due)`."),
    },
    {
      title: "Rule",
      required: ["name", "check"],
      defaultSnippets: [
        {
          label: "new rule",
          body: { name: "${1:dueAfterIssued}", check: "${2:due >= issued}", message: "${3:Explain the rule}" },
        },
      ],
    },
  ),
  index: object(
    "A database index.",
    {
      name: ref("indexName", "The index's name. Default: made from the entity and the fields."),
      fields: array("The indexed fields, in order.", ref("fieldName"), {
        minItems: 1,
        uniqueItems: true,
        examples: [["customer", "status"]],
      }),
      using: stringEnum(
        "The index method. Default `btree`.",
        {
          btree: "Ordered: equality, ranges and sorting. The right choice almost always.",
          gin: "Inverted: `json` fields, lists and full-text search.",
          gist: "Geometric and range types, nearest-neighbour search.",
          hash: "Equality only.",
        },
        { default: "btree" },
      ),
      unique: bool("No two records share the values of `fields` (on a tenant entity: within each tenant)."),
      where: ref("expression", "Makes it a partial index: only records meeting this condition (bool) are indexed."),
    },
    {
      title: "Index",
      required: ["fields"],
      defaultSnippets: [{ label: "new index", body: { name: "${1:byCustomer}", fields: ["${2:customer}"] } }],
    },
  ),
};
