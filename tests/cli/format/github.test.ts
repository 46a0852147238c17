import { expect, test } from "bun:test";
import { escapeData, escapeProperty, github } from "../../../cli/format/github.ts";
import { noSchemaLine, reportOf, unknownEntity, unreachable } from "./fixtures.ts";

const escaping: [string, { given: string; want: { data: string; property: string } }][] = [
  ["plain", { given: "abc", want: { data: "abc", property: "abc" } }],
  ["percent first", { given: "100%0A", want: { data: "100%250A", property: "100%250A" } }],
  ["newlines", { given: "a\r\nb", want: { data: "a%0D%0Ab", property: "a%0D%0Ab" } }],
  ["colon and comma only in properties", { given: "a:b,c", want: { data: "a:b,c", property: "a%3Ab%2Cc" } }],
];

test.each(escaping)("escape: %s", (_name, { given, want }) => {
  expect({ data: escapeData(given), property: escapeProperty(given) }).toEqual(want);
});

test("one annotation per diagnostic, by severity", () => {
  expect(github(reportOf([unknownEntity, unreachable, noSchemaLine]))).toBe(
    [
      "::error file=app/domain/invoice.entity.yaml,line=4,col=30,endLine=4,endColumn=37,title=WV301::Unknown entity `Custmer`%0A%0Ahelp: did you mean `Customer`?",
      "::warning file=app/domain/invoice.entity.yaml,line=5,col=3,title=WV308::State `void` cannot be reached from `draft`",
      "::notice file=app/weave.yaml,line=1,col=1,title=WV107::no modeline",
      "",
    ].join("\n"),
  );
});

test("paths with commas and colons are escaped, messages keep them", () => {
  const d = { ...noSchemaLine, file: "a,b:c/weave.yaml", message: "x: 50%, y\nz" };
  expect(github(reportOf([d]))).toBe("::notice file=a%2Cb%3Ac/weave.yaml,line=1,col=1,title=WV107::x: 50%25, y%0Az\n");
});

test("clean report prints nothing", () => {
  expect(github(reportOf([]))).toBe("");
});
