/**
 * Runs a compiled query in the request's transaction (so row-level security sees the caller too)
 * under a statement timeout, and turns its rows into JSON the way records are: decimals and money
 * as strings, dates `YYYY-MM-DD`, datetimes ISO 8601, counts as numbers. A value the caller may not
 * read on a row is absent from that row.
 */
import { CompiledQuery, sql } from "kysely";
import { inRequestTransaction } from "../records/access.ts";
import type { RequestContext } from "../server/context.ts";
import { compileQuery, type QueryPlan, type ResultColumn } from "./compile-query.ts";

/** What `GET /api/queries/<name>` and `POST /api/query` answer. */
export interface QueryResult {
  readonly columns: readonly { readonly name: string; readonly label: string; readonly type: string; readonly currency?: string; readonly values?: readonly { readonly value: string; readonly label: string }[] }[];
  readonly data: Record<string, unknown>[];
  /** With `explain` (development only): the statement, its parameters and Postgres' plan. */
  readonly sql?: string;
  readonly parameters?: readonly unknown[];
  readonly plan?: unknown;
}

/** Ad-hoc queries may not hold the database longer than this. */
export const STATEMENT_TIMEOUT_MS = 10_000;

/**
 * Compiles and runs `plan` as the caller of `ctx`.
 *
 * @example await runQueryPlan(ctx, { entity: invoice, select: [{ agg: "count" }], limit: 1 }) // { columns: [{ name: "count", … }], data: [{ count: 7 }] }
 */
export async function runQueryPlan(ctx: RequestContext, plan: QueryPlan, options: { readonly explain?: boolean } = {}): Promise<QueryResult> {
  const { statement, columns } = compileQuery(ctx, plan);
  return inRequestTransaction(ctx, async (trx) => {
    await sql`set local statement_timeout = ${sql.lit(STATEMENT_TIMEOUT_MS)}`.execute(trx);
    const { rows } = await trx.executeQuery<Record<string, unknown>>(statement);
    const result: QueryResult = { columns: columns.map(({ name, label, type, display }) => ({ name, label, type, ...display })), data: rows.map((row) => rowJson(columns, row)) };
    if (!options.explain) return result;
    const explained = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain (format json) ${statement.sql}`, [...statement.parameters]));
    const plan = Object.values(explained.rows[0] ?? {})[0];
    return { ...result, sql: statement.sql, parameters: statement.parameters, plan: typeof plan === "string" ? JSON.parse(plan) : plan };
  });
}

function rowJson(columns: readonly ResultColumn[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.marker && row[column.marker] !== true) continue;
    out[column.name] = convert(column, row[column.name]);
  }
  return out;
}

function convert(column: ResultColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.scalar.kind) {
    case "int":
    case "bigint":
      return Number(value);
    case "decimal":
      return String(value);
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case "datetime":
      return (value instanceof Date ? value : new Date(String(value))).toISOString();
    default:
      return value;
  }
}
