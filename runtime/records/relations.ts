/**
 * How a relation field joins its entity to the target, read from the IR: through a foreign key on
 * this row, a foreign key on the target's rows pointing back, or a join table.
 */
import type { IR, IREntity, IRField } from "../../compiler/ir/index.ts";
import { entityNamed } from "./record-fields.ts";

/** A relation of an entity and how to reach its rows. */
export type RelationJoin =
  /** `ref`, and the storing side of a `one`: `target.id = row.<column>`. */
  | { readonly kind: "foreignKey"; readonly field: IRField; readonly target: IREntity; readonly column: string; readonly many: false }
  /** `many`, and the reading side of a `one`: `target.<column> = row.id`. */
  | { readonly kind: "inverse"; readonly field: IRField; readonly target: IREntity; readonly column: string; readonly many: boolean }
  /** `many-to-many`: `through.<sourceColumn> = row.id and through.<targetColumn> = target.id`. */
  | {
      readonly kind: "through";
      readonly field: IRField;
      readonly target: IREntity;
      readonly through: IREntity;
      readonly sourceColumn: string;
      readonly targetColumn: string;
      readonly many: true;
    }
  /** A polymorphic ref: `<typeColumn>` names the target entity, `<column>` its id. */
  | { readonly kind: "polymorphic"; readonly field: IRField; readonly targets: readonly IREntity[]; readonly column: string; readonly typeColumn: string; readonly many: false };

const cache = new WeakMap<IRField, RelationJoin | null>();

/**
 * The join of a relation field, or undefined when the field is not a relation.
 *
 * @example relationJoin(ir, customer, "invoices") // { kind: "inverse", target: Invoice, column: "customer_id", many: true }
 */
export function relationJoin(ir: IR, entity: IREntity, name: string): RelationJoin | undefined {
  const field = entity.fields.find((f) => f.name === name);
  if (!field?.relation) return undefined;
  if (!cache.has(field)) cache.set(field, build(ir, entity, field) ?? null);
  return cache.get(field) ?? undefined;
}

/** Every relation field of an entity, in the order written. */
export function relationNames(entity: IREntity): string[] {
  return entity.fields.filter((f) => f.relation && f.storage !== "virtual").map((f) => f.name);
}

function build(ir: IR, entity: IREntity, field: IRField): RelationJoin | undefined {
  const relation = field.relation!;
  if (relation.kind === "polymorphic") {
    return { kind: "polymorphic", field, targets: relation.to.map((t) => entityNamed(ir, t)), column: field.column!, typeColumn: field.column!.replace(/_id$/, "_type"), many: false };
  }
  const target = entityNamed(ir, relation.to[0]!);
  if (field.storage === "foreignKey") return { kind: "foreignKey", field, target, column: field.column!, many: false };
  if (relation.kind === "many-to-many") return through(ir, field, target);
  const inverse = target.fields.find((f) => f.name === relation.inverse);
  if (!inverse?.column) return undefined;
  return { kind: "inverse", field, target, column: inverse.column, many: relation.kind === "many" };
}

function through(ir: IR, field: IRField, target: IREntity): RelationJoin | undefined {
  const relation = field.relation!;
  // The side written with `inverse` shares the other side's join entity, seen from the far end.
  const owner = relation.through ? relation : target.fields.find((f) => f.name === relation.inverse)?.relation;
  if (!owner?.through || !owner.throughSource || !owner.throughTarget) return undefined;
  const own = owner === relation;
  const join = entityNamed(ir, owner.through);
  const column = (name: string) => join.fields.find((f) => f.name === name)?.column;
  const sourceColumn = column(own ? owner.throughSource : owner.throughTarget);
  const targetColumn = column(own ? owner.throughTarget : owner.throughSource);
  if (!sourceColumn || !targetColumn) return undefined;
  return { kind: "through", field, target, through: join, sourceColumn, targetColumn, many: true };
}
