import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IR } from "../../../../compiler/ir/index.ts";
import {
  migrationIds,
  migrationSlug,
  nextMigrationId,
  readLatestSnapshot,
  readMigrationFolder,
  writeMigration,
} from "../../../../runtime/db/migrations/migration-folder.ts";
import { BARCODE, MigrationDir, migrationText, PRODUCTS } from "./fixtures.ts";

let folder: MigrationDir;
afterEach(() => folder?.remove());

describe("readMigrationFolder", () => {
  test("a missing folder has no migrations", () => {
    expect(readMigrationFolder("/nonexistent/migrations")).toEqual({ migrations: [], problems: [] });
  });

  test("reads .sql files in id order and ignores snapshots and other files", () => {
    folder = new MigrationDir();
    folder.add("0002", "barcode", BARCODE);
    folder.add("0001", "initial", PRODUCTS);
    folder.write("0001_initial.snapshot.json", "{}");
    folder.write("README.md", "notes");
    const { migrations, problems } = readMigrationFolder(folder.dir);
    expect(problems).toEqual([]);
    expect(migrations.map((m) => `${m.id}_${m.name}:${m.steps.length}`)).toEqual(["0001_initial:3", "0002_barcode:2"]);
  });

  test("refuses two files with one id", () => {
    folder = new MigrationDir();
    folder.add("0001", "initial", PRODUCTS);
    folder.add("0001", "other", BARCODE);
    expect(readMigrationFolder(folder.dir).problems.map((p) => p.message)).toEqual([
      "two migrations have id 0001: 0001_initial.sql and 0001_other.sql; renumber one",
    ]);
  });

  test("refuses a migration planned from another model than the previous one leads to", () => {
    folder = new MigrationDir();
    folder.add("0001", "initial", PRODUCTS);
    folder.write("0002_branch.sql", migrationText("0002", "branch", BARCODE).replace("from sha256:m0001", "from sha256:other"));
    const [problem] = readMigrationFolder(folder.dir).problems;
    expect(problem).toMatchObject({ fileName: "0002_branch.sql", line: 2 });
    expect(problem!.message).toContain("planned from model sha256:other but 0001_initial.sql leads to sha256:m0001");
  });
});

describe("writing migrations", () => {
  const ir = { irVersion: 1, hash: "sha256:abc", app: { name: "demo" } } as unknown as IR;

  test("next id, slug, and the snapshot beside the file as pretty JSON", () => {
    folder = new MigrationDir();
    expect(nextMigrationId(migrationIds(folder.dir))).toBe("0001");
    expect(readLatestSnapshot(folder.dir)).toBeUndefined();
    const written = writeMigration(folder.dir, "0001_initial", "-- sql\n", ir);
    expect(readFileSync(written.sqlPath, "utf8")).toBe("-- sql\n");
    expect(readFileSync(written.snapshotPath, "utf8")).toBe(`${JSON.stringify(ir, null, 2)}\n`);
    expect(nextMigrationId(migrationIds(folder.dir))).toBe("0002");
    expect(readLatestSnapshot(folder.dir)).toEqual({ ir, fileName: "0001_initial.snapshot.json" });
    expect(existsSync(join(folder.dir, `0001_initial.sql.${process.pid}.tmp`))).toBe(false);
  });

  test("the latest snapshot skips hand-written migrations without one", () => {
    folder = new MigrationDir();
    writeMigration(folder.dir, "0001_initial", "-- sql\n", ir);
    folder.add("0002", "data_fix", [{ kind: "backfill", target: "products", sql: "select 1;" }]);
    expect(readLatestSnapshot(folder.dir)?.fileName).toBe("0001_initial.snapshot.json");
    expect(nextMigrationId(migrationIds(folder.dir))).toBe("0003");
  });

  test.each([
    ["Add product barcode!", "add_product_barcode"],
    ["  --  ", "migration"],
    ["Ünïcode naME", "unicode_name"],
  ])("migrationSlug(%p) is %p", (given, want) => {
    expect(migrationSlug(given)).toBe(want);
  });
});
