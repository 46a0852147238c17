import { describe, expect, test } from "bun:test";
import { expr } from "../../../../cli/studio/edits/render.ts";
import { appendIn, deleteIn, linesOf, renameKey, setIn, YamlEditError } from "../../../../cli/studio/edits/yaml-text.ts";

const given = `# head comment
entity: Invoice
fields:
  # The number, unique per tenant.
  number:
    type: string
    label: Number # trailing comment
  due: { type: date, label: Due on }

  # Amounts
  total: { type: money }
indexes:
  - { name: byNumber, fields: [number] }
policies:
  read: "$member"
`;

describe("yaml-text edits keep everything they do not change", () => {
  const cases: [string, { edit: (text: string) => string; want: string }][] = [
    [
      "set a new key in a block map goes after the last key, in the siblings' indentation",
      {
        edit: (t) => setIn(t, ["fields", "number", "required"], true),
        want: given.replace("    label: Number # trailing comment\n", "    label: Number # trailing comment\n    required: true\n"),
      },
    ],
    [
      "set an existing scalar replaces only the scalar, keeping its trailing comment",
      { edit: (t) => setIn(t, ["fields", "number", "label"], "Invoice number"), want: given.replace("label: Number # trailing", "label: Invoice number # trailing") },
    ],
    [
      "set inside a flow map rewrites that map alone, keeping its other scalars as written",
      { edit: (t) => setIn(t, ["fields", "due", "required"], true), want: given.replace("due: { type: date, label: Due on }", "due: { type: date, label: Due on, required: true }") },
    ],
    [
      "an expression is written in double quotes",
      { edit: (t) => setIn(t, ["policies", "update"], expr("$isBilling")), want: given.replace('read: "$member"\n', 'read: "$member"\n  update: "$isBilling"\n') },
    ],
    [
      "a missing section is created at the end, set apart by a blank line",
      { edit: (t) => setIn(t, ["views", "list", "columns"], ["number", "due"]), want: `${given}\nviews:\n  list: { columns: [number, due] }\n` },
    ],
    [
      "a key placed before another goes above that key's comments",
      {
        edit: (t) => setIn(t, ["fields", "paid"], { type: "boolean" }, { before: ["total"], style: "flow" }),
        want: given.replace("  # Amounts\n", "  paid: { type: boolean }\n  # Amounts\n"),
      },
    ],
    [
      "delete removes the key with the comment lines above it",
      { edit: (t) => deleteIn(t, ["fields", "number"]), want: given.replace("  # The number, unique per tenant.\n  number:\n    type: string\n    label: Number # trailing comment\n", "") },
    ],
    [
      "delete of the last key of a block map removes the map's key too",
      { edit: (t) => deleteIn(t, ["policies", "read"]), want: given.replace('policies:\n  read: "$member"\n', "") },
    ],
    ["rename changes the key only", { edit: (t) => renameKey(t, ["fields", "due"], "dueOn"), want: given.replace("  due: {", "  dueOn: {") }],
    [
      "append to a block list adds a `- { ... }` line in the list's indentation",
      { edit: (t) => appendIn(t, ["indexes"], { fields: ["due"], unique: true }), want: given.replace("  - { name: byNumber, fields: [number] }\n", "  - { name: byNumber, fields: [number] }\n  - { fields: [due], unique: true }\n") },
    ],
    [
      "append to a flow list inside a flow map",
      { edit: (t) => appendIn(t, ["indexes", 0, "fields"], "due"), want: given.replace("fields: [number] }", "fields: [number, due] }") },
    ],
    [
      "set a block value to a block map replaces its lines and keeps the comment above",
      {
        edit: (t) => setIn(t, ["fields", "number"], { type: "slug", label: "Number" }),
        want: given.replace("  number:\n    type: string\n    label: Number # trailing comment\n", "  number:\n    type: slug\n    label: Number\n"),
      },
    ],
  ];
  for (const [name, { edit, want }] of cases) test(name, () => expect(edit(given)).toBe(want));

  test("an edit with nothing to change returns the text unchanged", () => {
    expect(deleteIn(given, ["fields", "nothing"])).toBe(given);
    expect(renameKey(given, ["nothing", "here"], "x")).toBe(given);
  });

  test("a file that does not parse is refused", () => {
    expect(() => setIn("a: [\n", ["b"], 1)).toThrow(YamlEditError);
  });

  test("a file without a trailing newline gets one before the new key", () => {
    expect(setIn("a: 1", ["b"], 2)).toBe("a: 1\nb: 2\n");
  });

  test("linesOf gives the 1-based lines of a key and its value", () => {
    expect(linesOf(given, ["fields", "number"])).toEqual({ from: 5, to: 7 });
    expect(linesOf(given, ["indexes", 0])).toEqual({ from: 13, to: 13 });
    expect(linesOf(given, ["fields", "missing"])).toBeUndefined();
  });
});
