import { describe, expect, test } from "bun:test";
import { labelKey } from "../../../components/core/labels.ts";

describe("labelKey", () => {
  test.each([
    ["Tax and notes", "taxAndNotes"],
    ["Amounts", "amounts"],
    ["VAT rate (%)", "vatRate"],
    // Accents fall away; letters outside ASCII split words: the key stays a valid key segment.
    ["Größe & Gewicht", "groEGewicht"],
    ["   ", "section"],
  ])("%p -> %p", (label, key) => {
    expect(labelKey(label)).toBe(key);
  });
});
