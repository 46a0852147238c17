import { expect, test } from "bun:test";
import { canonicalJson, contentHash } from "../../../compiler/lower/hash.ts";

test("canonical JSON sorts keys at every level and drops undefined", () => {
  expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
});

test("hash ignores key order but not values or array order", () => {
  expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
  expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
  expect(contentHash({})).toMatch(/^sha256:[0-9a-f]{64}$/);
});
