/**
 * Comparing the migration files with weave_migrations: what is applied, pending, edited after
 * applying, or gone. Apply refuses to run while any file is modified, missing or out of order.
 */
import type { HistoryRow } from "./history.ts";
import type { FileProblem, MigrationFile } from "./migration-file.ts";

export type MigrationState = "applied" | "incomplete" | "pending" | "modified" | "missing";

/** One migration as `weave migrate status` lists it. */
export interface MigrationEntry {
  readonly id: string;
  readonly name: string;
  readonly state: MigrationState;
  /** The file, unless it is missing. */
  readonly file?: MigrationFile;
  /** The history row, once applied. */
  readonly row?: HistoryRow;
  /** Pending, but a later migration is already applied. */
  readonly outOfOrder?: boolean;
}

/** Why an apply was refused or failed; `message` is complete on its own. */
export interface MigrationProblem {
  readonly reason: "invalid-file" | "modified" | "missing" | "out-of-order" | "online-needs-postgres" | "step-failed" | "concurrently-failed";
  readonly message: string;
  /** The migration file, relative to the migrations folder. */
  readonly fileName?: string;
  readonly line?: number;
}

/**
 * Lines up files and history rows by id.
 *
 * @example
 * const { entries, problems } = compareWithHistory(folder.migrations, await readHistory(db));
 */
export function compareWithHistory(files: readonly MigrationFile[], rows: readonly HistoryRow[]): { entries: MigrationEntry[]; problems: MigrationProblem[] } {
  const byId = new Map(files.map((f) => [f.id, f]));
  const rowIds = new Set(rows.map((r) => r.id));
  const lastApplied = rows.reduce((max, r) => (r.id > max ? r.id : max), "");
  const entries: MigrationEntry[] = [
    ...rows.map((row) => appliedEntry(row, byId.get(row.id))),
    ...files.filter((f) => !rowIds.has(f.id)).map((file) => pendingEntry(file, lastApplied)),
  ].sort((a, b) => a.id.localeCompare(b.id));
  return { entries, problems: entries.flatMap(problemOf) };
}

function appliedEntry(row: HistoryRow, file: MigrationFile | undefined): MigrationEntry {
  const common = { id: row.id, name: row.name, row };
  if (!file) return { ...common, state: "missing" };
  if (file.checksum !== row.checksum) return { ...common, file, state: "modified" };
  return { ...common, file, state: row.completed_at === null ? "incomplete" : "applied" };
}

function pendingEntry(file: MigrationFile, lastApplied: string): MigrationEntry {
  return { id: file.id, name: file.name, file, state: "pending", ...(file.id < lastApplied ? { outOfOrder: true } : {}) };
}

function problemOf(entry: MigrationEntry): MigrationProblem[] {
  const fileName = entry.file?.fileName ?? `${entry.id}_${entry.name}.sql`;
  const when = entry.row ? ` on ${entry.row.applied_at.toISOString()}` : "";
  if (entry.state === "missing") {
    return [{ reason: "missing", fileName, message: `${fileName} was applied${when} but the file is missing; restore it from version control` }];
  }
  if (entry.state === "modified") {
    const message = `${fileName} was edited after it was applied${when} (checksum ${short(entry.row!.checksum)} applied, ${short(entry.file!.checksum)} now); restore the applied version and put further changes in a new migration`;
    return [{ reason: "modified", fileName, message }];
  }
  if (entry.outOfOrder) {
    return [{ reason: "out-of-order", fileName, message: `${fileName} is pending but a later migration is already applied; migrations apply in order: renumber it after the last applied one and re-create it` }];
  }
  return [];
}

/** A file problem as a migration problem, with its line. */
export function fromFileProblem(problem: FileProblem): MigrationProblem {
  return { reason: "invalid-file", fileName: problem.fileName, line: problem.line, message: `${problem.fileName}:${problem.line}: ${problem.message}` };
}

function short(checksum: string): string {
  return checksum.replace(/^sha256:/, "").slice(0, 12);
}
