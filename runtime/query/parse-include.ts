/**
 * `include=customer,lines` (relations of the entity, not nested) and `fields=number,total`
 * (fields of the record; id and version are always sent).
 */
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { recordField, recordFields } from "../records/record-fields.ts";
import { relationJoin, relationNames, type RelationJoin } from "../records/relations.ts";
import { listOf, type Problems } from "./problems.ts";

/**
 * @example parseInclude(ir, invoice, "customer,lines", problems) // [Invoice.customer, Invoice.lines]
 */
export function parseInclude(ir: IR, entity: IREntity, text: string | null, problems: Problems): RelationJoin[] {
  const joins: RelationJoin[] = [];
  for (const name of items(text)) {
    const join = relationJoin(ir, entity, name);
    if (name.includes(".")) problems.add("/include", `nested includes (${name}) are not supported: include ${name.split(".")[0]} and fetch the rest by id`, "nested");
    else if (!join) problems.add("/include", `${entity.name} has no relation ${name}; allowed: ${listOf(relationNames(entity))}`, "unknownRelation");
    else if (!joins.includes(join)) joins.push(join);
  }
  return joins;
}

/**
 * @example parseFields(ir, invoice, "number,total", problems) // Set { "number", "total" }
 */
export function parseFields(ir: IR, entity: IREntity, text: string | null, problems: Problems): Set<string> | undefined {
  if (text === null || text === "") return undefined;
  const fields = new Set<string>();
  for (const name of items(text)) {
    if (recordField(ir, entity, name)) fields.add(name);
    else if (relationJoin(ir, entity, name)) problems.add("/fields", `${name} is a relation stored elsewhere: use include=${name}`, "relation");
    else problems.add("/fields", `${entity.name} has no field ${name}; allowed: ${listOf(recordFields(ir, entity).map((f) => f.name))}`, "unknownField");
  }
  return fields;
}

function items(text: string | null): string[] {
  return (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}
