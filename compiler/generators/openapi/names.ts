/**
 * Names the REST API derives from the model: URL segments, component names and operation ids.
 * One place, so the routes, the document and the typed client spell them the same way.
 *
 * @example
 *   collectionSegment(invoiceLine);   // "invoice-lines"
 *   kebab("remindOverdue");           // "remind-overdue"
 *   pascal("invoice_lines");          // "InvoiceLines"
 */
import type { IREntity } from "../../ir/index.ts";

/** `remindOverdue` -> `remind-overdue`, `InvoiceLine` -> `invoice-line`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

/** `invoice_lines` -> `InvoiceLines`, `remindOverdue` -> `RemindOverdue`. */
export function pascal(name: string): string {
  return name
    .split(/[_-]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** The entity's URL segment under `/api`: its table name with `_` as `-` (`invoice_lines` -> `invoice-lines`). */
export function collectionSegment(entity: IREntity): string {
  return entity.table.replace(/_/g, "-");
}

/** The entity's plural in PascalCase, from its table: `InvoiceLines`. Used in operation ids. */
export function pluralName(entity: IREntity): string {
  return pascal(entity.table);
}

/**
 * Component names. Entity names are PascalCase without dots, and everything weave adds itself
 * is either `<Entity>.<Suffix>` or starts with the lowercase `weave.`, so no two can collide
 * (an entity named `PriceList` next to `Price` would, with `PriceList` for Price's list).
 */
export const componentName = {
  record: (entity: string) => entity,
  create: (entity: string) => `${entity}.Create`,
  update: (entity: string) => `${entity}.Update`,
  list: (entity: string) => `${entity}.List`,
  actionInput: (entity: string, action: string) => `${entity}.${action}.Input`,
  actionOutput: (entity: string, action: string) => `${entity}.${action}.Output`,
} as const;
