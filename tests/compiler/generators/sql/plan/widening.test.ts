import { expect, test } from "bun:test";
import { isWidening } from "../../../../../compiler/generators/sql/plan/widening.ts";

test.each([
  ["integer", "numeric(18,2)", true],
  ["integer", "numeric(5,2)", false],
  ["integer", "bigint", true],
  ["bigint", "integer", false],
  ["numeric(18,2)", "numeric(20,4)", true],
  ["numeric(18,2)", "numeric(18,4)", false],
  ["numeric(18,2)", "integer", false],
  ["date", "timestamptz", true],
  ["timestamptz", "date", false],
  ["uuid", "text", true],
  ["text", "uuid", false],
  ["jsonb", "text", true],
  ["boolean", "integer", false],
])("%s -> %s widening: %p", (from, to, want) => {
  expect(isWidening(from, to)).toBe(want);
});
