/**
 * Postgres' refusals of a write, as the client's problem: a unique key taken is a 409, a missing
 * reference or a failed check a 422, each naming the field; a delete of a record still referenced
 * is a 409. Never a 500.
 */
import type { DbTable } from "../../compiler/generators/sql/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { conflict, forbidden, unprocessable, type ProblemItem, type WeaveError } from "../server/errors.ts";
import { tablesOf } from "./model.ts";

/** The fields of a Postgres error both drivers give, under postgres.js' or PGlite's names. */
interface PgError {
  readonly code: string;
  readonly message: string;
  readonly constraint?: string;
  readonly column?: string;
  readonly table?: string;
}

/** Columns of a table a constraint covers. */
interface Covered {
  readonly table: DbTable;
  readonly columns: readonly string[];
}

/**
 * The WeaveError for a Postgres error raised by a write, or undefined when it is not the
 * request's fault (a lost connection, a bug in weave): those stay 5xx.
 *
 * @example
 *   // duplicate key value violates unique constraint "invoices_key"
 *   databaseProblem(ir, error); // 409, errors: [{ path: "/number", message: "already taken", code: "unique" }]
 */
export function databaseProblem(ir: IR, error: unknown): WeaveError | undefined {
  const e = pgError(error);
  if (!e) return undefined;
  const tables = tablesOf(ir);
  switch (e.code) {
    case "23505": {
      const covered = find(tables, (t) => [t.primaryKey, ...t.uniques, ...t.indexes.filter((i) => i.unique)], e.constraint);
      const items = problems(ir, covered, "already taken", "unique");
      return conflict(`a ${covered ? labelOf(ir, covered.table.entity) : "record"} with this ${listed(items, "key")} already exists`, items);
    }
    case "23503":
    case "23001":
      return foreignKeyProblem(ir, tables, e);
    case "23514": {
      const covered = find(tables, (t) => t.checks.map((c) => ({ name: c.name, columns: t.columns.filter((col) => c.sql.includes(`"${col.name}"`)).map((col) => col.name) })), e.constraint);
      const items = problems(ir, covered, `not allowed (${e.constraint})`, "check");
      return unprocessable(`${listed(items, "a value")}: not allowed by ${e.constraint ?? "a check"}`, items.length ? items : [{ path: "/", message: e.message, code: "check" }]);
    }
    case "23502": {
      const table = tables.find((t) => t.name === e.table);
      const items = table && e.column ? problems(ir, { table, columns: [e.column] }, "required", "required") : [];
      return unprocessable(`${listed(items, "a required field")} is missing`, items);
    }
    case "22001":
    case "22003":
    case "22007":
    case "22008":
    case "22P02":
    case "22023":
      return unprocessable(e.message);
    case "40001":
    case "40P01":
      return conflict("the record changed while this request ran; try again");
    case "42501":
      return forbidden(/row-level security/.test(e.message) ? "the row belongs to another tenant" : e.message);
    default:
      return undefined;
  }
}

function foreignKeyProblem(ir: IR, tables: readonly DbTable[], e: PgError): WeaveError {
  const match = tables.flatMap((table) => table.foreignKeys.map((fk) => ({ table, fk }))).find((x) => x.fk.name === e.constraint);
  if (!match) return unprocessable("a reference names a record that does not exist, or a record is still referenced");
  const target = tables.find((t) => t.name === match.fk.refTable);
  const targetLabel = target ? labelOf(ir, target.entity) : "record";
  // A delete (or key change) of the referenced row says so; an insert or update of the referencing row names a missing key.
  if (e.code === "23001" || /update or delete on table/.test(e.message)) {
    const by = ir.entities.find((x) => x.name === match.table.entity)?.plural.toLowerCase() ?? match.table.name;
    return conflict(`this ${targetLabel} is still referenced by ${by}`, [{ path: "/", message: `still referenced by ${by}`, code: "referenced" }]);
  }
  const items = problems(ir, { table: match.table, columns: match.fk.columns }, `no such ${targetLabel}`, "reference");
  return unprocessable(`${listed(items, "a reference")}: no such ${targetLabel}`, items);
}

function pgError(error: unknown): PgError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== "string" || !/^[0-9A-Z]{5}$/.test(e.code)) return undefined;
  const text = (...keys: string[]): string | undefined => keys.map((k) => e[k]).find((v): v is string => typeof v === "string" && v !== "");
  const constraint = text("constraint_name", "constraint");
  const column = text("column_name", "column");
  const table = text("table_name", "table");
  return { code: e.code, message: String(e.message ?? ""), ...(constraint ? { constraint } : {}), ...(column ? { column } : {}), ...(table ? { table } : {}) };
}

function find(tables: readonly DbTable[], candidates: (t: DbTable) => readonly { name: string; columns: readonly string[] }[], name: string | undefined): Covered | undefined {
  if (!name) return undefined;
  for (const table of tables) {
    const found = candidates(table).find((c) => c.name === name);
    if (found) return { table, columns: found.columns };
  }
  return undefined;
}

/** One problem per field that stores the covered columns (tenant_id left out: no request sets it). */
function problems(ir: IR, covered: Covered | undefined, message: string, code: string): ProblemItem[] {
  if (!covered) return [];
  const entity = ir.entities.find((e) => e.name === covered.table.entity);
  const names = new Set<string>();
  for (const column of covered.columns) {
    if (column === "tenant_id") continue;
    const field = entity?.fields.find((f) => f.column !== undefined && [f.column, f.column.replace(/_id$/, "_type"), `${f.column}_currency`].includes(column));
    names.add(field?.name ?? column);
  }
  return [...names].map((name) => ({ path: `/${name}`, message, code }));
}

function labelOf(ir: IR, entityName: string): string {
  return (ir.entities.find((e) => e.name === entityName)?.label ?? entityName).toLowerCase();
}

function listed(items: readonly ProblemItem[], fallback: string): string {
  return items.length === 0 ? fallback : items.map((i) => i.path.slice(1)).join(", ");
}
