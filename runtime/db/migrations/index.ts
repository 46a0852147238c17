/**
 * The migration engine: reading `<app>/migrations/NNNN_<name>.sql` files, applying them, reporting
 * their state, writing new ones, and resetting a development database.
 */
export { applyMigrations, type ApplyEvent, type ApplyMode, type ApplyOptions, type ApplyResult, type AppliedMigration } from "./apply.ts";
export { HISTORY_TABLE, MIGRATION_LOCK_KEY, readHistory, type HistoryRow } from "./history.ts";
export { checksumOf, parseMigrationFile, withoutConcurrently, type FileProblem, type MigrationFile, type MigrationStep, type StepClass } from "./migration-file.ts";
export { migrationIds, migrationSlug, nextMigrationId, readLatestSnapshot, readMigrationFolder, writeMigration, type MigrationFolder } from "./migration-folder.ts";
export { compareWithHistory, type MigrationEntry, type MigrationProblem, type MigrationState } from "./migration-state.ts";
export { resetRefusal, resetSchema } from "./reset.ts";
export { migrationStatus, type MigrationStatus } from "./status.ts";
