/**
 * The list query model of an entity (compiler/generators/openapi), indexed for lookups and kept
 * per IR: the request is validated against exactly what the OpenAPI document lists.
 */
import { listQueryModel, type FilterField, type ListQueryModel } from "../../compiler/generators/openapi/index.ts";
import type { IR, IREntity } from "../../compiler/ir/index.ts";

export interface IndexedModel {
  readonly model: ListQueryModel;
  readonly filters: ReadonlyMap<string, FilterField>;
  readonly sorts: ReadonlySet<string>;
}

const cache = new WeakMap<IR, Map<string, IndexedModel>>();

/** The model of `entity` with this maximum page size. */
export function queryModel(ir: IR, entity: IREntity, maxPageSize: number): IndexedModel {
  let byEntity = cache.get(ir);
  if (!byEntity) cache.set(ir, (byEntity = new Map()));
  const key = `${entity.name}|${maxPageSize}`;
  let indexed = byEntity.get(key);
  if (!indexed) {
    const model = listQueryModel(ir, entity.name, { maxPageSize });
    indexed = { model, filters: new Map(model.filters.map((f) => [f.path, f])), sorts: new Set(model.sorts) };
    byEntity.set(key, indexed);
  }
  return indexed;
}
