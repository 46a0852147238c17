/**
 * Where uploaded files live. The record holds `{ key, name, type, size }` (spec/api.md); the
 * bytes live in a FileStore under the key. weave ships a local-disk store; an app can hand
 * `createServer` any other (S3, a database) that implements this interface.
 */

/** What weave keeps about a stored file beside its bytes. */
export interface StoredFile {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** The user who uploaded it. */
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface FileStore {
  /** Stores the bytes and their description under `file.key`. */
  put(file: StoredFile, bytes: Uint8Array): Promise<void>;
  /** The description and the bytes, or undefined when no file has the key. */
  get(key: string): Promise<{ readonly file: StoredFile; readonly body: Blob } | undefined>;
  delete(key: string): Promise<void>;
}

/** Keys are uuids: nothing a caller sends can name a path outside the store. */
export const FILE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
