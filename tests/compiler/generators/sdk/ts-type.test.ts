/** JSON Schema (as TypeBox writes it) to TypeScript type text, case by case. */
import { describe, expect, test } from "bun:test";
import { Type as T } from "@sinclair/typebox";
import { propertyKey, type JsonSchema, type TypeContext, tsType } from "../../../../compiler/generators/sdk/ts-type.ts";

const read: TypeContext = { refName: (ref) => `Ref<${ref}>`, readonly: true };
const write: TypeContext = { refName: (ref) => ref, readonly: false };

const cases: [string, { given: JsonSchema; ctx?: TypeContext; want: string }][] = [
  ["string", { given: T.String({ format: "uuid" }), want: "string" }],
  ["integer and number", { given: T.Union([T.Integer(), T.Number()]), want: "number" }],
  ["boolean", { given: T.Boolean(), want: "boolean" }],
  ["nullable", { given: T.Union([T.String(), T.Null()]), want: "string | null" }],
  ["literals", { given: T.Union([T.Literal("draft"), T.Literal("sent"), T.Null()]), want: '"draft" | "sent" | null' }],
  ["an empty union", { given: T.Union([]), want: "never" }],
  ["unknown (json)", { given: T.Unknown(), want: "unknown" }],
  ["a reference", { given: T.Ref("Invoice"), ctx: read, want: "Ref<Invoice>" }],
  ["an array of a union", { given: T.Array(T.Union([T.String(), T.Null()])), want: "readonly (string | null)[]" }],
  ["a map-like object", { given: T.Record(T.String(), T.Unknown()), want: "Record<string, unknown>" }],
  ["a closed empty object", { given: T.Object({}, { additionalProperties: false }), want: "Record<string, never>" }],
  ["an object read", { given: T.Object({ a: T.String(), "b-c": T.Optional(T.Integer()) }), ctx: read, want: '{\n  readonly a: string;\n  readonly "b-c"?: number;\n}' }],
  ["an object written", { given: T.Object({ a: T.Optional(T.Object({ b: T.Boolean() })) }), ctx: write, want: "{\n  a?: {\n    b: boolean;\n  };\n}" }],
];

describe("tsType", () => {
  test.each(cases)("%s", (_, { given, ctx, want }) => {
    expect(tsType(given, ctx ?? write)).toBe(want);
  });
});

describe("propertyKey", () => {
  test.each([["number", "number"], ["customer.name", '"customer.name"'], ["$x_1", "$x_1"], ["1st", '"1st"']])("%s", (given, want) => {
    expect(propertyKey(given)).toBe(want);
  });
});
