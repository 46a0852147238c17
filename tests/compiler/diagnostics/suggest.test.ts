import { expect, test } from "bun:test";
import { closest, didYouMean, distance, suggestion } from "../../../compiler/diagnostics/suggest.ts";

test("distance is Levenshtein", () => {
  expect(distance("kitten", "sitting")).toBe(3);
  expect(distance("", "abc")).toBe(3);
  expect(distance("same", "same")).toBe(0);
});

test.each([
  ["typo", { given: "Custmer", candidates: ["Customer", "Invoice"], want: "Customer" }],
  ["case only", { given: "invoice", candidates: ["Invoice", "Payment"], want: "Invoice" }],
  ["too far", { given: "Zebra", candidates: ["Customer", "Invoice"], want: undefined }],
  ["closest of two", { given: "mony", candidates: ["money", "many"], want: "money" }],
])("closest: %s", (_, { given, candidates, want }) => {
  expect(closest(given, candidates)).toBe(want);
});

test("suggestion lists a few choices when none is close; didYouMean does not", () => {
  expect(suggestion("zzz", ["a", "b"])).toBe("expected one of: `a`, `b`");
  expect(didYouMean("zzz", ["a", "b"])).toBeUndefined();
  expect(suggestion("mony", ["money"])).toBe("did you mean `money`?");
});
