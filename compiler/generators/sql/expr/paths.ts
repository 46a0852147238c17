/**
 * Relation paths: which related tables an expression reads, and how each joins back to the expression's row.
 * Trigger generation uses them to know which child tables can change a stored computed value, and which
 * foreign key leads from a changed child row to the parent row to recompute.
 */
import { SqlLoweringError } from "./errors.ts";
import type { Member } from "./model.ts";
import type { EntityIR } from "./values.ts";

/** How one step of a path joins its two tables. */
export type RelationJoin =
  /** `ref` (and a stored `one`): the foreign key column on the step's entity table, `target.id = <column>`. */
  | { readonly kind: "foreignKey"; readonly column: string }
  /** Polymorphic ref: the id and type columns on the step's entity table (the type holds the entity name). */
  | { readonly kind: "polymorphic"; readonly column: string; readonly typeColumn: string }
  /** `many` (and the reading side of a `one`): the foreign key on the target table pointing back, `<column> = entity.id`. */
  | { readonly kind: "inverse"; readonly column: string }
  /** many-to-many: the join entity, its table and its columns pointing at the step's entity and at the target. */
  | {
      readonly kind: "through";
      readonly entity: string;
      readonly table: string;
      readonly sourceColumn: string;
      readonly targetColumn: string;
    };

/** One relation traversed: `entity.field` leads to `target` (table `table`). */
export interface RelationStep {
  readonly entity: string;
  readonly field: string;
  readonly kind: "ref" | "one" | "many" | "many-to-many" | "polymorphic";
  readonly target: string;
  readonly table: string;
  readonly join: RelationJoin;
}

/** A path from the expression's entity, and the columns the expression reads on the last step's table. */
export interface RelationPath {
  readonly steps: readonly RelationStep[];
  readonly columns: readonly string[];
}

/** Collects the columns read per path, in first-seen order. */
export class PathReads {
  private readonly byKey = new Map<string, { steps: readonly RelationStep[]; columns: Set<string> }>();

  /** Notes a path (even when no column of it is read: an EXISTS over it still depends on its rows). */
  visit(steps: readonly RelationStep[] | undefined): void {
    if (steps) this.entry(steps);
  }

  /** Notes that `column` of the table at the end of `steps` is read. */
  read(steps: readonly RelationStep[] | undefined, column: string): void {
    if (steps) this.entry(steps).columns.add(column);
  }

  /** Columns read on the expression's own row. */
  root(): string[] {
    return [...(this.byKey.get("")?.columns ?? [])];
  }

  /** Every path traversed, in first-seen order. */
  paths(): RelationPath[] {
    return [...this.byKey.entries()]
      .filter(([key]) => key !== "")
      .map(([, { steps, columns }]) => ({ steps, columns: [...columns] }));
  }

  private entry(steps: readonly RelationStep[]) {
    const key = steps.map((s) => `${s.entity}.${s.field}>${s.target}`).join("/");
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { steps, columns: new Set() }));
    return entry;
  }
}

/** The relation step a member of `entity` takes (a relation member; others are not steps). */
export function stepOf(entity: EntityIR, member: Member): RelationStep {
  const step = (field: string, kind: RelationStep["kind"], target: EntityIR, join: RelationJoin): RelationStep => ({
    entity: entity.name,
    field,
    kind,
    target: target.name,
    table: target.table,
    join,
  });
  switch (member.kind) {
    case "ref":
      return step(member.field.name, member.field.relation!.kind === "one" ? "one" : "ref", member.target, { kind: "foreignKey", column: member.column });
    case "inverseOne":
      return step(member.field.name, "one", member.target, { kind: "inverse", column: member.column });
    case "many":
      return step(member.field.name, "many", member.target, { kind: "inverse", column: member.column });
    case "manyToMany": {
      const { through, sourceColumn, targetColumn } = member;
      return step(member.field.name, "many-to-many", member.target, { kind: "through", entity: through.name, table: through.table, sourceColumn, targetColumn });
    }
    default:
      throw new SqlLoweringError(`\`${member.kind}\` is not a relation`);
  }
}

/** The step of a polymorphic ref towards one of its targets. */
export function polyStep(entity: EntityIR, member: Member & { kind: "polymorphic" }, target: EntityIR): RelationStep {
  const join: RelationJoin = { kind: "polymorphic", column: member.column, typeColumn: member.typeColumn };
  return { entity: entity.name, field: member.field.name, kind: "polymorphic", target: target.name, table: target.table, join };
}
