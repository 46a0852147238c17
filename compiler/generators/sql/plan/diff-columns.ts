import type { DbColumn, DbTable } from "../schema/db-schema.ts";
import type { Phases } from "./phases.ts";
import { isWidening } from "./widening.ts";

/**
 * Column changes between a table as the database has it and as the model wants it: renames
 * (only from `renamedFrom`), drops, type, nullability and default changes, and additions.
 *
 * @example
 *   diffColumns(phases, previousInvoices, nextInvoices);
 */
export function diffColumns(phases: Phases, before: DbTable, after: DbTable, entityRenames: Readonly<Record<string, string>> = {}): void {
  const matched = new Set<string>();
  for (const column of after.columns) {
    const old = before.columns.find((c) => c.name === column.name) ?? before.columns.find((c) => column.renamedFrom !== undefined && c.name === column.renamedFrom);
    if (!old) {
      addColumn(phases, after.name, column, true);
      continue;
    }
    matched.add(old.name);
    if (old.name !== column.name) {
      phases.add("renames", { kind: "renameColumn", table: after.name, from: old.name, to: column.name }, "locking", `rename column ${after.name}.${old.name} to ${column.name}`);
    }
    alterColumn(phases, after.name, old, column);
    renameEntityValues(phases, after.name, old, column, entityRenames);
  }
  for (const old of before.columns.filter((c) => !matched.has(c.name))) dropColumn(phases, after.name, old);
}

/**
 * Adds a column. A required column without a default, added to a table that exists, is added
 * optional, filled by the field's backfill expression, then made required; without a backfill
 * the migration first asserts the table is empty, with a message that says how to fix it.
 */
export function addColumn(phases: Phases, table: string, column: DbColumn, existing: boolean): void {
  const needsValues = existing && !column.nullable && column.default === undefined && !column.generated && !column.identity;
  const summary = `add column ${table}.${column.name} (${column.type}${column.nullable ? "" : ", required"}${column.generated ? ", generated" : ""})`;
  if (needsValues && column.backfill !== undefined) {
    phases.add("addColumns", { kind: "addColumn", table, column: { ...column, nullable: true } }, "additive", summary);
    phases.add("addColumns", { kind: "backfill", table, column: column.name, value: column.backfill }, "locking", `fill ${table}.${column.name} on existing rows from the backfill expression`);
    phases.add("addColumns", { kind: "setNotNull", table, column: column.name }, "locking", `make ${table}.${column.name} required`);
    return;
  }
  if (needsValues) {
    const reason = `weave: cannot add required column ${table}.${column.name} (${column.source}): the table has rows and the field has no default. Give the field a default or a backfill expression, or make it optional.`;
    phases.add("addColumns", { kind: "assertEmpty", table, reason }, "additive", `check that ${table} is empty before adding required ${column.name}`);
  }
  phases.add("addColumns", { kind: "addColumn", table, column }, column.generated && existing ? "locking" : "additive", summary);
}

/** A polymorphic type column holds entity names: a renamed entity's rows are rewritten to its new name. */
function renameEntityValues(phases: Phases, table: string, old: DbColumn, next: DbColumn, renames: Readonly<Record<string, string>>): void {
  for (const [from, to] of Object.entries(renames)) {
    if (!old.entityNames?.includes(from) || !next.entityNames?.includes(to)) continue;
    phases.add("alterColumns", { kind: "replaceValue", table, column: next.name, from, to }, "locking", `rewrite ${table}.${next.name} from ${from} to ${to} (entity renamed)`);
  }
}

function dropColumn(phases: Phases, table: string, old: DbColumn): void {
  const derived = old.generated !== undefined;
  const refusal = derived ? undefined : {
    message: `refusing to drop column "${table}"."${old.name}" (${old.source} was removed): its data would be lost`,
    table, column: old.name,
  };
  phases.add("dropColumns", { kind: "dropColumn", table, column: old.name }, derived ? "locking" : "destructive", `drop column ${table}.${old.name}`, refusal);
}

function alterColumn(phases: Phases, table: string, old: DbColumn, next: DbColumn): void {
  if ((old.generated ?? "") !== (next.generated ?? "") || Boolean(old.identity) !== Boolean(next.identity)) {
    dropColumn(phases, table, { ...old, name: next.name });
    addColumn(phases, table, next, true);
    return;
  }
  if (old.type !== next.type) alterType(phases, table, next.name, old.type, next.type);
  if (old.nullable && !next.nullable) phases.add("alterColumns", { kind: "setNotNull", table, column: next.name }, "locking", `make ${table}.${next.name} required (fails if a row has no value)`);
  if (!old.nullable && next.nullable) phases.add("alterColumns", { kind: "dropNotNull", table, column: next.name }, "additive", `make ${table}.${next.name} optional`);
  if (old.default !== next.default) {
    const statement = next.default === undefined ? { kind: "dropDefault" as const, table, column: next.name } : { kind: "setDefault" as const, table, column: next.name, default: next.default };
    phases.add("alterColumns", statement, "additive", `${next.default === undefined ? "drop the default of" : "set the default of"} ${table}.${next.name}`);
  }
}

function alterType(phases: Phases, table: string, column: string, from: string, to: string): void {
  const widening = isWidening(from, to);
  const refusal = widening ? undefined : { message: `refusing to change "${table}"."${column}" from ${from} to ${to}: values that do not fit would be lost or refused`, table, column };
  phases.add("alterColumns", { kind: "alterColumnType", table, column, type: to, from }, widening ? "locking" : "destructive", `change ${table}.${column} from ${from} to ${to}`, refusal);
}
