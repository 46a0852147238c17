import type { Entity, Field } from "../ir/index.ts";
import { capitalize, lowerFirst, pluralize, snakeCase, tableName } from "./names.ts";

/**
 * Completes many-to-many relations. Where the spec names no `through` entity, weave generates
 * one join entity per relation (shared by a relation and its inverse), named
 * `<Entity><Field>Link`, with a ref to each side and the pair as its key. Every many-to-many
 * field then records its join entity and the join fields that point at each side.
 *
 * @example
 *   addJoinEntities(entities); // Invoice.tags -> through "InvoiceTagsLink" (invoice, tag)
 */
export function addJoinEntities(entities: Entity[]): Entity[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const generated: Entity[] = [];
  for (const owner of entities) {
    for (const field of owner.fields) {
      const relation = field.relation;
      if (relation?.kind !== "many-to-many" || relation.throughSource) continue;
      const target = byName.get(relation.to[0]!)!;
      if (relation.through) linkExplicit(byName.get(relation.through)!, owner.name, target.name, field);
      else generated.push(...linkGenerated(owner, field, target));
    }
  }
  return [...entities, ...generated].sort((a, b) => (a.name < b.name ? -1 : 1));
}

function linkExplicit(through: Entity, owner: string, target: string, field: Field): void {
  const refs = through.fields.filter((f) => f.relation?.kind === "ref");
  const source = refs.find((f) => f.relation!.to[0] === owner)!;
  const other = refs.find((f) => f.relation!.to[0] === target && f !== source) ?? source;
  Object.assign(field.relation!, { throughSource: source.name, throughTarget: other.name });
}

function linkGenerated(owner: Entity, field: Field, target: Entity): Entity[] {
  const inverse = field.relation!.inverse ? target.fields.find((f) => f.name === field.relation!.inverse) : undefined;
  const name = `${owner.name}${capitalize(field.name)}Link`;
  const self = owner.name === target.name;
  const sourceName = self ? "source" : lowerFirst(owner.name);
  const targetName = self ? "target" : lowerFirst(target.name);
  Object.assign(field.relation!, { through: name, throughSource: sourceName, throughTarget: targetName });
  if (inverse?.relation) Object.assign(inverse.relation, { through: name, throughSource: targetName, throughTarget: sourceName });
  return [joinEntity(name, owner, target, sourceName, targetName, field)];
}

function joinEntity(name: string, owner: Entity, target: Entity, sourceName: string, targetName: string, field: Field): Entity {
  const ref = (fieldName: string, to: string): Field => ({
    name: fieldName, type: "ref", label: to, column: `${snakeCase(fieldName)}_id`, storage: "foreignKey",
    required: true, unique: false, uniqueWithin: [], readonly: false, hidden: false, pii: false, encrypted: false,
    materialized: false, tags: [], meta: {}, relation: { kind: "ref", to: [to], onDelete: "cascade" }, origin: field.origin,
  });
  const fields = [ref(sourceName, owner.name), ref(targetName, target.name)];
  const label = `${owner.label} ${field.label.toLowerCase()} link`;
  return {
    name, table: tableName(name), label, plural: pluralize(label), version: 1, tenant: owner.tenant || target.tenant,
    id: "none", key: [sourceName, targetName], tags: [], meta: {}, fields, states: [], actions: [], rules: [],
    indexes: [], search: [], policies: { fields: [], transitions: [], actions: [] },
    views: { list: { columns: [sourceName, targetName], filters: [], sort: [sourceName], search: false, pageSize: 25 }, detail: { sections: [{ fields: [sourceName, targetName] }], tabs: [] }, form: { sections: [{ fields: [sourceName, targetName] }] } },
    generated: true, origin: field.origin,
  };
}
