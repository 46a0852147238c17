/**
 * The default file store: the app's `.weave/files` folder, one file per key plus a JSON sidecar
 * with its description.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FILE_KEY, type FileStore, type StoredFile } from "./store.ts";

/** Where the local store keeps files, relative to the app folder. */
export const DEFAULT_FILES_DIR = ".weave/files";

/**
 * A store on the local disk.
 *
 * @example const files = localFileStore("/srv/app/.weave/files");
 */
export function localFileStore(dir: string): FileStore {
  const path = (key: string, suffix = "") => {
    if (!FILE_KEY.test(key)) throw new Error(`not a file key: ${key}`); // keys come from us; this guards the path
    return join(dir, `${key}${suffix}`);
  };
  return {
    async put(file, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(path(file.key), bytes);
      await writeFile(path(file.key, ".json"), JSON.stringify(file));
    },
    async get(key) {
      if (!FILE_KEY.test(key)) return undefined;
      try {
        const file = JSON.parse(await readFile(path(key, ".json"), "utf8")) as StoredFile;
        return { file, body: Bun.file(path(key), { type: file.type }) };
      } catch {
        return undefined;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
      await rm(path(key, ".json"), { force: true });
    },
  };
}
