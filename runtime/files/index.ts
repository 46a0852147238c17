/** Uploaded files: the store interface, the local-disk store, and the routes. */
export type { FileStore, StoredFile } from "./store.ts";
export { localFileStore, DEFAULT_FILES_DIR } from "./local-store.ts";
export { registerFileRoutes, DEFAULT_MAX_UPLOAD_BYTES, UPLOAD_PATH, type FileRouteOptions } from "./routes.ts";
export { accepts } from "../../components/core/accept.ts";
export type { FilesServerOptions } from "./options.ts";
