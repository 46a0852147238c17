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
