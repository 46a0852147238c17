/**
 * The paths of the list query model (`due`, `address.city`, `subject.type`, `customer.name`)
 * resolved to what the SQL reads: relation hops, a field of the record at the end, members of an
 * embedded field, a polymorphic ref's part. Only paths the model allows reach here.
 */
import type { FilterField } from "../../compiler/generators/openapi/index.ts";
import type { IR, IREntity } from "../../compiler/ir/index.ts";
import { recordField, SCALARS, type Scalar } from "../records/record-fields.ts";
import { relationJoin } from "../records/relations.ts";
import type { FieldPath } from "./list-query.ts";

/**
 * @example resolveFieldPath(ir, invoice, { path: "customer.name", type: "string", ops }) // { steps: [Invoice.customer], entity: Customer, field: name, ... }
 */
export function resolveFieldPath(ir: IR, entity: IREntity, model: FilterField): FieldPath {
  const segments = model.path.split(".");
  const steps: FieldPath["steps"][number][] = [];
  let current = entity;
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i]!;
    const field = recordField(ir, current, name);
    const rest = segments.slice(i + 1);
    const base = { text: model.path, steps, entity: current, scalar: scalarOf(model) };
    if (field && rest.length === 0) return { ...base, field, members: [] };
    if (field?.source === "polymorphic") return { ...base, field, members: [], part: rest[0] as "type" | "id" };
    if (field?.source === "column" && field.field.embedded) return { ...base, field, members: rest };
    const join = relationJoin(ir, current, name);
    if (!join || (join.kind !== "foreignKey" && join.kind !== "inverse") || join.many) break;
    steps.push(join);
    current = join.target;
  }
  throw new Error(`the list query model allows ${model.path} but ${entity.name} cannot resolve it`);
}

/** How a value of the model's type is parsed and cast. */
export function scalarOf(model: FilterField): Scalar | undefined {
  switch (model.type) {
    case "string": return SCALARS.text;
    case "integer": return SCALARS.int;
    case "decimal": return SCALARS.decimal;
    case "date": return SCALARS.date;
    case "datetime": return SCALARS.datetime;
    case "boolean": return SCALARS.boolean;
    case "uuid": return SCALARS.uuid;
    case "serial": return SCALARS.bigint;
    case "enum": return { ...SCALARS.text, values: model.values ?? [] };
    case "presence": return undefined;
  }
}
