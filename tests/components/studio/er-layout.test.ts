import { expect, test } from "bun:test";
import { BOX_WIDTH, layoutDiagram } from "../../../components/studio/er-layout.ts";

const ref = (to: string) => ({ kind: "ref", to: [to] });

test("an entity sits below the entities it refers to; a many that mirrors a ref is not drawn twice", () => {
  const layout = layoutDiagram([
    { name: "Invoice", fields: [{ name: "customer", relation: ref("Customer") }, { name: "lines", relation: { kind: "many", to: ["Line"], inverse: "invoice" } }] },
    { name: "Line", fields: [{ name: "invoice", relation: ref("Invoice") }] },
    { name: "Customer", fields: [{ name: "name" }] },
    { name: "Tag", fields: [] },
  ]);
  const y = Object.fromEntries(layout.boxes.map((b) => [b.name, b.y]));
  expect(y.Customer).toBe(0);
  expect(y.Tag).toBe(0);
  expect(y.Invoice).toBeGreaterThan(y.Customer!);
  expect(y.Line).toBeGreaterThan(y.Invoice!);
  expect(layout.edges).toEqual([
    { from: "Invoice", to: "Customer", field: "customer", kind: "ref" },
    { from: "Line", to: "Invoice", field: "invoice", kind: "ref" },
  ]);
  expect(layout.width).toBe(BOX_WIDTH * 2 + 48);
});

test("a cycle of references still lays out every entity once", () => {
  const layout = layoutDiagram([
    { name: "A", fields: [{ name: "b", relation: ref("B") }] },
    { name: "B", fields: [{ name: "a", relation: ref("A") }] },
  ]);
  expect(layout.boxes.map((b) => b.name).sort()).toEqual(["A", "B"]);
});
