/**
 * Definitions shared by several file kinds: names (with their patterns and editor messages),
 * expressions and default values.
 */
import { doc, nameDef, object, ref, type Schema } from "./dsl.ts";

const camel = "^[a-z][A-Za-z0-9]*$";
const pascal = "^[A-Z][A-Za-z0-9]*$";
const path = "[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*";

/** Definitions by name; each schema file takes the ones it references. */
export const nameDefinitions: Record<string, Schema> = {
  expression: {
    title: "ExpressionSource",
    ...doc(
      "An expression in weave's expression language (CEL-like), e.g. `size(lines) > 0` or `'billing' in user.roles`. " +
        "The compiler parses and type-checks it against the model. See spec/expressions.md.",
    ),
    type: "string",
    minLength: 1,
    examples: ["size(lines) > 0", "'billing' in user.roles", "sum(lines.total)", "$member && record.owner == user.id"],
  },
  defaultExpression: object(
    'A default computed when a record is created, e.g. `{ expr: "today()" }`.',
    { expr: ref("expression", "The expression that gives the default value; its type must match the field's.") },
    {
      title: "DefaultExpression",
      required: ["expr"],
      examples: [{ expr: "today()" }, { expr: "now()" }, { expr: "user.id" }],
    },
  ),
  appName: nameDef(
    "AppName",
    "The app's name: kebab-case, used in URLs, package names and the database name.",
    "^[a-z][a-z0-9-]*$",
    "App names are kebab-case, like `invoicing` or `field-service`",
    ["invoicing"],
  ),
  entityName: nameDef(
    "EntityName",
    "An entity name: PascalCase, unique across the app.",
    pascal,
    "Entity names are PascalCase, like `InvoiceLine`",
    ["Invoice", "InvoiceLine"],
  ),
  fieldName: nameDef(
    "FieldName",
    "A field name: camelCase, unique within its entity (or its embedded object, action input, query params).",
    camel,
    "Field names are camelCase, like `dueDate`",
    ["customer", "dueDate"],
  ),
  fieldPath: nameDef(
    "FieldPath",
    "A field name, or a dotted path that follows `ref` and `one` relations and embedded objects, like `customer.name`.",
    `^${path}$`,
    "Field paths are camelCase names joined by dots, like `customer.name`",
    ["number", "customer.name", "address.city"],
  ),
  sortKey: nameDef(
    "SortKey",
    "A field path to sort by; a leading `-` sorts descending (`-due`: newest first).",
    `^-?${path}$`,
    "Sort keys are field paths, with a leading `-` for descending, like `-issued` or `customer.name`",
    ["number", "-due", "customer.name"],
  ),
  machineName: nameDef(
    "MachineName",
    "A state machine name: camelCase, unique within its entity.",
    camel,
    "State machine names are camelCase, like `lifecycle`",
    ["lifecycle"],
  ),
  stateName: nameDef(
    "StateName",
    "A state name: camelCase, unique within its state machine. It is the value stored in the state field.",
    camel,
    "State names are camelCase, like `draft` or `inReview`",
    ["draft", "sent", "paid"],
  ),
  transitionName: nameDef(
    "TransitionName",
    "A transition name: camelCase, unique within the entity (across its machines and actions).",
    camel,
    "Transition names are camelCase, like `send` or `markPaid`",
    ["send", "pay", "void"],
  ),
  actionName: nameDef(
    "ActionName",
    "An action name: camelCase, unique within the entity (across its actions and transitions).",
    camel,
    "Action names are camelCase, like `duplicate`",
    ["duplicate", "remindOverdue"],
  ),
  ruleName: nameDef(
    "RuleName",
    "A rule name: camelCase. Entity rules are unique within their entity, shared rules across the app.",
    camel,
    "Rule names are camelCase, like `dueAfterIssued`",
    ["member", "dueAfterIssued"],
  ),
  indexName: nameDef(
    "IndexName",
    "An index name: camelCase, unique within its entity.",
    camel,
    "Index names are camelCase, like `byCustomerStatus`",
    ["byCustomerStatus"],
  ),
  eventName: nameDef(
    "EventName",
    "An event name: camelCase, like `invoiceSent`. Events are app-wide: any workflow may react to them.",
    camel,
    "Event names are camelCase, like `invoiceSent`",
    ["invoiceSent"],
  ),
  roleName: nameDef(
    "RoleName",
    "A role name: camelCase, unique across the app. `user.roles` and `tenant.roles` hold these names.",
    camel,
    "Role names are camelCase, like `billing`",
    ["admin", "billing"],
  ),
  queryName: nameDef(
    "QueryName",
    "A saved query name: camelCase, unique across the app.",
    camel,
    "Query names are camelCase, like `overdueInvoices`",
    ["overdueInvoices"],
  ),
  workflowName: nameDef(
    "WorkflowName",
    "A workflow name: camelCase, unique across the app.",
    camel,
    "Workflow names are camelCase, like `remindOverdue`",
    ["remindOverdue"],
  ),
  stepName: nameDef(
    "StepName",
    "A workflow step name: camelCase, unique within its workflow.",
    camel,
    "Step names are camelCase, like `find` or `notify`",
    ["find", "notify"],
  ),
  locale: nameDef(
    "Locale",
    "A BCP 47 language tag: a language code, optionally with a region or script, like `en`, `de` or `pt-BR`.",
    "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
    "Locales are BCP 47 tags, like `en`, `de` or `pt-BR`",
    ["en", "de", "pt-BR"],
  ),
  tag: {
    title: "Tag",
    ...doc("A free label for tooling and generators, like `billing`. weave gives tags no meaning of its own."),
    type: "string",
    minLength: 1,
    examples: ["billing"],
  },
  meta: {
    title: "Meta",
    ...doc(
      "Free data for plugins, generators and custom components. weave copies it to the IR untouched and gives it no meaning.",
    ),
    type: "object",
    additionalProperties: true,
    examples: [{ icon: "receipt" }],
  },
};
