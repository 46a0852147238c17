import { describe, expect, test } from "bun:test";
import { closest as suggest, didYouMean, distance as levenshtein } from "../../../compiler/diagnostics/suggest.ts";

describe("levenshtein", () => {
  const cases: [string, { given: [string, string]; want: number }][] = [
    ["equal", { given: ["total", "total"], want: 0 }],
    ["insertion", { given: ["totl", "total"], want: 1 }],
    ["deletion", { given: ["totall", "total"], want: 1 }],
    ["substitution", { given: ["totel", "total"], want: 1 }],
    ["adjacent swap counts once", { given: ["nmae", "name"], want: 1 }],
    ["from empty", { given: ["", "abc"], want: 3 }],
    ["to empty", { given: ["abc", ""], want: 3 }],
    ["unrelated", { given: ["kitten", "sitting"], want: 3 }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(levenshtein(...given)).toBe(want));
});

describe("suggest", () => {
  const cases: [string, { given: [string, string[]]; want: string | undefined }][] = [
    ["closest wins", { given: ["custmer", ["customer", "costumes"]], want: "customer" }],
    ["case-insensitive match", { given: ["Status", ["status"]], want: "status" }],
    ["too far", { given: ["abc", ["xyz"]], want: undefined }],
    ["short names allow one edit", { given: ["ab", ["ac", "zz"]], want: "ac" }],
    ["no candidates", { given: ["abc", []], want: undefined }],
    ["tie goes to the first", { given: ["cat", ["bat", "hat"]], want: "bat" }],
  ];
  test.each(cases)("%s", (_, { given, want }) => expect(suggest(...given)).toBe(want));

  test("didYouMean formats the match", () => {
    expect(didYouMean("stauts", ["status"])).toBe("did you mean `status`?");
    expect(didYouMean("stauts", ["status"], (c) => `'${c}'`)).toBe("did you mean 'status'?");
    expect(didYouMean("zzz", ["status"])).toBeUndefined();
  });
});
