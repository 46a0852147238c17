/**
 * The compiler keeps going after the first problem: one compilation reports every mistake of an
 * app, each at its own place, and gives no IR.
 */
import { expect, test } from "bun:test";
import { compileSpec, expectDiagnostic, yaml } from "../../helpers/spec-app.ts";

const invoice = yaml`
  {schema}
  entity: Invoice
  fields:
    number: { type: string, required: true }
    customer: { type: ref, to: Custmer }
    total: { type: money, currency: EUR }
    status: { type: state, machine: lifecycle }
  states:
    lifecycle:
      initial: draft
      states: { draft: {}, sent: {}, paid: { final: true } }
      transitions:
        send: { from: draft, to: sent }
        pay: { from: sent, to: paied }
  rules:
    - { name: positive, check: "total > 'zero'" }
  policies:
    read: "true"
`;

const product = yaml`
  {schema}
  entity: Product
  fields:
    name: { type: string, required: true }
    price: { type: money, currency: EUR }
    name: { type: text }
  policies:
    read: "true"
`;

const payment = yaml`
  {schema}
  entity: Payment
  fields:
    Amount: { type: money, currency: EUR }
    paidOn: { type: date, requird: true }
  policies:
    read: "true"
`;

test("a spec with several mistakes reports every one", async () => {
  const result = await compileSpec({
    "domain/invoice.entity.yaml": invoice,
    "domain/product.entity.yaml": product,
    "domain/payment.entity.yaml": payment,
  });
  const want = [
    { code: "WV301", file: "domain/invoice.entity.yaml", line: 5, column: 30, hint: "expected one of: `Invoice`" }, // unknown entity
    { code: "WV307", file: "domain/invoice.entity.yaml", line: 14, column: 30, hint: "did you mean `paid`?" }, // unknown state
    { code: "WV403", file: "domain/invoice.entity.yaml", line: 16, column: 31 }, // expression type error
    { code: "WV204", file: "domain/payment.entity.yaml", line: 4, column: 3 }, // field name not camelCase
    { code: "WV200", file: "domain/payment.entity.yaml", line: 5, column: 25, hint: "did you mean `required`?" }, // unknown key
    { code: "WV101", file: "domain/product.entity.yaml", line: 6, column: 3 }, // YAML duplicate key
  ] as const;
  for (const diagnostic of want) expectDiagnostic(result, diagnostic);
  expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code).sort()).toEqual(want.map((d) => d.code).sort());
  expect(result.ir).toBeUndefined();
});
