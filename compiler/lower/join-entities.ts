import type { Entity, Field } from "../ir/index.ts";
import { joinPolicies } from "./join-policies.ts";
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
      else if (ownsJoin(owner, field, target)) generated.push(...linkGenerated(owner, field, target));
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

/** Of a relation and its inverse, the side that sorts first names the join entity, whatever order files are read in. */
function ownsJoin(owner: Entity, field: Field, target: Entity): boolean {
  const inverse = field.relation!.inverse;
  return inverse === undefined || `${owner.name}.${field.name}` <= `${target.name}.${inverse}`;
}

/** Which side names the join entity, by the names the two sides had before any rename. */
function previousJoinName(owner: Entity, field: Field, target: Entity): string {
  const inverse = field.relation!.inverse ? target.fields.find((f) => f.name === field.relation!.inverse) : undefined;
  const mine = { entity: owner.renamedFrom ?? owner.name, field: field.renamedFrom ?? field.name };
  const theirs = inverse ? { entity: target.renamedFrom ?? target.name, field: inverse.renamedFrom ?? inverse.name } : undefined;
  const first = theirs && `${theirs.entity}.${theirs.field}` < `${mine.entity}.${mine.field}` ? theirs : mine;
  return `${first.entity}${capitalize(first.field)}Link`;
}

function linkGenerated(owner: Entity, field: Field, target: Entity): Entity[] {
  const inverse = field.relation!.inverse ? target.fields.find((f) => f.name === field.relation!.inverse) : undefined;
  const name = `${owner.name}${capitalize(field.name)}Link`;
  const self = owner.name === target.name;
  const sourceName = self ? "source" : lowerFirst(owner.name);
  const targetName = self ? "target" : lowerFirst(target.name);
  Object.assign(field.relation!, { through: name, throughSource: sourceName, throughTarget: targetName });
  if (inverse?.relation) Object.assign(inverse.relation, { through: name, throughSource: targetName, throughTarget: sourceName });
  const entity = joinEntity(name, owner, target, sourceName, targetName, field);
  const previous = previousJoinName(owner, field, target);
  return [previous === name ? entity : { ...entity, renamedFrom: previous }];
}

function joinEntity(name: string, owner: Entity, target: Entity, sourceName: string, targetName: string, field: Field): Entity {
  const ref = (fieldName: string, to: Entity, self: boolean): Field => ({
    name: fieldName, type: "ref", label: to.label, column: `${snakeCase(fieldName)}_id`, storage: "foreignKey",
    required: true, unique: false, uniqueWithin: [], readonly: false, hidden: false, pii: false, encrypted: false,
    materialized: false, tags: [], meta: {}, relation: { kind: "ref", to: [to.name], onDelete: "cascade" }, origin: field.origin,
    // A join field is named after the entity it points at: renaming that entity renames the column.
    ...(!self && to.renamedFrom ? { renamedFrom: lowerFirst(to.renamedFrom) } : {}),
  });
  const self = owner.name === target.name;
  const fields = [ref(sourceName, owner, self), ref(targetName, target, self)];
  const label = `${owner.label} ${field.label.toLowerCase()} link`;
  return {
    name, table: tableName(name), label, plural: pluralize(label), version: 1, tenant: owner.tenant || target.tenant,
    id: "none", key: [sourceName, targetName], tags: [], meta: {}, fields, states: [], actions: [], rules: [],
    indexes: [], search: [], policies: joinPolicies({ entity: owner, field: sourceName }, { entity: target, field: targetName }, field.relation!.inverse !== undefined),
    views: { list: { columns: [sourceName, targetName], filters: [], sort: [sourceName], search: false, pageSize: 25 }, detail: { sections: [{ fields: [sourceName, targetName] }], tabs: [] }, form: { sections: [{ fields: [sourceName, targetName] }] } },
    generated: true, origin: field.origin,
  };
}
