/** WV1xx: files and YAML. */
import { DEFAULT_APP, yaml } from "../../../helpers/spec-app.ts";
import type { CodeTable } from "./case.ts";
import { CUSTOMER } from "./fixtures.ts";

export const filesAndYaml: CodeTable = [
  ["WV100", {
    name: "an unquoted colon in a plain value",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      description: Customers: people and companies we invoice
      fields:
        name: { type: string, required: true }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 3, column: 14, message: "YAML syntax error: Nested mappings are not allowed in compact mappings" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      description: "Customers: people and companies we invoice"
      fields:
        name: { type: string, required: true }
      policies:
        read: "true"
    ` },
  }],
  ["WV101", {
    name: "a field defined twice",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, required: true }
        email: { type: email }
        name: { type: text }
      policies:
        read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 6, column: 3, endColumn: 7, message: "duplicate key `name`: it is already set on line 4" },
    fixed: { "domain/customer.entity.yaml": yaml`
      {schema}
      entity: Customer
      fields:
        name: { type: string, required: true }
        email: { type: email }
        notes: { type: text }
      policies:
        read: "true"
    ` },
  }],
  ["WV102", {
    name: "an entity file holding a list",
    given: { "domain/customer.entity.yaml": yaml`
      {schema}
      - entity: Customer
        fields:
          name: { type: string, required: true }
        policies:
          read: "true"
    ` },
    want: { file: "domain/customer.entity.yaml", line: 2, column: 1, hint: "start with `entity: Name` and a `fields:` mapping" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV102", {
    name: "two YAML documents in one file",
    given: { "domain/customer.entity.yaml": `${CUSTOMER}---\nentity: Client\n` },
    want: { file: "domain/customer.entity.yaml", line: 9, column: 1, message: "domain/customer.entity.yaml holds more than one YAML document" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV103", {
    name: "an entity file without `.entity` in its name",
    given: { "domain/customer.yaml": CUSTOMER },
    want: { file: "domain/customer.yaml", line: 1, column: 1, severity: "warning", hint: "entity files are named `<name>.entity.yaml`" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV104", {
    name: "a folder without weave.yaml",
    given: { "weave.yaml": null, "domain/customer.entity.yaml": CUSTOMER },
    want: { file: "weave.yaml", line: 1, column: 1, message: /^no weave\.yaml in / },
    fixed: { "weave.yaml": DEFAULT_APP, "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV105", {
    name: "a symbolic link to a file that does not exist",
    given: { "domain/customer.entity.yaml": { symlink: "../shared/customer.entity.yaml" } },
    want: { file: "domain/customer.entity.yaml", line: 1, column: 1, message: /^cannot read domain\/customer\.entity\.yaml: ENOENT/ },
    fixed: { "shared/customer.entity.yaml": CUSTOMER, "domain/customer.entity.yaml": { symlink: "../shared/customer.entity.yaml" } },
  }],
  ["WV105", {
    name: "a folder named like a spec file",
    given: { "domain/customer.entity.yaml/": "" },
    want: { file: "domain/customer.entity.yaml", line: 1, column: 1 },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV106", {
    name: "an entity in a file named after another",
    given: { "domain/client.entity.yaml": CUSTOMER },
    want: { file: "domain/client.entity.yaml", line: 2, column: 9, endColumn: 17, severity: "warning", hint: "name the file domain/customer.entity.yaml" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
  ["WV107", {
    name: "no modeline",
    given: { "domain/customer.entity.yaml": CUSTOMER.replace("{schema}\n", "") },
    want: { file: "domain/customer.entity.yaml", line: 1, column: 1, severity: "warning", message: "domain/customer.entity.yaml has no yaml-language-server $schema modeline" },
    fixed: { "domain/customer.entity.yaml": CUSTOMER },
  }],
];
