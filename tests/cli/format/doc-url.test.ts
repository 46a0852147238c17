import { expect, test } from "bun:test";
import { diagnosticDocUrl, repositoryUrl } from "../../../cli/format/doc-url.ts";

const repos: [string, { given: Parameters<typeof repositoryUrl>[0]; want: string | undefined }][] = [
  ["none", { given: {}, want: undefined }],
  ["git+https object", { given: { repository: { url: "git+https://github.com/a/b.git" } }, want: "https://github.com/a/b" }],
  ["shorthand", { given: { repository: "a/b" }, want: "https://github.com/a/b" }],
  ["github: shorthand", { given: { repository: "github:a/b" }, want: "https://github.com/a/b" }],
  ["git://", { given: { repository: "git://github.com/a/b.git" }, want: "https://github.com/a/b" }],
];

test.each(repos)("repositoryUrl: %s", (_name, { given, want }) => {
  expect(repositoryUrl(given)).toBe(want);
});

test("doc URLs are absolute and anchor the lower-cased code", () => {
  const url = new URL(diagnosticDocUrl("WV301"));
  expect(url.pathname).toEndWith("spec/diagnostics.md");
  expect(url.hash).toBe("#wv301");
});
