/**
 * The SQL generator: the database schema of an IR, and migrations between two IRs.
 * Pure functions of the IR: no I/O, no database.
 *
 * @example
 *   const plan = planMigration(lastSnapshot, ir);
 *   if (plan.problems.length === 0) write(renderMigrationFile("0002", "add_barcode", lastSnapshot?.hash, ir.hash, plan.steps));
 */
import type { IR } from "../../ir/index.ts";
import { planWith } from "./plan/plan.ts";
import type { MigrationPlan } from "./plan/types.ts";
import { buildSchema } from "./schema/build-schema.ts";
import type { DbSchema } from "./schema/db-schema.ts";
import { expressionSql } from "./schema/expression-sql.ts";

export { renderMigrationFile } from "./plan/render.ts";
export type { MigrationPlan, PlannedStep, PlanProblem, StepClass } from "./plan/types.ts";
export type { DbSchema, DbTable, DbColumn } from "./schema/db-schema.ts";

/** Plans the migration from `previous` (undefined: an empty database) to `next`. */
export function planMigration(previous: IR | undefined, next: IR, options: { allowDestructive?: boolean } = {}): MigrationPlan {
  return planWith(expressionSql, previous, next, options);
}

/** The database schema an IR describes. */
export function schemaOf(ir: IR): DbSchema {
  return buildSchema(ir, expressionSql(ir));
}
