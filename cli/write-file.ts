/**
 * Writing build outputs so a reader (a running dev server, an editor) never sees half a file.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `text` to `path` through a temporary file and a rename, creating folders as needed.
 * Returns the size in bytes.
 *
 * @example
 * writeFileAtomic("/app/.weave/ir.json", "{}\n"); // 3
 */
export function writeFileAtomic(path: string, text: string): number {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  return Buffer.byteLength(text);
}
