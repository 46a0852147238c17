/**
 * One process at a time on an embedded database: PGlite takes no lock on its data folder, and two
 * processes writing one folder corrupt it. `weave dev` and `weave serve` hold `<folder>.lock`
 * (holding the owner's pid) while they run; a lock whose process is gone is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type LockOutcome = { readonly release: () => void } | { readonly heldBy: number };

/**
 * Takes the lock of `dataDir`, or says which live process holds it.
 *
 * @example
 *   const lock = lockDataDir("/app/.weave/pglite");
 *   if ("heldBy" in lock) throw new Error(`pid ${lock.heldBy} uses it`);
 *   try { ... } finally { lock.release(); }
 */
export function lockDataDir(dataDir: string): LockOutcome {
  const path = `${dataDir}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (holder > 0 && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  return { heldBy: Number(readFileSync(path, "utf8").trim()) };
}

function releaseIfOurs(path: string): void {
  try {
    if (Number(readFileSync(path, "utf8").trim()) === process.pid) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}
