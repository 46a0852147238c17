import { expect, test } from "bun:test";
import { Reporter } from "../../../compiler/diagnostics/reporter.ts";
import { locate } from "../../../compiler/load/locate.ts";
import { parseSpecFile } from "../../../compiler/load/parse-file.ts";

const MODELINE = "# yaml-language-server: $schema=../schema/entity.schema.json\n";

function parse(text: string) {
  const reporter = new Reporter();
  const file = parseSpecFile("domain/a.entity.yaml", "entity", text, reporter);
  return { file, diagnostics: reporter.sorted() };
}

test("a valid file gives data and no diagnostics", () => {
  const { file, diagnostics } = parse(`${MODELINE}entity: A\nfields:\n  name: { type: string }\n`);
  expect(diagnostics).toEqual([]);
  expect(file.data).toEqual({ entity: "A", fields: { name: { type: "string" } } });
});

test.each([
  ["duplicate key", { given: `${MODELINE}entity: A\nentity: B\n`, code: "WV101", line: 3, column: 1 }],
  ["bad indentation", { given: `${MODELINE}entity: A\nfields:\n  a: 1\n b: 2\n`, code: "WV100", line: 5, column: 1 }],
  ["unclosed flow mapping", { given: `${MODELINE}entity: A\nfields: { name: { type: string }\n`, code: "WV100", line: 4, column: undefined }],
  ["a list, not a mapping", { given: `${MODELINE}- a\n- b\n`, code: "WV102", line: 2, column: 1 }],
  ["no modeline", { given: "entity: A\nfields: {}\n", code: "WV107", line: 1, column: 1 }],
] as [string, { given: string; code: string; line: number; column?: number }][])("%s is reported with its position", (_, { given, code, line, column }) => {
  const { diagnostics } = parse(given);
  const found = diagnostics.find((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics)).toBeDefined();
  expect(found!.line).toBe(line);
  if (column !== undefined) expect(found!.column).toBe(column);
});

test("YAML errors leave no data, so later passes skip the file", () => {
  expect(parse(`${MODELINE}a: [\n`).file.data).toBeUndefined();
});

test("locate points at keys and values, and falls back to the deepest existing node", () => {
  const { file } = parse(`${MODELINE}entity: A\nfields:\n  customer: { type: ref, to: Custmer }\n`);
  expect(locate(file, ["fields", "customer", "to"], "value")).toMatchObject({ line: 4, column: 30, endColumn: 37 });
  expect(locate(file, ["fields", "customer"], "key")).toMatchObject({ line: 4, column: 3 });
  expect(locate(file, ["fields", "customer", "missing"], "value")).toMatchObject({ line: 4, column: 13 });
});
