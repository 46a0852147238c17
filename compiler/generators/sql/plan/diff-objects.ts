import type { DbTable, DbTrigger } from "../schema/db-schema.ts";
import { canonicalJson } from "../../../lower/hash.ts";
import type { Phases } from "./phases.ts";

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Items of `before` that `after` lacks or defines differently (by name), items of `after` that
 * are new or changed, and pairs that differ only by name (a renamed table renames its
 * constraints and indexes: renaming keeps what depends on them, such as foreign keys on a key).
 */
function changed<T extends { name: string }>(before: readonly T[], after: readonly T[]): { removed: T[]; added: T[]; renamed: [T, T][] } {
  const removed = before.filter((b) => !after.some((a) => a.name === b.name && same(a, b)));
  const added = after.filter((a) => !before.some((b) => b.name === a.name && same(a, b)));
  const renamed: [T, T][] = [];
  for (const old of [...removed]) {
    const match = added.find((a) => a.name !== old.name && !before.some((b) => b.name === a.name) && same({ ...a, name: "" }, { ...old, name: "" }));
    if (!match) continue;
    renamed.push([old, match]);
    removed.splice(removed.indexOf(old), 1);
    added.splice(added.indexOf(match), 1);
  }
  return { removed, added, renamed };
}

/**
 * Constraint, index, row-level security and trigger changes of a table that exists before and
 * after. Drops use the old table name (they run before renames); creations use the new one.
 * Indexes on an existing table are built concurrently, so writers are not blocked.
 *
 * @example
 *   diffObjects(phases, previousInvoices, nextInvoices);
 */
export function diffObjects(phases: Phases, before: DbTable, after: DbTable): void {
  const renameConstraint = ([old, next]: [{ name: string }, { name: string }]) =>
    phases.add("renameObjects", { kind: "renameConstraint", table: after.name, from: old.name, to: next.name }, "additive", `rename constraint ${old.name} to ${next.name}`);
  if (!same(before.primaryKey.columns, after.primaryKey.columns)) {
    phases.add("dropConstraints", { kind: "dropConstraint", table: before.name, name: before.primaryKey.name }, "locking", `drop primary key of ${before.name}`);
    phases.add("addConstraints", { kind: "addPrimaryKey", table: after.name, constraint: after.primaryKey }, "locking", `add primary key (${after.primaryKey.columns.join(", ")}) to ${after.name}`);
  } else if (before.primaryKey.name !== after.primaryKey.name) {
    renameConstraint([before.primaryKey, after.primaryKey]);
  }
  const uniques = changed(before.uniques, after.uniques);
  uniques.renamed.forEach(renameConstraint);
  for (const u of uniques.removed) phases.add("dropConstraints", { kind: "dropConstraint", table: before.name, name: u.name }, "additive", `drop unique constraint ${u.name}`);
  for (const u of uniques.added) phases.add("addConstraints", { kind: "addUnique", table: after.name, constraint: u }, "locking", `add unique constraint ${u.name} (${u.columns.join(", ")}); fails if existing rows repeat`);
  const checks = changed(before.checks, after.checks);
  checks.renamed.forEach(renameConstraint);
  for (const c of checks.removed) phases.add("dropConstraints", { kind: "dropConstraint", table: before.name, name: c.name }, "additive", `drop check ${c.name}`);
  for (const c of checks.added) phases.add("addConstraints", { kind: "addCheck", table: after.name, check: c }, "locking", `add check ${c.name}; fails if an existing row violates it`);
  const fks = changed(before.foreignKeys, after.foreignKeys);
  fks.renamed.forEach(renameConstraint);
  for (const fk of fks.removed) phases.add("dropForeignKeys", { kind: "dropConstraint", table: before.name, name: fk.name }, "additive", `drop foreign key ${fk.name}`);
  for (const fk of fks.added) phases.add("addForeignKeys", { kind: "addForeignKey", table: after.name, foreignKey: fk }, "locking", `add foreign key ${fk.name} to ${fk.refTable}`);
  const indexes = changed(before.indexes, after.indexes);
  for (const [old, next] of indexes.renamed) phases.add("renameObjects", { kind: "renameIndex", from: old.name, to: next.name }, "additive", `rename index ${old.name} to ${next.name}`);
  for (const i of indexes.removed) phases.add("dropIndexes", { kind: "dropIndex", name: i.name }, "additive", `drop index ${i.name}`);
  for (const i of indexes.added) phases.add("createIndexes", { kind: "createIndex", table: after.name, index: i, concurrently: true }, "locking", `create index ${i.name} concurrently`);
  diffRls(phases, before, after);
  diffTriggers(phases, before, after);
}

function diffRls(phases: Phases, before: DbTable, after: DbTable): void {
  if (before.rls && !after.rls) {
    phases.add("dropPolicies", { kind: "dropTenantPolicy", table: before.name }, "additive", `drop tenant isolation policy of ${before.name}`);
    phases.add("dropPolicies", { kind: "disableRls", table: before.name }, "additive", `disable row-level security on ${before.name}`);
  }
  if (!before.rls && after.rls) addRls(phases, after.name);
}

function diffTriggers(phases: Phases, before: DbTable, after: DbTable): void {
  const triggers = changed(before.triggers, after.triggers);
  for (const t of triggers.removed) {
    phases.add("dropTriggers", { kind: "dropTrigger", table: before.name, name: t.name }, "additive", `drop trigger ${t.name}`);
    if (!triggers.added.some((a) => a.name === t.name)) phases.add("dropFunctions", { kind: "dropTriggerFunction", name: t.name }, "additive", `drop function ${t.name}`);
  }
  for (const t of triggers.added) addTrigger(phases, after.name, t);
}

/** A new table: created with its columns, keys, uniques and checks; foreign keys, indexes, RLS and triggers follow. */
export function createTable(phases: Phases, table: DbTable): void {
  phases.add("createTables", { kind: "createTable", table }, "additive", `create table ${table.name}`);
  for (const fk of table.foreignKeys) phases.add("addForeignKeys", { kind: "addForeignKey", table: table.name, foreignKey: fk }, "additive", `add foreign key ${fk.name} to ${fk.refTable}`);
  for (const i of table.indexes) phases.add("createIndexes", { kind: "createIndex", table: table.name, index: i, concurrently: false }, "additive", `create index ${i.name}`);
  if (table.rls) addRls(phases, table.name);
  for (const t of table.triggers) addTrigger(phases, table.name, t);
}

/** A table the model no longer has. Its foreign keys go first, so drop order between dropped tables does not matter. */
export function dropTable(phases: Phases, table: DbTable): void {
  for (const fk of table.foreignKeys) phases.add("dropForeignKeys", { kind: "dropConstraint", table: table.name, name: fk.name }, "additive", `drop foreign key ${fk.name}`);
  const refusal = { message: `refusing to drop table "${table.name}" (entity ${table.entity} was removed): all its rows would be lost`, table: table.name };
  phases.add("dropTables", { kind: "dropTable", table: table.name }, "destructive", `drop table ${table.name}`, refusal);
  for (const t of table.triggers) phases.add("dropFunctions", { kind: "dropTriggerFunction", name: t.name }, "additive", `drop function ${t.name}`);
}

function addRls(phases: Phases, table: string): void {
  phases.add("policies", { kind: "enableRls", table }, "additive", `enable and force row-level security on ${table}`);
  phases.add("policies", { kind: "createTenantPolicy", table }, "additive", `isolate ${table} by tenant (policy tenant_isolation)`);
}

function addTrigger(phases: Phases, table: string, trigger: DbTrigger): void {
  phases.add("triggers", { kind: "createTriggerFunction", trigger }, "additive", `create function ${trigger.name}`);
  phases.add("triggers", { kind: "createTrigger", table, trigger }, "additive", `create trigger ${trigger.name} on ${table}`);
}
