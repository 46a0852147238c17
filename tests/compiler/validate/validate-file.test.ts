import { expect, test } from "bun:test";
import { Reporter } from "../../../compiler/diagnostics/reporter.ts";
import { parseSpecFile } from "../../../compiler/load/parse-file.ts";
import { pointerToPath, validateFile } from "../../../compiler/validate/validate-file.ts";

const MODELINE = "# yaml-language-server: $schema=../schema/entity.schema.json\n";

function validate(body: string) {
  const reporter = new Reporter();
  const file = parseSpecFile("domain/a.entity.yaml", "entity", MODELINE + body, reporter);
  const valid = validateFile(file, reporter);
  return { valid, diagnostics: reporter.sorted() };
}

test("a valid entity passes", () => {
  expect(validate("entity: A\nfields:\n  name: { type: string, required: true }\n")).toEqual({ valid: true, diagnostics: [] });
});

test.each([
  ["unknown key, at the key, with a suggestion", { given: "entity: A\nfields:\n  name: { type: string, requird: true }\n", code: "WV200", line: 4, column: 25, hint: "did you mean `required`?" }],
  ["missing required key", { given: "fields:\n  name: { type: string }\n", code: "WV201", line: 2, column: 1 }],
  ["wrong type", { given: "entity: A\nfields:\n  name: { type: string, required: yes please }\n", code: "WV202", line: 4, column: 35 }],
  ["unknown field type, with a suggestion", { given: "entity: A\nfields:\n  total: { type: mony }\n", code: "WV203", line: 4, column: 18, hint: "did you mean `money`?" }],
  ["bad entity name", { given: "entity: invoice\nfields:\n  name: { type: string }\n", code: "WV204", line: 2, column: 9 }],
  ["bad field name, at the key", { given: "entity: A\nfields:\n  Name: { type: string }\n", code: "WV204", line: 4, column: 3 }],
  ["option of another type", { given: "entity: A\nfields:\n  n: { type: int, currency: EUR }\n", code: "WV200", line: 4, column: 19 }],
] as [string, { given: string; code: string; line: number; column: number; hint?: string }][])("%s", (_, { given, code, line, column, hint }) => {
  const { valid, diagnostics } = validate(given);
  expect(valid).toBe(false);
  const found = diagnostics.find((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toBeDefined();
  expect([found!.line, found!.column]).toEqual([line, column]);
  if (hint) expect(found!.hint).toBe(hint);
});

test("every violation is reported, not only the first", () => {
  const { diagnostics } = validate("entity: a\nfields:\n  x: { type: string, foo: 1 }\n  y: { type: int, bar: 2 }\n");
  expect(diagnostics.map((d) => d.code).sort()).toEqual(["WV200", "WV200", "WV204"]);
});

test("JSON pointers become document paths", () => {
  expect(pointerToPath("")).toEqual([]);
  expect(pointerToPath("/fields/a~1b/values/2")).toEqual(["fields", "a/b", "values", 2]);
});
