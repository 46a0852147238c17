/**
 * The embedded database's lock file: one process at a time per data folder.
 */
import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockDataDir } from "../../cli/serve/pglite-lock.ts";

const dir = mkdtempSync(join(tmpdir(), "weave-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("taken, refused while a live process holds it, released", () => {
  const dataDir = join(dir, "a/.weave/pglite");
  const lock = lockDataDir(dataDir);
  if ("heldBy" in lock) throw new Error("expected the lock");
  expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
  // Another live process (this test's parent stands in for it) holds it:
  writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`);
  expect(lockDataDir(dataDir)).toEqual({ heldBy: process.ppid });
  writeFileSync(`${dataDir}.lock`, `${process.pid}\n`);
  lock.release();
  expect(existsSync(`${dataDir}.lock`)).toBe(false);
});

test("a lock left by a process that is gone is taken over", () => {
  const dataDir = join(dir, "b/pglite");
  const gone = Bun.spawnSync([process.execPath, "-e", "0"]).pid;
  lockDataDir(dataDir); // creates the folder and the file
  writeFileSync(`${dataDir}.lock`, `${gone}\n`);
  const lock = lockDataDir(dataDir);
  expect("release" in lock).toBe(true);
  expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(`${process.pid}\n`);
});

test("release leaves a lock that another process took over alone", () => {
  const dataDir = join(dir, "c/pglite");
  const lock = lockDataDir(dataDir);
  if ("heldBy" in lock) throw new Error("expected the lock");
  writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`);
  lock.release();
  expect(readFileSync(`${dataDir}.lock`, "utf8")).toBe(`${process.ppid}\n`);
});

test("weave migrate, audit and reencrypt refuse an embedded database another process holds", async () => {
  const { tempApps, cleanApp, weave } = await import("./temp-app.ts");
  const apps = tempApps({ app: cleanApp });
  try {
    const dataDir = join(apps.dir, "app/.weave/pglite");
    lockDataDir(dataDir); // creates the folder and the file
    writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`); // a live process holds it
    for (const argv of [["migrate", "status", "app"], ["audit", "verify", "app"], ["reencrypt", "app", "--check"]]) {
      const { code, err } = await weave(apps.dir, argv, { WEAVE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") });
      expect({ argv, code }).toEqual({ argv, code: 1 });
      expect(err).toContain(`is in use by another process (pid ${process.ppid})`);
    }
  } finally {
    apps.remove();
  }
});
