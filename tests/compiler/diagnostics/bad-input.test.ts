/**
 * The compiler reports, never throws, on bad input: each of these odd files gives diagnostics
 * (an error, so no IR) and compileApp resolves.
 */
import { describe, expect, test } from "bun:test";
import { compileSpec, formatDiagnostics, type SpecFiles } from "../../helpers/spec-app.ts";

const entity = (body: string) => ({ "domain/a.entity.yaml": `{schema}\nentity: A\n${body}` });
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const aliases = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcde".split("").map((n, i) => `${n}: &${n} [${Array(9).fill(`*${"abcd"[i]}`).join(", ")}]`)];

const cases: [string, { given: SpecFiles; want: string }][] = [
  ["empty files of every kind", { given: { "weave.yaml": "", "policies/roles.policy.yaml": "", "domain/a.entity.yaml": "", "queries/q.query.yaml": "", "workflows/w.workflow.yaml": "", "ui/theme.yaml": "", "i18n/en.yaml": "", "seed/s.yaml": "" }, want: "WV102" }],
  ["a comment and nothing else", { given: { "domain/a.entity.yaml": "{schema}\n# just a comment\n" }, want: "WV102" }],
  ["a YAML list at the top", { given: { "weave.yaml": "- weave: 0\n- app: demo\n" }, want: "WV102" }],
  ["a scalar at the top", { given: { "policies/roles.policy.yaml": "42\n" }, want: "WV102" }],
  ["binary bytes", { given: { "domain/a.entity.yaml": new Uint8Array([0, 1, 2, 255, 254, 0x1b, 0x5b, 10, 0x3a, 0x3a, 0x7b, 0x7b, 0, 200]) }, want: "WV102" }],
  ["control characters in a mapping", { given: entity("fields: \uFFFD\uFFFD\n  \x07: x\x00\n"), want: "WV100" }],
  ["tabs as indentation", { given: entity("fields:\n\tx: { type: string }\n"), want: "WV100" }],
  ["a field whose value is a number", { given: entity("fields:\n  total: 5\n"), want: "WV202" }],
  ["`fields: null`", { given: entity("fields: null\n"), want: "WV202" }],
  ["`fields:` with nothing after it", { given: entity("fields:\n"), want: "WV202" }],
  ["a list where a field type goes", { given: entity("fields: { x: { type: [string] } }\n"), want: "WV202" }],
  ["deeply nested garbage", { given: entity(`fields: { x: { type: string } }\nmeta: { a: ${nested(200)} }\nviews: ${nested(50)}\n`), want: "WV202" }],
  ["flow collections nested deeper than the parser's stack", { given: entity(`fields: { x: { type: string } }\nmeta: ${nested(20000)}\n`), want: "WV100" }],
  ["aliases that expand to millions of nodes", { given: entity(`${aliases.join("\n")}\nfields: { x: { type: string } }\n`), want: "WV100" }],
  ["two documents in one file", { given: entity("fields: { x: { type: string } }\n---\nentity: B\n"), want: "WV102" }],
  ["a complex mapping key", { given: entity("? [complex, key]\n: value\nfields: { x: { type: string } }\n"), want: "WV200" }],
  ["an empty key", { given: entity("~: 1\nfields: { x: { type: string } }\n"), want: "WV200" }],
  ["`__proto__` keys", { given: entity("__proto__: { polluted: true }\nfields: { __proto__: { type: int } }\n"), want: "WV200" }],
  ["wrong types everywhere in weave.yaml", { given: { "weave.yaml": "{schema}\nweave: zero\napp: Demo App\ntenancy: yes\nlocales: { supported: de }\ndatabase: { url: 5 }\n" }, want: "WV202" }],
];

describe("bad input never throws", () => {
  test.each(cases)("%s", async (_, { given, want }) => {
    const result = await compileSpec(given);
    if (!result.diagnostics.some((d) => d.code === want)) throw new Error(`expected ${want}, got:\n${formatDiagnostics(result.diagnostics)}`);
    expect(result.ir).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // The parser bounds nesting (MAX_DEPTH), so hostile input is a WV400, not a stack overflow.
  test.each([
    ["parentheses", `${"(".repeat(20000)}true${")".repeat(20000)}`],
    ["negations", `${"!".repeat(20000)}true`],
    ["lists", `${"[".repeat(20000)}${"]".repeat(20000)}`],
  ])("an expression nested 20,000 %s deep", async (_, read) => {
    const result = await compileSpec(entity(`fields: { x: { type: int } }\npolicies: { read: "${read}" }\n`));
    expect(result.diagnostics.map((d) => d.code)).toContain("WV400");
    expect(result.diagnostics.find((d) => d.code === "WV400")!.message).toContain("nests more than");
  });
});
