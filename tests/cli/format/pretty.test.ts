import { describe, expect, test } from "bun:test";
import { pretty } from "../../../cli/format/pretty.ts";
import { noSchemaLine, reportOf, unknownEntity, unreachable } from "./fixtures.ts";

const cases: [string, { given: Parameters<typeof pretty>[0]; want: string }][] = [
  ["clean, file count unknown", { given: reportOf([]), want: "✓ no problems\n" }],
  ["clean, file count known", { given: reportOf([], { fileCount: 5 }), want: "✓ no problems in 5 files\n" }],
  [
    "error with span and hint",
    {
      given: reportOf([unknownEntity]),
      want: [
        "app/domain/invoice.entity.yaml:4:30 - error WV301: Unknown entity `Custmer`",
        "",
        "  4 |   customer: { type: ref, to: Custmer }",
        "    |                              ^^^^^^^",
        "    = help: did you mean `Customer`?",
        "",
        "1 error in 1 file",
        "",
      ].join("\n"),
    },
  ],
  [
    "warning without end gets one caret",
    {
      given: reportOf([unreachable]),
      want: [
        "app/domain/invoice.entity.yaml:5:3 - warning WV308: State `void` cannot be reached from `draft`",
        "",
        "  5 |   status: { type: state, machine: lifecycle }",
        "    |   ^",
        "",
        "1 warning in 1 file",
        "",
      ].join("\n"),
    },
  ],
  [
    "unreadable file: no frame; counts per severity and file",
    {
      given: reportOf([unknownEntity, unreachable, noSchemaLine]),
      want: [
        "app/domain/invoice.entity.yaml:4:30 - error WV301: Unknown entity `Custmer`",
        "",
        "  4 |   customer: { type: ref, to: Custmer }",
        "    |                              ^^^^^^^",
        "    = help: did you mean `Customer`?",
        "",
        "app/domain/invoice.entity.yaml:5:3 - warning WV308: State `void` cannot be reached from `draft`",
        "",
        "  5 |   status: { type: state, machine: lifecycle }",
        "    |   ^",
        "",
        "app/weave.yaml:1:1 - info WV107: no modeline",
        "",
        "1 error, 1 warning, 1 info in 2 files",
        "",
      ].join("\n"),
    },
  ],
  [
    "hint without a frame",
    {
      given: reportOf([{ ...noSchemaLine, severity: "error", hint: "add one" }, { ...noSchemaLine, line: 2, severity: "error" }]),
      want: [
        "app/weave.yaml:1:1 - error WV107: no modeline",
        "  = help: add one",
        "",
        "app/weave.yaml:2:1 - error WV107: no modeline",
        "",
        "2 errors in 1 file",
        "",
      ].join("\n"),
    },
  ],
];

describe("pretty", () => {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(pretty(given)).toBe(want);
  });

  test("colour wraps severity, location and caret in ANSI codes", () => {
    const out = pretty(reportOf([unknownEntity], { color: true }));
    expect(out).toContain("\x1b[1m\x1b[31merror\x1b[39m\x1b[22m");
    expect(out).toContain("\x1b[36mapp/domain/invoice.entity.yaml\x1b[39m");
    expect(out).toContain("\x1b[1m\x1b[31m^^^^^^^\x1b[39m\x1b[22m");
    expect(Bun.stripANSI(out)).toBe(pretty(reportOf([unknownEntity])));
  });
});
