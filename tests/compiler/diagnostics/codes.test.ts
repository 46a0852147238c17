/**
 * One table test per diagnostic code: a minimal bad spec gives the code at the right file, line
 * and column, and the same spec fixed compiles clean. spec/diagnostics.md shows the same examples.
 */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { codes, type CodeInfo } from "../../../compiler/diagnostics/codes.ts";
import { compileSpec, expectDiagnostic, formatDiagnostics } from "../../helpers/spec-app.ts";
import type { CodeTable } from "./cases/case.ts";
import { filesAndYaml } from "./cases/wv1xx.ts";
import { schemaValidation } from "./cases/wv2xx.ts";
import { namesAndReferences } from "./cases/wv30x.ts";
import { moreNamesAndReferences } from "./cases/wv31x.ts";
import { queryColumns } from "./cases/wv33x.ts";
import { expressions } from "./cases/wv4xx.ts";
import { appConfiguration } from "./cases/wv5xx.ts";

const table: CodeTable = [
  ...filesAndYaml,
  ...schemaValidation,
  ...namesAndReferences,
  ...moreNamesAndReferences,
  ...queryColumns,
  ...expressions,
  ...appConfiguration,
];

const rows = table.map(([code, c]) => [`${code} ${c.name}`, code, c] as const);

describe("every diagnostic code", () => {
  test("has a case in the table", () => {
    const covered = new Set(table.map(([code]) => code));
    expect(Object.keys(codes).filter((code) => !covered.has(code as keyof typeof codes))).toEqual([]);
  });

  test("has a `## WVnnn` heading in spec/diagnostics.md with its title and severity", async () => {
    const doc = await Bun.file(join(import.meta.dir, "../../../spec/diagnostics.md")).text();
    const heading = (code: string, { title, severity }: CodeInfo) => `## ${code}\n\n**${title}** · ${severity}\n`;
    expect(Object.entries(codes).filter(([code, info]) => !doc.includes(heading(code, info))).map(([code]) => code)).toEqual([]);
  });

  test.each(rows)("%s: reported where the mistake is", async (_, code, { given, want }) => {
    const result = await compileSpec(given);
    const found = expectDiagnostic(result, { code, severity: codes[code].severity, ...want });
    const same = result.diagnostics.filter((d) => d.code === code && d.file === found.file && d.line === found.line && d.column === found.column);
    if (same.length > 1) throw new Error(`reported more than once:\n${formatDiagnostics(same)}`);
    if (codes[code].severity === "error") expect(result.ir).toBeUndefined();
  });

  test.each(rows)("%s: the fixed spec compiles clean", async (_, code, { fixed, fixedAllows = [] }) => {
    const result = await compileSpec(fixed);
    const left = result.diagnostics.filter((d) => !fixedAllows.includes(d.code as never));
    if (left.length > 0) throw new Error(`expected no diagnostics, got:\n${formatDiagnostics(left)}`);
    expect(result.diagnostics.some((d) => d.code === code)).toBe(false);
    expect(result.ir).toBeDefined();
  });
});
