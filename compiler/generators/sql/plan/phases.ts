import type { Statement } from "../ddl/statements.ts";
import type { Change, StepClass } from "./types.ts";

/**
 * The order migration steps run in: everything that depends on a column or table is dropped
 * before it changes, and created after it exists.
 */
export const PHASES = [
  "dropTriggers", "dropPolicies", "dropForeignKeys", "dropIndexes", "dropConstraints",
  "renames", "renameObjects", "dropColumns", "alterColumns", "addColumns", "createTables",
  "addConstraints", "addForeignKeys", "createIndexes", "policies", "triggers", "dropTables", "dropFunctions",
] as const;

export type Phase = (typeof PHASES)[number];

/** Changes collected per phase while diffing. */
export class Phases {
  readonly #changes = new Map<Phase, Change[]>(PHASES.map((p) => [p, []]));

  add(phase: Phase, statement: Statement, cls: StepClass, summary: string, refusal?: Change["refusal"]): void {
    this.#changes.get(phase)!.push({ statement, class: cls, summary, ...(refusal ? { refusal } : {}) });
  }

  /** Every change in run order. */
  ordered(): Change[] {
    return PHASES.flatMap((p) => this.#changes.get(p)!);
  }
}
