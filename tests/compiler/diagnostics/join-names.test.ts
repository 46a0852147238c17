/**
 * WV300 for generated join entities: a many-to-many relation without `through` gets a join
 * entity named `<Entity><Field>Link` (compiler/lower/join-entities.ts), which must not take a
 * name already in use. codes.test.ts has the clash with a declared entity.
 */
import { expect, test } from "bun:test";
import { compileSpec, expectDiagnostic, loadSpec, yaml } from "../../helpers/spec-app.ts";

const entity = (name: string, fields: string) => `{schema}\nentity: ${name}\nfields:\n${fields}\npolicies:\n  read: "true"\n`;

const tag = entity("Tag", "  name: { type: string }");

test("two relations whose generated join entities would share a name", async () => {
  const result = await compileSpec({
    "domain/tag.entity.yaml": tag,
    "domain/invoice.entity.yaml": entity("Invoice", "  tagsX: { type: many-to-many, to: Tag }"),
    "domain/invoice-tags.entity.yaml": entity("InvoiceTags", "  x: { type: many-to-many, to: Tag }"),
  });
  expectDiagnostic(result, {
    code: "WV300",
    file: "domain/invoice.entity.yaml",
    line: 4,
    column: 3,
    message: "Invoice.tagsX generates a join entity named `InvoiceTagsXLink`, but InvoiceTags.x generates one of that name too",
    hint: "give one of the two relations its own join entity with `through:`",
  });
  expect(result.ir).toBeUndefined();
});

test("a relation and its inverse share one join entity, so the inverse's name is free", async () => {
  const { ir } = await loadSpec({
    "domain/tag.entity.yaml": entity("Tag", "  name: { type: string }\n  invoices: { type: many-to-many, to: Invoice, inverse: tags }"),
    "domain/invoice.entity.yaml": entity("Invoice", "  tags: { type: many-to-many, to: Tag, inverse: invoices }"),
    "domain/tag-invoices-link.entity.yaml": entity("TagInvoicesLink", "  note: { type: string }"),
  }, { clean: true });
  expect(ir.entities.map((e) => e.name)).toEqual(["Invoice", "InvoiceTagsLink", "Tag", "TagInvoicesLink"]);
});

test("the generated join entity is in the IR when its name is free", async () => {
  const { ir } = await loadSpec({ "domain/tag.entity.yaml": tag, "domain/invoice.entity.yaml": entity("Invoice", "  tags: { type: many-to-many, to: Tag }") }, { clean: true });
  expect(ir.entities.find((e) => e.name === "InvoiceTagsLink")?.generated).toBe(true);
});

test("yaml strips the common indentation", () => {
  expect(yaml`
    a: 1
    b:
      c: 2
  `).toBe("a: 1\nb:\n  c: 2\n");
});
