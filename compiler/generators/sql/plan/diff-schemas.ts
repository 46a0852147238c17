import type { DbSchema } from "../schema/db-schema.ts";
import { diffColumns } from "./diff-columns.ts";
import { createTable, diffObjects, dropTable } from "./diff-objects.ts";
import { Phases } from "./phases.ts";
import type { Change } from "./types.ts";

/**
 * Every change that turns the `before` schema into the `after` schema, in an order that runs.
 * Tables are matched by name, or through `renamedFrom`: a rename is never guessed.
 *
 * @example
 *   diffSchemas(emptySchema, schema); // [{ statement: { kind: "createTable", ... }, class: "additive", ... }, ...]
 */
export function diffSchemas(before: DbSchema, after: DbSchema): Change[] {
  const phases = new Phases();
  const matched = new Set<string>();
  for (const table of after.tables) {
    const old = before.tables.find((t) => t.name === table.name) ?? before.tables.find((t) => table.renamedFrom !== undefined && t.name === table.renamedFrom);
    if (!old) {
      createTable(phases, table);
      continue;
    }
    matched.add(old.name);
    if (old.name !== table.name) phases.add("renames", { kind: "renameTable", from: old.name, to: table.name }, "locking", `rename table ${old.name} to ${table.name}`);
    diffObjects(phases, old, table);
    diffColumns(phases, old, table, after.entityRenames ?? {});
  }
  for (const old of before.tables.filter((t) => !matched.has(t.name))) dropTable(phases, old);
  return phases.ordered();
}

/** A database with no weave tables yet. */
export const EMPTY_SCHEMA: DbSchema = { tables: [] };
