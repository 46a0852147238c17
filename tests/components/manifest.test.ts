import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { MANIFEST_PATH, manifestJson } from "../../components/manifest.ts";

test("components/custom-elements.json is up to date with the element sources (npm run build:manifest)", () => {
  const manifest = JSON.parse(manifestJson()) as { modules: { declarations?: { tagName?: string }[] }[] };
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
  for (const tag of ["weave-app", "weave-list", "weave-form", "weave-detail", "weave-actions", "weave-kanban", "weave-input-reference", "weave-dashboard"]) expect(tags).toContain(tag);
  expect(readFileSync(MANIFEST_PATH, "utf8")).toBe(manifestJson());
}, 30_000);
