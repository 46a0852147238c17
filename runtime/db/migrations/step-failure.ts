/**
 * A migration step that Postgres rejected, and the message that names the migration, the line and
 * the Postgres error.
 */
import type { MigrationFile, MigrationStep } from "./migration-file.ts";
import type { MigrationProblem } from "./migration-state.ts";

/** Thrown inside a migration's transaction so that it rolls back; turned into a problem outside. */
export class StepFailure extends Error {
  constructor(
    readonly migration: MigrationFile,
    readonly step: MigrationStep,
    /** The SQL as sent (CONCURRENTLY may have been removed). */
    readonly sent: string,
    override readonly cause: unknown,
    /** Whether the step ran outside the migration's transaction. */
    readonly outside: boolean,
  ) {
    super(`${migration.fileName}:${step.line}: ${postgresMessage(cause)}`);
    this.name = "StepFailure";
  }
}

/**
 * The problem for a failed step: where it failed, Postgres' words, and what state it left.
 *
 * @example
 * // 0002_add_barcode.sql:7: step 'additive add-column products.barcode' failed: column "barcode" ...
 * stepProblem(failure, "step-failed").message;
 */
export function stepProblem(failure: StepFailure, reason: "step-failed" | "concurrently-failed"): MigrationProblem {
  const { migration, step } = failure;
  const line = errorLine(failure);
  const where = `${migration.fileName}:${line}`;
  const what = `step '${step.class} ${step.kind} ${step.target}${step.concurrently ? " concurrently" : ""}' (line ${step.line}) failed: ${postgresMessage(failure.cause)}`;
  const state =
    reason === "step-failed"
      ? `Nothing of ${migration.id}_${migration.name} was applied: the schema and weave_migrations are as they were.`
      : `The rest of ${migration.id}_${migration.name} is committed; fix the cause and run apply again to retry its concurrently steps.`;
  return { reason, fileName: migration.fileName, line, message: `${where}: ${what}\n${state}` };
}

/** Postgres' message with its SQLSTATE, detail and hint when present. */
export function postgresMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { code?: string; detail?: string; hint?: string };
  const parts = [e.message];
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) parts[0] += ` (SQLSTATE ${e.code})`;
  if (e.detail) parts.push(`detail: ${e.detail}`);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  return parts.join("; ");
}

// Postgres reports a 1-based character position into the statement; turn it into a file line.
function errorLine(failure: StepFailure): number {
  const position = Number((failure.cause as { position?: unknown } | undefined)?.position);
  if (!Number.isInteger(position) || position < 1) return failure.step.sqlLine;
  const before = failure.sent.slice(0, position - 1);
  return failure.step.sqlLine + (before.match(/\n/g)?.length ?? 0);
}
