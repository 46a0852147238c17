/**
 * The migrations folder: `NNNN_<name>.sql` files in order, each beside the IR snapshot it leads
 * to (`NNNN_<name>.snapshot.json`). The latest snapshot is the previous model of the next plan.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { IR } from "../../../compiler/ir/index.ts";
import { type FileProblem, type MigrationFile, parseMigrationFile } from "./migration-file.ts";

export interface MigrationFolder {
  /** Parsed migrations, ordered by id. */
  readonly migrations: readonly MigrationFile[];
  /** Files that cannot be applied, duplicate ids, and breaks in the chain of IR hashes. */
  readonly problems: readonly FileProblem[];
}

/**
 * Reads and parses every migration in `dir` (a missing folder has none).
 *
 * @example
 * const { migrations, problems } = readMigrationFolder("/app/migrations");
 */
export function readMigrationFolder(dir: string): MigrationFolder {
  const problems: FileProblem[] = [];
  const migrations: MigrationFile[] = [];
  for (const fileName of sqlFiles(dir)) {
    const parsed = parseMigrationFile(fileName, readFileSync(join(dir, fileName), "utf8"));
    problems.push(...parsed.problems);
    if (parsed.migration) migrations.push(parsed.migration);
  }
  migrations.sort((a, b) => a.id.localeCompare(b.id));
  checkIds(migrations, problems);
  checkChain(migrations, problems);
  return { migrations, problems };
}

function sqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();
}

function checkIds(migrations: readonly MigrationFile[], problems: FileProblem[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const [before, file] = [migrations[i - 1]!, migrations[i]!];
    if (before.id === file.id) problems.push({ fileName: file.fileName, line: 1, message: `two migrations have id ${file.id}: ${before.fileName} and ${file.fileName}; renumber one` });
  }
}

// A migration planned on another branch starts from a model that is not the previous one's.
function checkChain(migrations: readonly MigrationFile[], problems: FileProblem[]): void {
  for (let i = 1; i < migrations.length; i++) {
    const [before, file] = [migrations[i - 1]!, migrations[i]!];
    if (!before.toHash || !file.fromHash || before.toHash === file.fromHash) continue;
    problems.push({
      fileName: file.fileName,
      line: 2,
      message: `planned from model ${file.fromHash} but ${before.fileName} leads to ${before.toHash}: delete ${file.fileName} and its snapshot, then run 'weave migrate create' again`,
    });
  }
}

/**
 * The id of the next migration: one more than the highest in the folder, four digits.
 *
 * @example
 * nextMigrationId(["0001", "0002"]); // "0003"
 */
export function nextMigrationId(ids: readonly string[]): string {
  const highest = ids.reduce((max, id) => Math.max(max, Number(id)), 0);
  return String(highest + 1).padStart(4, "0");
}

/**
 * A migration name for file names: lower case words joined by underscores.
 *
 * @example
 * migrationSlug("Add product barcode!"); // "add_product_barcode"
 */
export function migrationSlug(name: string): string {
  const plain = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const slug = plain.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60).replace(/_+$/, "");
  return slug || "migration";
}

export interface WrittenMigration {
  readonly sqlPath: string;
  readonly snapshotPath: string;
}

/**
 * Writes `NNNN_<name>.sql` and `NNNN_<name>.snapshot.json` (the IR, pretty JSON). Each file goes
 * through a temporary file and a rename, so a reader never sees half of one.
 *
 * @example
 * writeMigration("/app/migrations", "0002_add_barcode", renderedSql, ir);
 */
export function writeMigration(dir: string, baseName: string, sql: string, ir: IR): WrittenMigration {
  mkdirSync(dir, { recursive: true });
  const sqlPath = join(dir, `${baseName}.sql`);
  const snapshotPath = join(dir, `${baseName}.snapshot.json`);
  writeAtomic(snapshotPath, `${JSON.stringify(ir, null, 2)}\n`);
  writeAtomic(sqlPath, sql);
  return { sqlPath, snapshotPath };
}

function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * The IR the latest migration leads to: the snapshot of the highest-numbered migration that has
 * one (a hand-written migration may have none). Undefined before the first migration.
 *
 * @example
 * const previous = readLatestSnapshot("/app/migrations")?.ir;
 */
export function readLatestSnapshot(dir: string): { ir: IR; fileName: string } | undefined {
  const snapshots = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d{4}_.+\.snapshot\.json$/.test(f)).sort() : [];
  const fileName = snapshots.at(-1);
  if (!fileName) return undefined;
  return { ir: JSON.parse(readFileSync(join(dir, fileName), "utf8")) as IR, fileName };
}

/** Ids of every `NNNN_*.sql` file in `dir`, valid or not, for numbering the next one. */
export function migrationIds(dir: string): string[] {
  return sqlFiles(dir).flatMap((f) => {
    const id = /^(\d{4})_/.exec(f)?.[1];
    return id ? [id] : [];
  });
}
