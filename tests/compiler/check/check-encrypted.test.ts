/** WV319: what an encrypted field cannot be, since the database holds only its ciphertext. */
import { expect, test } from "bun:test";
import { loadSpec, loadSpecWithError, yaml } from "../../helpers/spec-app.ts";

const entity = (field: string, extra = "") => ({
  "domain/patient.entity.yaml": yaml`
    {schema}
    entity: Patient
    ${extra}
    fields:
      name: { type: string }
      ${field}
    policies: { read: "true" }
  `,
});

test.each([
  ["unique", "iban: { type: string, encrypted: true, unique: true }", "", "encrypted field `iban` cannot be unique"],
  ["unique within", "iban: { type: string, encrypted: true, uniqueWithin: [name] }", "", "encrypted field `iban` cannot be unique"],
  ["with a default", "iban: { type: string, encrypted: true, default: x }", "", "cannot be given a database default"],
  ["a ref", "other: { type: ref, to: Patient, encrypted: true }", "", "a ref field cannot be encrypted"],
  ["indexed", "iban: { type: string, encrypted: true }", "indexes: [{ fields: [iban] }]", "`iban` is encrypted and cannot be indexed"],
  ["searched", "iban: { type: string, encrypted: true }", "search: [name, iban]", "`iban` is encrypted and cannot be searched"],
  ["the key", "iban: { type: string, encrypted: true, required: true }", "id: none\n    key: [name, iban]", "key field `iban` is encrypted"],
])("an encrypted field %s is WV319", async (_name, field, extra, message) => {
  const result = await loadSpecWithError(entity(field, extra), "WV319");
  expect(result.diagnostics.filter((d) => d.code === "WV319").map((d) => d.message)).toEqual([expect.stringContaining(message)]);
});

test("an encrypted field of any stored scalar type compiles", async () => {
  const { ir } = await loadSpec(entity("iban: { type: string, encrypted: true }\n      score: { type: int, encrypted: true }\n      chart: { type: json, encrypted: true }"));
  expect(ir.entities[0]!.fields.filter((f) => f.encrypted).map((f) => f.name)).toEqual(["iban", "score", "chart"]);
});
