import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appDir, displayPath } from "../../cli/app-dir.ts";
import { CliError } from "../../cli/command.ts";

test("appDir resolves folders and rejects the rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "weave-appdir-"));
  try {
    writeFileSync(join(dir, "file.txt"), "");
    expect(appDir(".", dir)).toBe(dir);
    expect(() => appDir("nope", dir)).toThrow(new CliError("no such directory: nope"));
    expect(() => appDir("file.txt", dir)).toThrow(new CliError("not a directory: file.txt"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const paths: [string, { given: [string, string]; want: string }][] = [
  ["below", { given: ["/a/b/c.yaml", "/a"], want: "b/c.yaml" }],
  ["same", { given: ["/a", "/a"], want: "." }],
  ["above", { given: ["/a/x.yaml", "/a/b"], want: "../x.yaml" }],
];

test.each(paths)("displayPath: %s", (_name, { given, want }) => {
  expect(displayPath(...given)).toBe(want);
});
