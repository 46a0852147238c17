/**
 * Opening the embedded database: PGlite in a data folder, or in memory.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pgliteParsers, pgliteSerializers } from "./value-types.ts";

/** `dataDir` value for a database that lives only in memory. */
export const MEMORY = "memory";

export interface PGliteOptions {
  /** Absolute data folder, created when missing, or `"memory"`. */
  readonly dataDir: string;
  /** A `dumpDataDir()` tarball to start from instead of running initdb (~0.3 s instead of ~4 s). */
  readonly loadDataDir?: Blob | File;
}

/**
 * A PGlite instance with weave's value parsers. Not ready yet: Kysely's PGlite driver waits for it.
 * Close it (an open instance keeps the process alive).
 *
 * @example
 * const pglite = openPGlite({ dataDir: "/app/.weave/pglite" });
 */
export function openPGlite(options: PGliteOptions): PGlite {
  const common = {
    parsers: pgliteParsers,
    serializers: pgliteSerializers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  };
  if (options.dataDir === MEMORY) return new PGlite(common);
  mkdirSync(options.dataDir, { recursive: true });
  return new PGlite(options.dataDir, common);
}

/** Closes `pglite` once it is ready (closing during startup fails); safe to call twice. */
export async function closePGlite(pglite: PGlite): Promise<void> {
  await pglite.waitReady.catch(() => {});
  if (!pglite.closed) await pglite.close();
}
