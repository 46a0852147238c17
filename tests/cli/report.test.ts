import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReport } from "../../cli/report.ts";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.ts";

const d = (severity: Diagnostic["severity"], file: string): Diagnostic => ({ code: "WV302", severity, message: "m", file, line: 1, column: 1 });

const relocations: [string, { given: { root: string; cwd: string; file: string }; want: string }][] = [
  ["app is the cwd", { given: { root: "/repo/app", cwd: "/repo/app", file: "domain/a.entity.yaml" }, want: "domain/a.entity.yaml" }],
  ["app below the cwd", { given: { root: "/repo/examples/invoicing", cwd: "/repo", file: "weave.yaml" }, want: "examples/invoicing/weave.yaml" }],
  ["app beside the cwd", { given: { root: "/repo/app", cwd: "/repo/other", file: "weave.yaml" }, want: "../app/weave.yaml" }],
];

test.each(relocations)("paths relative to the cwd: %s", (_name, { given, want }) => {
  const report = buildReport({ root: given.root, diagnostics: [d("error", given.file)] }, { cwd: given.cwd, color: false });
  expect(report.diagnostics[0]!.file).toBe(want);
});

test("quiet keeps errors only; file count only when the compiler lists files", () => {
  const diagnostics = [d("error", "a.yaml"), d("warning", "b.yaml"), d("info", "c.yaml")];
  const quiet = buildReport({ root: "/r", diagnostics }, { cwd: "/r", color: false, quiet: true });
  expect(quiet.diagnostics.map((x) => x.severity)).toEqual(["error"]);
  expect(quiet.fileCount).toBeUndefined();
  expect(buildReport({ root: "/r", diagnostics, files: ["x", "y"] }, { cwd: "/r", color: false }).fileCount).toBe(2);
});

test("reads sources relative to the cwd, undefined when missing", () => {
  const dir = mkdtempSync(join(tmpdir(), "weave-report-"));
  try {
    mkdirSync(join(dir, "app"));
    writeFileSync(join(dir, "app", "weave.yaml"), "app: x\n");
    const report = buildReport({ root: join(dir, "app"), diagnostics: [] }, { cwd: dir, color: false });
    expect(report.readSource("app/weave.yaml")).toBe("app: x\n");
    expect(report.readSource("app/missing.yaml")).toBeUndefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
