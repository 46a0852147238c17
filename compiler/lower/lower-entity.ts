import type { Entity } from "../ir/index.ts";
import type { EntityLike } from "../check/model.ts";
import { originAt, type LowerSource } from "./context.ts";
import { lowerActions, lowerIndexes, lowerRules, lowerStateMachines } from "./lower-behaviour.ts";
import { lowerField } from "./lower-field.ts";
import { lowerPolicies } from "./lower-policies.ts";
import { lowerViews } from "./lower-views.ts";
import { humanize, pluralize, tableName } from "./names.ts";

/**
 * Lowers one entity as written into its IR form, with every default applied.
 *
 * @example
 *   lowerEntity(src, invoiceSpec).table; // "invoices"
 */
export function lowerEntity(src: LowerSource, spec: EntityLike): Entity {
  const key = spec.key === undefined ? [] : [spec.key as string | string[]].flat();
  const fields = Object.entries(spec.fields).map(([name, field]) => lowerField(src, ["fields", name], name, field, { required: key.includes(name) }));
  const table = tableName(spec.entity);
  const search = (spec.search as string[] | undefined) ?? [];
  const label = (spec.label as string | undefined) ?? humanize(spec.entity);
  const entity: Entity = {
    name: spec.entity,
    table,
    label,
    plural: (spec.plural as string | undefined) ?? pluralize(label),
    version: (spec.version as number | undefined) ?? 1,
    tenant: spec.tenant === true,
    id: (spec.id as Entity["id"] | undefined) ?? "uuid",
    key,
    tags: (spec.tags as string[] | undefined) ?? [],
    meta: (spec.meta as Record<string, unknown> | undefined) ?? {},
    fields,
    states: lowerStateMachines(src, spec),
    actions: lowerActions(src, spec),
    rules: lowerRules(src, spec),
    indexes: lowerIndexes(src, spec, table),
    search,
    policies: lowerPolicies(src, spec),
    views: lowerViews((spec.views ?? {}) as never, fields, key, search.length > 0),
    generated: false,
    origin: originAt(src, []),
  };
  if (typeof spec.description === "string") entity.description = spec.description;
  if (typeof spec.renamedFrom === "string") entity.renamedFrom = spec.renamedFrom;
  if (spec.hooks && Object.keys(spec.hooks).length > 0) entity.hooks = spec.hooks as NonNullable<Entity["hooks"]>;
  return entity;
}
