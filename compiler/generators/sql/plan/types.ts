import type { Statement } from "../ddl/statements.ts";

/** How a step affects a live database: adds only, can lose data, or takes locks that block writers. */
export type StepClass = "additive" | "destructive" | "locking";

/** A statement with its class and a sentence a reviewer reads. */
export interface Change {
  readonly statement: Statement;
  readonly class: StepClass;
  readonly summary: string;
  /** Why a destructive change would lose data, and how to allow it; set on destructive changes. */
  readonly refusal?: { message: string; table: string; column?: string };
}

/** A migration step as it is written to a migration file. */
export interface PlannedStep {
  readonly kind: Statement["kind"];
  readonly class: StepClass;
  /** `table` or `table.column` or the index name. */
  readonly target: string;
  readonly sql: string;
  /** Runs outside the migration's transaction in online mode (CREATE INDEX CONCURRENTLY). */
  readonly concurrently: boolean;
  readonly summary: string;
}

/** A change the planner refuses to make without being told to. */
export interface PlanProblem {
  readonly message: string;
  readonly table: string;
  readonly column?: string;
  readonly hint: string;
}

export interface MigrationPlan {
  readonly steps: PlannedStep[];
  readonly problems: PlanProblem[];
}
