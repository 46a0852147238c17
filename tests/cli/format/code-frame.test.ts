import { expect, test } from "bun:test";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.ts";
import { codeFrame, type Frame } from "../../../cli/format/code-frame.ts";

const at = (span: Partial<Diagnostic>): Diagnostic => ({
  code: "WV302",
  severity: "error",
  message: "m",
  file: "f.yaml",
  line: 2,
  column: 5,
  ...span,
});
const source = "a: 1\nto: Custmer\r\n\tx: y\nlast";

const cases: [string, { given: Diagnostic; want: Frame | undefined }][] = [
  ["span on one line", { given: at({ endLine: 2, endColumn: 12 }), want: { lineNumber: 2, text: "to: Custmer", start: 4, width: 7 } }],
  ["no end: one caret", { given: at({}), want: { lineNumber: 2, text: "to: Custmer", start: 4, width: 1 } }],
  ["span over lines: to end of line", { given: at({ endLine: 3, endColumn: 2 }), want: { lineNumber: 2, text: "to: Custmer", start: 4, width: 7 } }],
  ["end past the line is clamped", { given: at({ endLine: 2, endColumn: 99 }), want: { lineNumber: 2, text: "to: Custmer", start: 4, width: 7 } }],
  ["tab expands in text and offset", { given: at({ line: 3, column: 2, endColumn: 3, endLine: 3 }), want: { lineNumber: 3, text: "  x: y", start: 2, width: 1 } }],
  ["column at end of line", { given: at({ line: 4, column: 5 }), want: { lineNumber: 4, text: "last", start: 4, width: 1 } }],
  ["line past the file", { given: at({ line: 9 }), want: undefined }],
  ["line 0", { given: at({ line: 0 }), want: undefined }],
];

test.each(cases)("codeFrame: %s", (_name, { given, want }) => {
  expect(codeFrame(source, given)).toEqual(want);
});
