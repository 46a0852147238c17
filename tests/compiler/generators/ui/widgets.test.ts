import { expect, test } from "bun:test";
import { FIELD_WIDGETS, widgetFor } from "../../../../compiler/generators/ui/widgets.ts";
import irSchema from "../../../../schema/ir.schema.json" with { type: "json" };

test("every field type of the IR has a widget entry, each a weave-input-* tag (many has none: it is a list)", () => {
  expect(Object.keys(FIELD_WIDGETS).sort()).toEqual([...irSchema.definitions.FieldType.enum].sort());
  for (const [type, tag] of Object.entries(FIELD_WIDGETS)) {
    if (type === "many") expect(tag).toBeNull();
    else expect(tag).toMatch(/^weave-input-[a-z]+$/);
  }
  expect(widgetFor("text")).toBe("weave-input-textarea");
});
