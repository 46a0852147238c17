import { expect, test } from "bun:test";
import { closest } from "../../cli/suggest.ts";

const cases: [string, { given: [string, string[]]; want: string | undefined }][] = [
  ["one typo", { given: ["chek", ["check", "compile"]], want: "check" }],
  ["transposition", { given: ["comiple", ["check", "compile"]], want: "compile" }],
  ["case", { given: ["CHECK", ["check"]], want: "check" }],
  ["too far", { given: ["deploy", ["check", "compile"]], want: undefined }],
  ["short words need a close match", { given: ["ab", ["xy"]], want: undefined }],
];

test.each(cases)("closest: %s", (_name, { given, want }) => {
  expect(closest(...given)).toBe(want);
});
