import { expect, test } from "bun:test";
import { styles, useColor } from "../../../cli/format/ansi.ts";

const cases: [string, { given: { tty: boolean; env: Record<string, string> }; want: boolean }][] = [
  ["terminal", { given: { tty: true, env: {} }, want: true }],
  ["pipe", { given: { tty: false, env: {} }, want: false }],
  ["NO_COLOR on a terminal", { given: { tty: true, env: { NO_COLOR: "1" } }, want: false }],
  ["empty NO_COLOR is unset", { given: { tty: true, env: { NO_COLOR: "" } }, want: true }],
  ["FORCE_COLOR on a pipe", { given: { tty: false, env: { FORCE_COLOR: "1" } }, want: true }],
  ["FORCE_COLOR beats NO_COLOR", { given: { tty: false, env: { FORCE_COLOR: "", NO_COLOR: "1" } }, want: true }],
  ["FORCE_COLOR=0 turns it off", { given: { tty: true, env: { FORCE_COLOR: "0" } }, want: false }],
];

test.each(cases)("useColor: %s", (_name, { given, want }) => {
  expect(useColor({ write() {}, isTTY: given.tty }, given.env)).toBe(want);
});

test("styles without colour return the text", () => {
  expect(styles(false).red("x")).toBe("x");
  expect(styles(true).red("x")).toBe("\x1b[31mx\x1b[39m");
});
