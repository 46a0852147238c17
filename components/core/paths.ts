/** Where an entity lives in URLs. */
import type { MetaEntity } from "../client/index.ts";

/**
 * The collection segment of an entity's API path, also its segment under the app shell.
 *
 * @example collectionOf(invoice) // "invoices" (from "/api/invoices")
 */
export function collectionOf(entity: MetaEntity): string {
  return entity.path.split("/").pop() ?? entity.name.toLowerCase();
}
