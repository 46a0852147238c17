/** WV2xx: JSON Schema validation. */
import { yaml } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER } from "./fixtures.ts";

export const schemaValidation: CodeTable = [
  ["WV200", {
    name: "a misspelt field option",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, requird: true }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 4, column: 25, endColumn: 32, message: "unknown key `requird` in `fields.name`", hint: "did you mean `required`?" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, required: true }
      policies:
        read: "true"
    ` },
  }],
  ["WV200", {
    name: "an option of another field type",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string }
        discount: { type: int, maxLength: 3 }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 5, column: 26, message: "unknown key `maxLength` in `fields.discount`" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string }
        discount: { type: int, max: 100 }
      policies:
        read: "true"
    ` },
  }],
  ["WV201", {
    name: "a field without a type",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { required: true }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 4, column: 3, endColumn: 7, message: "missing required key `type` in `fields.name`" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, required: true }
      policies:
        read: "true"
    ` },
  }],
  ["WV202", {
    name: "a word where a number goes",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, maxLength: forty }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 4, column: 36, endColumn: 41, message: "`fields.name.maxLength` must be an integer" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, maxLength: 40 }
      policies:
        read: "true"
    ` },
  }],
  ["WV203", {
    name: "a misspelt field type",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: strng }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 4, column: 17, endColumn: 22, message: "unknown type `strng` in `fields.name`", hint: "did you mean `string`?" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string }
      policies:
        read: "true"
    ` },
  }],
  ["WV204", {
    name: "an entity name that is not PascalCase",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace("entity: Customer", "entity: customer") },
    want: { file: "domain/customer.entity.yaml", line: 2, column: 9, endColumn: 17, message: /^`entity` `customer` is invalid/ },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV205", {
    name: "a version below 1",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace("entity: Customer\n", "entity: Customer\nversion: 0\n") },
    want: { file: "domain/customer.entity.yaml", line: 3, column: 10, endColumn: 11, message: "`version` must be >= 1" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER.replace("entity: Customer\n", "entity: Customer\nversion: 1\n") },
  }],
];
