/**
 * Opening a record, by the components' convention: a real link when the app shell routes records
 * (`session.appBase`), else a `weave-open` event for the page to handle. Elements never change
 * `location` themselves.
 */
import type { MetaEntity } from "../client/index.ts";
import { collectionOf } from "./format-value.ts";

export type OpenMode = "detail" | "edit" | "new";

/** Detail of the `weave-open` event. */
export interface OpenDetail {
  readonly entity: string;
  readonly id: string | undefined;
  readonly mode: OpenMode;
}

/**
 * The app-shell URL of a record (or of the new-record form), when there is an app shell.
 *
 * @example recordHref("/app", invoice, "0b7c…", "edit") // "/app/invoices/0b7c…/edit"
 */
export function recordHref(appBase: string | undefined, entity: MetaEntity, id: string | undefined, mode: OpenMode): string | undefined {
  if (appBase === undefined) return undefined;
  const collection = `${appBase}/${collectionOf(entity)}`;
  if (mode === "new" || id === undefined) return `${collection}/new`;
  return `${collection}/${encodeURIComponent(id)}${mode === "edit" ? "/edit" : ""}`;
}

/** Fires `weave-open` from `host`. */
export function dispatchOpen(host: HTMLElement, entity: MetaEntity, id: string | undefined, mode: OpenMode): void {
  const detail: OpenDetail = { entity: entity.name, id, mode };
  host.dispatchEvent(new CustomEvent("weave-open", { detail, bubbles: true, composed: true }));
}

/** A link's click handler for embedded use: no href, so tell the page instead. */
export function openHandler(host: HTMLElement, entity: MetaEntity, id: string | undefined, mode: OpenMode) {
  return (event: Event) => {
    event.preventDefault();
    dispatchOpen(host, entity, id, mode);
  };
}
