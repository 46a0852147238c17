import type { FileStore } from "./store.ts";

/** `createServer` options for uploaded files. */
export interface FilesServerOptions {
  /** Where uploads go. Default: the local store in `<appDir>/.weave/files`; false: no file routes. */
  readonly files?: FileStore | false;
  /** The largest upload, in bytes (default 10 MiB); a field's `maxSize` can only lower it. */
  readonly maxUploadBytes?: number;
}

/** The largest upload when a field sets no `maxSize` (10 MiB), and the ceiling for any. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The path of the upload route, which has its own size limit instead of the server's body limit. */
export const UPLOAD_PATH = "/api/_files";
