import type { IR } from "../../../ir/index.ts";
import { toSql } from "../ddl/convertors.ts";
import type { Statement } from "../ddl/statements.ts";
import { buildSchema } from "../schema/build-schema.ts";
import type { ExpressionSql } from "../schema/sql-of.ts";
import { diffSchemas, EMPTY_SCHEMA } from "./diff-schemas.ts";
import type { Change, MigrationPlan, PlannedStep, PlanProblem } from "./types.ts";

/**
 * Plans the migration from the model the database is at (`previous`, undefined for an empty
 * database) to `next`. Destructive steps (drops, narrowing type changes) are planned but
 * reported as problems unless `allowDestructive` is set; the caller refuses to write or apply
 * a plan with problems.
 *
 * @example
 *   const plan = planWith(expressionSql, lastSnapshot, ir);
 *   plan.problems; // [{ message: 'refusing to drop column "invoices"."notes" ...', hint: "... --allow-destructive ..." }]
 */
export function planWith(sqlFor: (ir: IR) => ExpressionSql, previous: IR | undefined, next: IR, options: { allowDestructive?: boolean } = {}): MigrationPlan {
  const before = previous ? buildSchema(previous, sqlFor(previous)) : EMPTY_SCHEMA;
  const after = buildSchema(next, sqlFor(next), previous);
  const changes = diffSchemas(before, after);
  const acknowledged = acknowledgedTables(previous, next);
  const problems = options.allowDestructive ? [] : changes.filter((c) => !acknowledged.has(c.refusal?.table ?? "")).flatMap((c) => refusalOf(c, next));
  return { steps: changes.map(toStep), problems };
}

/**
 * Tables whose entity's `version` went up since the previous model: raising it is the spec's
 * written, reviewed acknowledgement that a destructive change to that entity is intended.
 */
function acknowledgedTables(previous: IR | undefined, next: IR): Set<string> {
  const tables = new Set<string>();
  for (const entity of next.entities) {
    const old = previous?.entities.find((e) => e.name === entity.name || e.name === entity.renamedFrom);
    if (old && entity.version > old.version) tables.add(old.table).add(entity.table);
  }
  return tables;
}

function refusalOf(change: Change, next: IR): PlanProblem[] {
  if (!change.refusal) return [];
  const { message, table, column } = change.refusal;
  const entity = next.entities.find((e) => e.table === table);
  const version = entity ? `, raise \`version\` of ${entity.name} to ${entity.version + 1} to acknowledge it in the spec` : "";
  const rename = column ? `, or if the field was renamed, add \`renamedFrom: <old name>\` to it` : "";
  return [{ message, table, ...(column ? { column } : {}), hint: `run again with --allow-destructive${version}${rename}` }];
}

function toStep(change: Change): PlannedStep {
  const statement = change.statement;
  const concurrently = statement.kind === "createIndex" && statement.concurrently;
  return { kind: statement.kind, class: change.class, target: targetOf(statement), sql: toSql(statement), concurrently, summary: change.summary };
}

function targetOf(statement: Statement): string {
  if ("column" in statement && typeof statement.column === "string") return `${statement.table}.${statement.column}`;
  if ("column" in statement && typeof statement.column === "object") return `${statement.table}.${statement.column.name}`;
  if (statement.kind === "createIndex") return statement.index.name;
  if (statement.kind === "dropIndex" || statement.kind === "dropTriggerFunction") return statement.name;
  if (statement.kind === "createTriggerFunction") return statement.trigger.name;
  if (statement.kind === "renameTable" || statement.kind === "renameIndex") return statement.to;
  if (statement.kind === "createTable") return statement.table.name;
  return statement.table;
}
