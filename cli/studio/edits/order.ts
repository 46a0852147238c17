/**
 * Where a new key goes: the order the spec reference and the examples write keys in, so a key the
 * Studio adds lands where a careful person would put it.
 */

export const ENTITY_KEYS = ["entity", "label", "plural", "description", "version", "renamedFrom", "tenant", "id", "key", "tags", "meta", "fields", "states", "actions", "hooks", "rules", "indexes", "search", "policies", "views"];
export const FIELD_KEYS = ["type", "label", "description", "to", "through", "inverse", "machine", "values", "fields", "array", "required", "unique", "uniqueWithin", "default", "computed", "materialized", "readonly", "hidden", "onDelete", "currency", "currencyField", "precision", "scale", "min", "max", "minLength", "maxLength", "pattern", "accept", "maxSize", "placeholder", "help", "pii", "encrypted", "tags", "meta", "renamedFrom"];
export const POLICY_KEYS = ["read", "create", "update", "delete", "write", "fields", "transitions", "actions"];
export const MACHINE_KEYS = ["field", "initial", "states", "transitions"];
export const TRANSITION_KEYS = ["from", "to", "label", "description", "guard", "allow", "effects"];
export const VIEW_KEYS = ["list", "detail", "form", "kanban"];
export const LIST_VIEW_KEYS = ["columns", "filters", "sort", "search", "pageSize"];

/** The keys that come after `key` in `order`: insert before the first of them present. */
export function after(order: readonly string[], key: string): string[] {
  const at = order.indexOf(key);
  return at === -1 ? [] : order.slice(at + 1);
}

/** `props` with its keys in `order` (unknown keys last, as given). */
export function ordered<V>(props: Readonly<Record<string, V>>, order: readonly string[]): Record<string, V> {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => rank(a) - rank(b)));
}
