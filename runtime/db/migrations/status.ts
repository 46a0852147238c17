/**
 * `weave migrate status`: every migration with its state, read without changing the database.
 */
import type { Database } from "../create-database.ts";
import { readHistory } from "./history.ts";
import { readMigrationFolder } from "./migration-folder.ts";
import { compareWithHistory, fromFileProblem, type MigrationEntry, type MigrationProblem } from "./migration-state.ts";

export interface MigrationStatus {
  readonly entries: readonly MigrationEntry[];
  /** Invalid files, and applied files that were edited or removed: apply would refuse. */
  readonly problems: readonly MigrationProblem[];
}

/**
 * Lists applied, incomplete, pending, modified and missing migrations.
 *
 * @example
 * const { entries } = await migrationStatus(database, "/app/migrations");
 * entries.filter((e) => e.state === "pending").map((e) => e.id); // ["0003"]
 */
export async function migrationStatus(database: Database, dir: string): Promise<MigrationStatus> {
  const folder = readMigrationFolder(dir);
  const { entries, problems } = compareWithHistory(folder.migrations, await readHistory(database.kysely));
  return { entries, problems: [...folder.problems.map(fromFileProblem), ...problems] };
}
