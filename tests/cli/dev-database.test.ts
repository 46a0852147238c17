/**
 * The development migration of `weave dev` on both databases: from empty, up to date, an added
 * field, a refused and an allowed drop, a failing statement, and continuing from a database that
 * `weave migrate apply` made.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { planMigration, renderMigrationFile } from "../../compiler/generators/sql/index.ts";
import type { IR } from "../../compiler/ir/index.ts";
import { applyMigrations } from "../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../runtime/db/migrations/migration-folder.ts";
import { DevStepFailure, migrateDevelopment } from "../../cli/serve/dev-database.ts";
import { forEachDatabase } from "../helpers/db.ts";
import { loadSpec } from "../helpers/spec-app.ts";

const product = (fields: string) => ({
  "domain/product.entity.yaml": `{schema}
entity: Product
tenant: true
fields:
${fields}
policies:
  read: "$member"
`,
  "policies/roles.policy.yaml": `{schema}
roles:
  billing: { label: Billing }
rules:
  member: "tenant.member"
`,
});

let v1: IR;
let v2: IR;
let v3: IR;

beforeAll(async () => {
  v1 = (await loadSpec(product("  name: { type: string, required: true }"))).ir;
  v2 = (await loadSpec(product("  name: { type: string, required: true }\n  barcode: { type: string }"))).ir;
  v3 = (await loadSpec(product("  barcode: { type: string }"))).ir;
});

forEachDatabase("weave dev's development migration", (target) => {
  let migrationsDir: string;
  beforeAll(() => {
    migrationsDir = mkdtempSync(join(tmpdir(), "weave-dev-migrations-"));
  });
  afterAll(() => rmSync(migrationsDir, { recursive: true, force: true }));
  beforeEach(() => target.reset());

  const columns = async () => {
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'products' order by column_name`.execute(target.db);
    return rows.map((r) => r.column_name);
  };

  test("from empty, then up to date, then an added field as one additive step", async () => {
    const first = await migrateDevelopment(target.database, v1, { migrationsDir });
    expect(first.baseline).toEqual({ kind: "empty" });
    expect(first.problems).toEqual([]);
    expect(first.steps.length).toBeGreaterThan(1);
    expect(await columns()).toContain("name");

    const again = await migrateDevelopment(target.database, v1, { migrationsDir });
    expect(again).toMatchObject({ baseline: { kind: "development", hash: v1.hash }, steps: [], problems: [] });

    const added = await migrateDevelopment(target.database, v2, { migrationsDir });
    expect(added.baseline).toEqual({ kind: "development", hash: v1.hash });
    expect(added.steps.map((s) => `${s.class} ${s.kind} ${s.target}`)).toEqual(["additive addColumn products.barcode"]);
    expect(await columns()).toContain("barcode");
    const { rows } = await sql<{ ir_hash: string }>`select ir_hash from weave_dev_state`.execute(target.db);
    expect(rows).toEqual([{ ir_hash: v2.hash }]);
  });

  test("a drop is refused, changing nothing, unless allowed", async () => {
    await migrateDevelopment(target.database, v2, { migrationsDir });
    const refused = await migrateDevelopment(target.database, v3, { migrationsDir });
    expect(refused.steps).toEqual([]);
    expect(refused.problems).toHaveLength(1);
    expect(refused.problems[0]).toMatchObject({ table: "products", column: "name" });
    expect(refused.problems[0]!.hint).toContain("--allow-destructive");
    expect(await columns()).toContain("name");

    const allowed = await migrateDevelopment(target.database, v3, { migrationsDir, allowDestructive: true });
    expect(allowed.problems).toEqual([]);
    expect(allowed.steps.map((s) => s.class)).toContain("destructive");
    expect(await columns()).not.toContain("name");
  });

  test("a failing statement rolls back every step and the saved model", async () => {
    await migrateDevelopment(target.database, v1, { migrationsDir });
    // Someone added the column by hand: the planned ADD COLUMN fails.
    await sql`alter table products add column barcode integer`.execute(target.db);
    const failure = await migrateDevelopment(target.database, v2, { migrationsDir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DevStepFailure);
    expect((failure as DevStepFailure).message).toContain("additive addColumn products.barcode");
    const { rows } = await sql<{ ir_hash: string }>`select ir_hash from weave_dev_state`.execute(target.db);
    expect(rows).toEqual([{ ir_hash: v1.hash }]);
  });

  test("continues from the snapshot of the last migration that weave migrate apply applied", async () => {
    const dir = join(migrationsDir, "applied");
    const plan = planMigration(undefined, v1);
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, v1.hash, plan.steps), v1);
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    const result = await migrateDevelopment(target.database, v2, { migrationsDir: dir });
    expect(result.baseline).toEqual({ kind: "migration", migration: "0001_initial" });
    expect(result.steps.map((s) => s.target)).toEqual(["products.barcode"]);
  });

  test("a migration applied without its snapshot is a problem, not a guess", async () => {
    const dir = join(migrationsDir, "no-snapshot");
    const plan = planMigration(undefined, v1);
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, v1.hash, plan.steps), v1);
    expect((await applyMigrations(target.database, { dir })).problems).toEqual([]);
    rmSync(join(dir, "0001_initial.snapshot.json"));
    const result = await migrateDevelopment(target.database, v2, { migrationsDir: dir });
    expect(result.steps).toEqual([]);
    expect(result.problems[0]!.message).toContain("migrations/0001_initial.snapshot.json is missing");
    expect(result.problems[0]!.hint).toContain("weave migrate reset");
  });
});
