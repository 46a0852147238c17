/**
 * `sort=-due,customer.name`: sort paths of the list query model, `-` for descending. The record's
 * identity is appended so the order is total: equal sort values never make a page boundary
 * ambiguous. Without `sort`, the list view's order.
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { encryptedPathRefusal } from "./encrypted-path.ts";
import { resolveFieldPath } from "./field-path.ts";
import type { SortKey } from "./list-query.ts";
import { listOf, type Problems } from "./problems.ts";
import { queryModel, type IndexedModel } from "./query-model.ts";

/**
 * The order of a list.
 *
 * @example parseSort(ir, invoice, model, "-due,number", problems) // due desc, number asc, id asc
 */
export function parseSort(ir: IR, entity: IREntity, model: IndexedModel, text: string | undefined, problems: Problems): SortKey[] {
  if (text === undefined || text === "") return defaultSort(ir, entity, model);
  const keys: SortKey[] = [];
  for (const item of text.split(",")) {
    const descending = item.startsWith("-");
    const path = descending ? item.slice(1) : item;
    const encrypted = model.sorts.has(path) ? undefined : encryptedPathRefusal(ir, entity, path, "sorted");
    if (encrypted) problems.add("/sort", encrypted, "encryptedField");
    else if (!model.sorts.has(path)) problems.add("/sort", `${entity.name} cannot be sorted by ${JSON.stringify(path)}; allowed: ${listOf([...model.sorts])}`, "unknownField");
    else if (keys.some((k) => k.path.text === path)) problems.add("/sort", `${path} is given twice`, "invalidValue");
    else keys.push(key(ir, entity, model, path, descending));
  }
  return withIdentity(ir, entity, model, keys);
}

/** The list view's order (keys the model cannot sort by left out), then the identity. */
export function defaultSort(ir: IR, entity: IREntity, model = queryModel(ir, entity, Number.MAX_SAFE_INTEGER)): SortKey[] {
  const keys: SortKey[] = [];
  for (const item of model.model.defaultSort) {
    const descending = item.startsWith("-");
    const path = descending ? item.slice(1) : item;
    if (model.sorts.has(path)) keys.push(key(ir, entity, model, path, descending));
  }
  return withIdentity(ir, entity, model, keys);
}

/** Appends the id (or, for `id: none`, the key fields) unless the sort already has it. */
function withIdentity(ir: IR, entity: IREntity, model: IndexedModel, keys: SortKey[]): SortKey[] {
  const names = entity.id === "none" ? entity.key : ["id"];
  const extra = names.filter((n) => !keys.some((k) => k.path.text === n)).map((n) => key(ir, entity, model, n, false));
  return [...keys, ...extra];
}

function key(ir: IR, entity: IREntity, model: IndexedModel, path: string, descending: boolean): SortKey {
  const resolved = resolveFieldPath(ir, entity, model.filters.get(path)!);
  if (!resolved.scalar) throw new Error(`${entity.name}.${path} is a sort path without a value type`);
  return { path: { ...resolved, scalar: resolved.scalar }, descending };
}

/** What the order is, written into cursors so a cursor is only used with the order it came from. */
export function sortSignature(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.descending ? "-" : ""}${k.path.text}`).join(",");
}
