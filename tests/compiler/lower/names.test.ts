import { describe, expect, test } from "bun:test";
import { humanize, pluralize, snakeCase, tableName } from "../../../compiler/lower/names.ts";

describe("names", () => {
  const cases: [string, { given: string; table: string; label: string }][] = [
    ["simple", { given: "Invoice", table: "invoices", label: "Invoice" }],
    ["two words", { given: "InvoiceLine", table: "invoice_lines", label: "Invoice line" }],
    ["y plural", { given: "Category", table: "categories", label: "Category" }],
    ["s plural", { given: "Address", table: "addresses", label: "Address" }],
    ["acronym", { given: "APIKey", table: "api_keys", label: "Api key" }],
  ];
  test.each(cases)("%s", (_, { given, table, label }) => {
    expect(tableName(given)).toBe(table);
    expect(humanize(given)).toBe(label);
  });

  test("snake_case and plural of words", () => {
    expect(snakeCase("paidAmount")).toBe("paid_amount");
    expect(pluralize("day")).toBe("days");
    expect(pluralize("box")).toBe("boxes");
  });
});
