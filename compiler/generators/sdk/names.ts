/**
 * The names the SDK gives to what the model declares: type names per entity, the client's
 * collection properties, and the methods of each collection. Method names come from the model
 * (relations, transitions, actions) and may collide with the fixed ones (`list`, `delete`, ...) or
 * with each other: like operation ids, a later name that is taken gets its kind as a suffix.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { pascal } from "../openapi/index.ts";

/** `invoice_lines` -> `invoiceLines`: a collection's property on the client. */
export function camel(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** The type names of one entity. */
export function typeNames(entity: IREntity) {
  const e = entity.name;
  return {
    record: e,
    create: `${e}Create`,
    update: `${e}Update`,
    can: `${e}Can`,
    included: `${e}Included`,
    filter: `${e}Filter`,
    sortKey: `${e}SortKey`,
    include: `${e}Include`,
    property: `${e}Property`,
    listParams: `${e}ListParams`,
    getParams: `${e}GetParams`,
    key: `${e}Key`,
    event: `${e}Event`,
    eventType: `${e}EventType`,
    actionInput: (action: string) => `${e}${pascal(action)}Input`,
    actionOutput: (action: string) => `${e}${pascal(action)}Output`,
    /** The union of an enum or state field: `InvoiceStatus` (`InvoiceFilterValue` when that is taken). */
    union: (field: string) => {
      const name = `${e}${pascal(field)}`;
      return FIXED_SUFFIXES.some((suffix) => name === `${e}${suffix}`) ? `${name}Value` : name;
    },
  };
}

const FIXED_SUFFIXES = ["Create", "Update", "Can", "Included", "Filter", "SortKey", "Include", "Property", "ListParams", "GetParams", "Key", "Event", "EventType"];

/** The methods every collection has (and `all`, the cache key of its query factory); the model's names come after them. */
export const FIXED_METHODS = ["list", "get", "getByKey", "create", "update", "delete", "subscribe", "all"] as const;

/** The client's own properties, which no collection may take. */
export const CLIENT_MEMBERS = ["auth", "queries", "meta", "audit", "request", "setTenant", "tenant", "baseUrl", "http"] as const;

/** The method names of one collection, by relation, transition and action name. */
export interface MemberNames {
  readonly related: ReadonlyMap<string, string>;
  readonly transitions: ReadonlyMap<string, string>;
  readonly actions: ReadonlyMap<string, string>;
}

/**
 * The methods of `entity`'s collection: related lists, then transitions, then actions, each
 * under its own name unless taken (`deleteTransition` for a transition named `delete`).
 *
 * @example memberNames(invoice).transitions.get("send"); // "send"
 */
export function memberNames(entity: IREntity): MemberNames {
  const taken = new Set<string>(FIXED_METHODS);
  const claim = (names: readonly string[], suffix: string) => new Map(names.map((name) => [name, unique(taken, name, suffix)]));
  return {
    related: claim(entity.fields.filter((f) => f.relation?.kind === "many" || f.relation?.kind === "many-to-many").map((f) => f.name), "Related"),
    transitions: claim(entity.states.flatMap((m) => m.transitions.map((t) => t.name)), "Transition"),
    actions: claim(entity.actions.map((a) => a.name), "Action"),
  };
}

/** The client property of each entity, by entity name: `invoices`, `invoiceLines`. */
export function collectionNames(ir: IR): ReadonlyMap<string, string> {
  const taken = new Set<string>(CLIENT_MEMBERS);
  return new Map(ir.entities.map((e) => [e.name, unique(taken, camel(e.table), "Collection")]));
}

/** `name`, else `name + suffix`, else with a number; the result is marked as taken. */
export function unique(taken: Set<string>, name: string, suffix: string): string {
  let out = taken.has(name) ? `${name}${suffix}` : name;
  for (let n = 2; taken.has(out); n++) out = `${name}${suffix}${n}`;
  taken.add(out);
  return out;
}
