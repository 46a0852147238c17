/**
 * A file that fails validation is reported once, at its own mistakes: references to the entity
 * it declares are not reported again as unknown entities (WV301).
 */
import { expect, test } from "bun:test";
import { compileSpec, yaml } from "../../helpers/spec-app.ts";

const customer = yaml`
  {schema}
  entity: Customer
  fields:
    name: { type: string, requird: true }
  policies:
    read: "true"
`;

const invoice = (to: string) => yaml`
  {schema}
  entity: Invoice
  fields:
    customer: { type: ref, to: ${to} }
  policies:
    read: "true"
`;

test("a reference to an entity whose file has errors is not a second error", async () => {
  const result = await compileSpec({ "domain/customer.entity.yaml": customer, "domain/invoice.entity.yaml": invoice("Customer") });
  expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(["WV200 domain/customer.entity.yaml"]);
  expect(result.ir).toBeUndefined();
});

test("a misspelt reference is still reported", async () => {
  const result = await compileSpec({ "domain/customer.entity.yaml": customer, "domain/invoice.entity.yaml": invoice("Custmer") });
  expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["WV200", "WV301"]);
});

test("entity hooks are lowered into the IR, and a missing hook module is WV502", async () => {
  const entity = `{schema}\nentity: Customer\nfields:\n  name: { type: string }\nhooks:\n  beforePersist: ./hooks/customer.ts\npolicies:\n  read: "true"\n`;
  const missing = await compileSpec({ "domain/customer.entity.yaml": entity });
  expect(missing.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(["WV502 6:18"]);
  const found = await compileSpec({ "domain/customer.entity.yaml": entity, "hooks/customer.ts": "export function beforePersist() {}\n" });
  expect(found.ir!.entities[0]!.hooks).toEqual({ beforePersist: "./hooks/customer.ts" });
});
