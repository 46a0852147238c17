import { expect, test } from "bun:test";
import { resolve } from "node:path";

// The whole tree type-checks under strict mode: a type error is a failing test, not a warning.
test("tsc --noEmit passes on the whole repository", async () => {
  const root = resolve(import.meta.dir, "..");
  const tsc = Bun.spawn([resolve(root, "node_modules/.bin/tsc"), "--noEmit", "-p", root], { cwd: root, stdout: "pipe", stderr: "pipe" });
  const [out, code] = await Promise.all([new Response(tsc.stdout).text(), tsc.exited]);
  expect(out).toBe("");
  expect(code).toBe(0);
}, 120_000);
