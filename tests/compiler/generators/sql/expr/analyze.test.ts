/**
 * What an expression reads: row-local and immutable (a generated column can hold it), and the relation paths
 * a trigger must watch.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import type { IR } from "../../../../../compiler/ir/index.ts";
import { analyzeExpression, isRowLocalImmutable, relationPaths, type RelationStep } from "../../../../../compiler/generators/sql/expr/index.ts";
import { checked, fixtureIr } from "./fixture.ts";

let ir: IR;
beforeAll(async () => {
  ir = await fixtureIr();
});

const analyze = (source: string, entity = "Invoice") => analyzeExpression(checked(ir, source, entity).ast, { ir, entity, query: "byStatus" });

describe("isRowLocalImmutable", () => {
  const cases: [string, { given: string; want: boolean }][] = [
    ["arithmetic on columns", { given: "total * rate / 100", want: true }],
    ["a comparison with a date literal", { given: "due < '2024-01-01' && sentAt > '2024-01-01T10:00:00Z'", want: true }],
    ["a ref's foreign key", { given: "customer == null", want: true }],
    ["embedded and json members", { given: "address.city == 'x' && meta.kind == 'y'", want: true }],
    ["a written list, expanded", { given: "[1, 2].exists(x, x == qty) && status in ['sent']", want: true }],
    ["a materialized field's column", { given: "big", want: true }],
    ["a virtual field that is row-local", { given: "lines.exists(l, l.amount > 0)", want: false }],
    ["a relation", { given: "sum(lines.total)", want: false }],
    ["a member through a ref", { given: "customer.name == 'x'", want: false }],
    ["a virtual field that reads a relation", { given: "net > 0", want: false }],
    ["an embedded list (a subquery)", { given: "contacts.exists(c, c.vip)", want: false }],
    ["today()", { given: "due < today()", want: false }],
    ["now()", { given: "sentAt < now()", want: false }],
    ["user", { given: "'x' in user.roles", want: false }],
    ["tenant", { given: "tenant.member", want: false }],
    ["params", { given: "status == params.status", want: false }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(isRowLocalImmutable(checked(ir, given).ast, { ir, entity: "Invoice", query: "byStatus" })).toBe(want);
  });

  test("the line amount, as the schema generator would ask", () => {
    const amount = ir.entities.find((e) => e.name === "InvoiceLine")!.fields.find((f) => f.name === "amount")!;
    expect(isRowLocalImmutable(amount.computed!.ast, { ir, entity: "InvoiceLine" })).toBe(true);
  });
});

describe("analyzeExpression", () => {
  test("reports stable and variable use separately", () => {
    expect(analyze("due < today() && owner == user.id")).toEqual({ rowLocal: false, immutable: false, variables: ["user"], columns: ["due", "owner"], relations: [] });
  });

  test("columns of the row, through virtual fields", () => {
    expect(analyze("net > 0")).toMatchObject({ rowLocal: false, immutable: true, columns: ["id", "total"] });
  });
});

const step = (entity: string, field: string, kind: RelationStep["kind"], target: string, table: string, join: RelationStep["join"]): RelationStep => ({ entity, field, kind, target, table, join });
const LINES = step("Invoice", "lines", "many", "InvoiceLine", "invoice_lines", { kind: "inverse", column: "invoice_id" });
const CUSTOMER = step("Invoice", "customer", "ref", "Customer", "customers", { kind: "foreignKey", column: "customer_id" });
const INVOICES = step("Customer", "invoices", "many", "Invoice", "invoices", { kind: "inverse", column: "customer_id" });
const PRODUCT = step("InvoiceLine", "product", "ref", "Product", "products", { kind: "foreignKey", column: "product_id" });

describe("relationPaths", () => {
  const cases: [string, { given: string; want: { steps: RelationStep[]; columns: string[] }[] }][] = [
    ["none", { given: "total > 0 && customer != null", want: [] }],
    ["a child table and the foreign key back", { given: "sum(lines.total)", want: [{ steps: [LINES], columns: ["invoice_id", "total"] }] }],
    ["a ref", { given: "customer.name == 'x'", want: [{ steps: [CUSTOMER], columns: ["name", "id"] }] }],
    ["nested", { given: "lines.exists(l, l.product.name == 'Tea')", want: [{ steps: [LINES], columns: ["invoice_id", "product_id"] }, { steps: [LINES, PRODUCT], columns: ["name", "id"] }] }],
    [
      "through a ref to a child table",
      {
        given: "customer.invoices.lines.all(l, l.total > 0)",
        want: [
          { steps: [CUSTOMER, INVOICES], columns: ["customer_id", "id"] },
          { steps: [CUSTOMER, INVOICES, LINES], columns: ["invoice_id", "total"] },
        ],
      },
    ],
    [
      "many-to-many: the join entity is in the step",
      {
        given: "tags.exists(t, t.name == 'x')",
        want: [{ steps: [step("Invoice", "tags", "many-to-many", "Tag", "tags", { kind: "through", entity: "InvoiceTagsLink", table: "invoice_tags_links", sourceColumn: "invoice_id", targetColumn: "tag_id" })], columns: ["name"] }],
      },
    ],
    ["into a virtual field's expression", { given: "lines.exists(l, l.amount > 100)", want: [{ steps: [LINES], columns: ["invoice_id", "price", "qty"] }] }],
    [
      "the reading side of a one (the customer's row itself is not read: its id is the foreign key)",
      {
        given: "customer.profile.bio == 'x'",
        want: [{ steps: [CUSTOMER, step("Customer", "profile", "one", "Profile", "profiles", { kind: "inverse", column: "customer_id" })], columns: ["bio", "customer_id"] }],
      },
    ],
    [
      "polymorphic: one path per target",
      {
        given: "subject.name == 'x'",
        want: ["Customer", "Product"].map((target) => ({
          steps: [step("Invoice", "subject", "polymorphic", target, target === "Customer" ? "customers" : "products", { kind: "polymorphic", column: "subject_id", typeColumn: "subject_type" })],
          columns: ["name", "id"],
        })),
      },
    ],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(relationPaths(checked(ir, given).ast, { ir, entity: "Invoice" })).toEqual(want);
  });
});
