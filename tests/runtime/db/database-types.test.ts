/**
 * The generated Kysely types agree with the tables the planner's migration creates: the invoicing
 * example is planned, applied, and its catalog compared with the generated interfaces.
 */
import { beforeAll, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateDatabaseTypes } from "../../../compiler/generators/db-types/index.ts";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { compileApp } from "../../../compiler/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { forEachDatabase } from "../../helpers/db.ts";

let ir: IR;
beforeAll(async () => {
  ir = (await compileApp(resolve(import.meta.dir, "../../../examples/invoicing"))).ir!;
});

/** table -> column -> what the generated interface says about it. */
function generatedColumns(source: string): Map<string, Map<string, { nullable: boolean; optional: boolean }>> {
  const interfaces = new Map<string, string>();
  for (const [, name, body] of source.matchAll(/export interface (\w+)Table \{\n([\s\S]*?)\n\}/g)) interfaces.set(name!, body!);
  const tables = new Map<string, Map<string, { nullable: boolean; optional: boolean }>>();
  for (const [, table, entity] of source.matchAll(/^ {2}(\w+): (\w+)Table;$/gm)) {
    const columns = new Map<string, { nullable: boolean; optional: boolean }>();
    for (const [, column, type] of interfaces.get(entity!)!.matchAll(/^ {2}(\w+): (.+);$/gm)) {
      const select = type!.startsWith("ColumnType<") ? type!.slice(11).split(",")[0]! : type!;
      columns.set(column!, { nullable: select.includes("| null"), optional: /^Generated|undefined|never/.test(type!) });
    }
    tables.set(table!, columns);
  }
  return tables;
}

forEachDatabase("database types", (target) => {
  test("every table and column of the migrated schema, with its nullability and defaults", async () => {
    const dir = mkdtempSync(join(tmpdir(), "weave-types-"));
    try {
      const plan = planMigration(undefined, ir);
      expect(plan.problems).toEqual([]);
      mkdirSync(join(dir, "migrations"));
      writeFileSync(join(dir, "migrations/0001_initial.sql"), renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps));
      expect((await applyMigrations(target.database, { dir: join(dir, "migrations") })).problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const generated = generatedColumns(generateDatabaseTypes(ir));
    const catalog = (await target.db.introspection.getTables()).filter((t) => t.name !== "weave_migrations");
    expect(catalog.map((t) => t.name).sort()).toEqual([...generated.keys()].sort());
    for (const table of catalog) {
      const columns = generated.get(table.name)!;
      expect(table.columns.map((c) => c.name).sort()).toEqual([...columns.keys()].sort());
      for (const column of table.columns) {
        const typed = columns.get(column.name)!;
        expect({ column: `${table.name}.${column.name}`, nullable: typed.nullable }).toEqual({ column: `${table.name}.${column.name}`, nullable: column.isNullable });
        // A column the database fills (default, identity, generated) may be left out of an insert.
        if (column.hasDefaultValue || column.isAutoIncrementing) expect({ column: `${table.name}.${column.name}`, optional: typed.optional }).toEqual({ column: `${table.name}.${column.name}`, optional: true });
      }
    }
  }, 30_000);
});
