import { expect, test } from "bun:test";
import { Reporter } from "../../../compiler/diagnostics/reporter.ts";
import { scalarAt } from "../../../compiler/load/locate.ts";
import { parseSpecFile } from "../../../compiler/load/parse-file.ts";
import { valueOffsetToFile } from "../../../compiler/check/string-offsets.ts";

/** Where `needle` (found in the scalar's value) lands in the file text, through the mapping. */
function mapped(yaml: string, needle: string): string {
  const file = parseSpecFile("x.yaml", "entity", yaml, new Reporter());
  const scalar = scalarAt(file, ["guard"])!;
  const value = (file.data as { guard: string }).guard;
  const offset = valueOffsetToFile(file, scalar, value, value.indexOf(needle));
  return yaml.slice(offset, offset + needle.length);
}

test.each([
  ["plain", { given: "guard: size(lines) > 0\n" }],
  ["double quoted", { given: 'guard: "size(lines) > 0"\n' }],
  ["single quoted", { given: "guard: 'size(lines) > 0'\n" }],
  ["single quoted with escaped quote", { given: "guard: 'x == ''a'' && size(lines) > 0'\n" }],
  ["double quoted with escape", { given: 'guard: "x == \\"a\\" && size(lines) > 0"\n' }],
  ["literal block", { given: "guard: |\n  x == 1 &&\n    size(lines) > 0\n" }],
  ["folded block", { given: "guard: >\n  x == 1 &&\n  size(lines) > 0\n" }],
  ["plain over two lines", { given: "guard: x == 1 &&\n  size(lines) > 0\n" }],
])("maps offsets inside a %s string back to the file", (_, { given }) => {
  expect(mapped(given, "size(lines)")).toBe("size(lines)");
});
