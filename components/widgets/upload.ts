/**
 * Uploads a file to the API's file store (`POST /api/_files`, runtime/files) and answers the value
 * a `file` field holds: `{ key, name, type, size }`.
 */
import { problemOf, type WeaveClient } from "../client/index.ts";

/** A `file` field's value. */
export interface FileValue {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/**
 * @example const value = await uploadFile(session.client, "Customer", "logo", input.files[0]);
 */
export async function uploadFile(client: WeaveClient, entity: string, field: string, file: File, signal?: AbortSignal): Promise<FileValue> {
  const body = new FormData();
  body.append("file", file, file.name);
  const query = new URLSearchParams({ entity, field });
  const headers: Record<string, string> = { accept: "application/json" };
  if (client.tenant) headers["X-Weave-Tenant"] = client.tenant;
  const response = await fetch(`${client.baseUrl}/api/_files?${query}`, { method: "POST", body, headers, credentials: "include", ...(signal ? { signal } : {}) });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as FileValue;
}

/** Where a stored file downloads from. */
export function fileUrl(client: WeaveClient, key: string): string {
  return client.fileUrl(key);
}
