/**
 * The apply engine, one contract suite on PGlite and (with DATABASE_URL) on Postgres.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../../../runtime/db/create-database.ts";
import { type ApplyEvent, applyMigrations, type ApplyOptions } from "../../../../runtime/db/migrations/apply.ts";
import { readHistory } from "../../../../runtime/db/migrations/history.ts";
import { checksumOf } from "../../../../runtime/db/migrations/migration-file.ts";
import { migrationStatus } from "../../../../runtime/db/migrations/status.ts";
import { forEachDatabase } from "../../../helpers/db.ts";
import { BARCODE, MigrationDir, PRODUCTS } from "./fixtures.ts";

let folder: MigrationDir;

forEachDatabase("apply migrations", (target) => {
  beforeEach(async () => {
    folder = new MigrationDir();
    await target.reset();
  });
  afterEach(() => folder.remove());

  const apply = (options: Partial<ApplyOptions> = {}, database: Database = target.database) => applyMigrations(database, { dir: folder.dir, ...options });

  test("applies every migration from an empty database and records each with its checksum", async () => {
    folder.add("0001", "initial", PRODUCTS);
    folder.add("0002", "barcode", BARCODE);
    const events: ApplyEvent[] = [];
    const result = await apply({ onProgress: (e) => events.push(e) });
    expect(result.problems).toEqual([]);
    expect(result.applied.map((a) => a.migration.id)).toEqual(["0001", "0002"]);
    expect(events.filter((e) => e.kind === "step")).toHaveLength(5);
    const history = await readHistory(target.db);
    expect(history.map((r) => [r.id, r.name, r.ir_hash, r.completed_at !== null])).toEqual([
      ["0001", "initial", "sha256:m0001", true],
      ["0002", "barcode", "sha256:m0002", true],
    ]);
    const initial = readMigrationFileChecksum("0001_initial.sql");
    expect(history[0]!.checksum).toBe(initial);
    // The trigger function (semicolons in its body) arrived whole.
    await sql`insert into products (name, barcode) values ('  tea  ', '42')`.execute(target.db);
    expect((await sql<{ name: string }>`select name from products`.execute(target.db)).rows).toEqual([{ name: "tea" }]);
  });

  test("applying again changes nothing", async () => {
    folder.add("0001", "initial", PRODUCTS);
    await apply();
    const before = await readHistory(target.db);
    expect(await apply()).toMatchObject({ applied: [], problems: [] });
    expect(await readHistory(target.db)).toEqual(before);
  });

  test("a migration that fails halfway leaves schema and history as they were, and says where and why", async () => {
    folder.add("0001", "initial", PRODUCTS);
    folder.add("0002", "broken", [
      { kind: "addColumn", target: "products.barcode", sql: 'ALTER TABLE "products" ADD COLUMN "barcode" text;' },
      { kind: "createTable", target: "labels", sql: 'CREATE TABLE "labels" ("id" uuid PRIMARY KEY);' },
      { kind: "addColumn", target: "products.name", sql: 'ALTER TABLE "products"\n  ADD COLUMN "name" text;' },
    ]);
    const result = await apply();
    expect(result.applied.map((a) => a.migration.id)).toEqual(["0001"]);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ reason: "step-failed", fileName: "0002_broken.sql" });
    expect(problem!.message).toStartWith("0002_broken.sql:");
    expect(problem!.message).toContain("step 'additive addColumn products.name' (line 11) failed: column \"name\" of relation \"products\" already exists (SQLSTATE 42701)");
    expect(problem!.message).toContain("Nothing of 0002_broken was applied: the schema and weave_migrations are as they were.");
    expect(problem!.line).toBeOneOf([12, 13]); // Postgres points at the statement or at the column
    expect(await columns(target.db, "products")).toEqual(["id", "name"]);
    expect(await tableExists(target.db, "labels")).toBe(false);
    expect((await readHistory(target.db)).map((r) => r.id)).toEqual(["0001"]);
  });

  test("refuses to run when an applied migration was edited, naming the file", async () => {
    folder.add("0001", "initial", PRODUCTS);
    await apply();
    folder.write("0001_initial.sql", `${readFileSync(join(folder.dir, "0001_initial.sql"), "utf8")}\n-- weave:step additive sneaky t\nselect 1;\n`);
    folder.add("0002", "barcode", BARCODE);
    const result = await apply();
    expect(result.applied).toEqual([]);
    expect(result.problems.map((p) => p.reason)).toEqual(["modified"]);
    expect(result.problems[0]!.message).toMatch(/^0001_initial\.sql was edited after it was applied on .+ \(checksum [0-9a-f]{12} applied, [0-9a-f]{12} now\)/);
    expect(await columns(target.db, "products")).toEqual(["id", "name"]);
    expect((await migrationStatus(target.database, folder.dir)).entries.map((e) => `${e.id}:${e.state}`)).toEqual(["0001:modified", "0002:pending"]);
  });

  test("refuses to run when an applied migration's file is missing", async () => {
    folder.add("0001", "initial", PRODUCTS);
    await apply();
    folder.delete("0001_initial.sql");
    const result = await apply();
    expect(result.problems.map((p) => [p.reason, p.message.split(";")[0]])).toEqual([["missing", expect.stringMatching(/^0001_initial\.sql was applied on .+ but the file is missing$/)]]);
  });

  test("refuses a pending migration that sorts before an applied one", async () => {
    folder.add("0001", "initial", PRODUCTS);
    folder.write("0003_later.sql", "-- weave:step additive create-table later\ncreate table later (id int);\n");
    await apply();
    folder.write("0002_merged.sql", "-- weave:step additive create-table merged\ncreate table merged (id int);\n");
    const result = await apply();
    expect(result.problems.map((p) => p.reason)).toEqual(["out-of-order"]);
    expect(await tableExists(target.db, "merged")).toBe(false);
  });

  test("offline mode runs concurrently steps inside the transaction without CONCURRENTLY", async () => {
    folder.add("0001", "initial", PRODUCTS);
    folder.add("0002", "barcode", [...BARCODE, { kind: "fail", target: "products", sql: "select 1/0;" }]);
    const events: ApplyEvent[] = [];
    const failed = await apply({ mode: "offline", onProgress: (e) => events.push(e) });
    expect(failed.problems[0]!.message).toContain("division by zero (SQLSTATE 22012)");
    // The index was built inside the transaction, so the failure rolled it back too.
    expect(events.some((e) => e.kind === "step" && e.step.kind === "createIndex" && !e.outside)).toBe(true);
    expect(await indexValid(target.db, "products_barcode_idx")).toBeUndefined();
    folder.add("0002", "barcode", BARCODE);
    expect((await apply({ mode: "offline" })).problems).toEqual([]);
    expect(await indexValid(target.db, "products_barcode_idx")).toBe(true);
  });

  test("concurrent applies serialize: each migration is applied once", async () => {
    // On Postgres two pools contend for the advisory lock: the second waits until the first is done.
    // PGlite is one in-process connection that Kysely hands out under a mutex, so applies are
    // serial by construction; two at once still interleave per transaction, so the second must
    // re-read the history under the lock and skip what the first applied.
    folder.add("0001", "initial", [...PRODUCTS, { kind: "slow", target: "products", sql: target.kind === "postgres" ? "select pg_sleep(0.3);" : "select 1;" }]);
    folder.add("0002", "barcode", BARCODE);
    const other = target.kind === "postgres" ? target.connect() : target.database;
    const events: ApplyEvent[] = [];
    const results = await Promise.all([apply({ mode: "offline", onProgress: (e) => events.push(e) }), apply({ mode: "offline", onProgress: (e) => events.push(e) }, other)]);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(results.flatMap((r) => r.applied.map((a) => a.migration.id)).sort()).toEqual(["0001", "0002"]);
    if (target.kind === "pglite") expect(events.filter((e) => e.kind === "skipped").length).toBeGreaterThan(0);
    else expect(events.filter((e) => e.kind === "waiting")).toHaveLength(1);
    expect((await readHistory(target.db)).map((r) => r.id)).toEqual(["0001", "0002"]);
  });

  test("reset drops everything, and weave_app keeps its privileges on tables created after it", async () => {
    folder.add("0001", "initial", PRODUCTS);
    await apply();
    await target.reset();
    expect(await tableExists(target.db, "products")).toBe(false);
    expect(await readHistory(target.db)).toEqual([]);
    expect((await apply()).applied).toHaveLength(1);
    const who = await target.asApp({}, async (trx) => {
      await sql`insert into products (name) values ('tea')`.execute(trx);
      return (await sql<{ user: string }>`select current_user as user`.execute(trx)).rows[0]!.user;
    });
    expect(who).toBe("weave_app");
  });

  test("weave_app is not a superuser: row-level security applies to it", async () => {
    folder.add("0001", "tenants", [
      { kind: "createTable", target: "notes", sql: "create table notes (id serial primary key, tenant_id uuid not null default nullif(current_setting('app.tenant_id', true), '')::uuid, body text);" },
      { kind: "enableRls", target: "notes", sql: "alter table notes enable row level security;" },
      { kind: "forceRls", target: "notes", sql: "alter table notes force row level security;" },
      { kind: "createPolicy", target: "notes", sql: "create policy tenant_isolation on notes using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);" },
    ]);
    expect((await apply()).problems).toEqual([]);
    const [a, b] = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"];
    await target.asApp({ tenantId: a }, (trx) => sql`insert into notes (body) values ('a1'), ('a2')`.execute(trx));
    await target.asApp({ tenantId: b }, (trx) => sql`insert into notes (body) values ('b1')`.execute(trx));
    const seenByB = await target.asApp({ tenantId: b }, async (trx) => (await sql<{ body: string }>`select body from notes order by body`.execute(trx)).rows);
    expect(seenByB).toEqual([{ body: "b1" }]);
    const seenByNobody = await target.asApp({}, async (trx) => (await sql`select body from notes`.execute(trx)).rows);
    expect(seenByNobody).toEqual([]);
    expect((await sql`select body from notes`.execute(target.db)).rows).toHaveLength(3); // the owner bypasses RLS
  });

  if (target.kind === "pglite") {
    test("online mode needs Postgres", async () => {
      folder.add("0001", "initial", PRODUCTS);
      const result = await apply({ mode: "online" });
      expect(result.problems.map((p) => p.reason)).toEqual(["online-needs-postgres"]);
      expect(await tableExists(target.db, "weave_migrations")).toBe(false);
    });
  }

  if (target.kind === "postgres") {
    test("online mode builds the index after the commit, outside any transaction", async () => {
      folder.add("0001", "initial", PRODUCTS);
      folder.add("0002", "barcode", BARCODE);
      const events: ApplyEvent[] = [];
      const result = await apply({ mode: "online", onProgress: (e) => events.push(e) });
      expect(result.problems).toEqual([]);
      // CREATE INDEX CONCURRENTLY fails inside a transaction block, so success shows it ran outside.
      const steps = events.flatMap((e) => (e.kind === "step" ? [`${e.step.kind}${e.outside ? " outside" : ""}`] : []));
      expect(steps.slice(-2)).toEqual(["addColumn", "createIndex outside"]);
      expect(await indexValid(target.db, "products_barcode_idx")).toBe(true);
      expect((await readHistory(target.db)).every((r) => r.completed_at !== null)).toBe(true);
    });

    test("online: a failed concurrently step leaves the migration incomplete, and the next apply finishes it", async () => {
      folder.add("0001", "initial", PRODUCTS);
      await apply();
      await sql`insert into products (name) values ('tea'), ('tea')`.execute(target.db);
      folder.add("0002", "unique_name", [
        { kind: "addColumn", target: "products.sku", sql: 'ALTER TABLE "products" ADD COLUMN "sku" text;' },
        { class: "locking", kind: "createIndex", target: "products_name_key", concurrently: true, sql: 'CREATE UNIQUE INDEX CONCURRENTLY "products_name_key" ON "products" ("name");' },
      ]);
      const failed = await apply({ mode: "online" });
      expect(failed.problems.map((p) => p.reason)).toEqual(["concurrently-failed"]);
      expect(failed.problems[0]!.message).toContain("could not create unique index");
      expect(failed.problems[0]!.message).toContain("The rest of 0002_unique_name is committed");
      expect(await columns(target.db, "products")).toContain("sku");
      expect(await indexValid(target.db, "products_name_key")).toBe(false); // left behind INVALID
      expect((await migrationStatus(target.database, folder.dir)).entries.map((e) => `${e.id}:${e.state}`)).toEqual(["0001:applied", "0002:incomplete"]);

      await sql`delete from products where ctid <> (select min(ctid) from products)`.execute(target.db);
      const events: ApplyEvent[] = [];
      const finished = await apply({ mode: "online", onProgress: (e) => events.push(e) });
      expect(finished.problems).toEqual([]);
      expect(events[0]).toMatchObject({ kind: "migration", resume: true });
      expect(await indexValid(target.db, "products_name_key")).toBe(true);
      expect((await migrationStatus(target.database, folder.dir)).entries.map((e) => e.state)).toEqual(["applied", "applied"]);
    });

    test("an offline apply finishes an incomplete migration inside a transaction", async () => {
      folder.add("0001", "initial", PRODUCTS);
      await apply();
      await sql`insert into products (name) values ('tea'), ('tea')`.execute(target.db);
      folder.add("0002", "unique_name", [
        { class: "locking", kind: "createIndex", target: "products_name_key", concurrently: true, sql: 'CREATE UNIQUE INDEX CONCURRENTLY "products_name_key" ON "products" ("name");' },
      ]);
      expect((await apply({ mode: "online" })).problems.map((p) => p.reason)).toEqual(["concurrently-failed"]);
      await sql`delete from products where ctid <> (select min(ctid) from products)`.execute(target.db);
      const finished = await apply({ mode: "offline" });
      expect(finished.problems).toEqual([]);
      expect(finished.applied.map((a) => a.migration.id)).toEqual(["0002"]);
      expect(await indexValid(target.db, "products_name_key")).toBe(true);
      expect((await readHistory(target.db)).map((r) => r.completed_at !== null)).toEqual([true, true]);
    });

    test("an online and an offline apply from two pools serialize, concurrently steps included, without deadlocking", async () => {
      // CREATE INDEX CONCURRENTLY waits for every open transaction: a second apply blocked inside
      // pg_advisory_lock would deadlock with it, so waiting applies poll outside any transaction.
      folder.add("0001", "initial", [...PRODUCTS, { kind: "slow", target: "products", sql: "select pg_sleep(0.3);" }]);
      folder.add("0002", "barcode", BARCODE);
      const results = await Promise.all([apply({ mode: "online" }), apply({ mode: "offline" }, target.connect())]);
      expect(results.flatMap((r) => r.problems)).toEqual([]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 2]);
    });
  }
});

function readMigrationFileChecksum(fileName: string): string {
  return checksumOf(readFileSync(join(folder.dir, fileName), "utf8"));
}

async function columns(db: Kysely<any>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.map((r) => r.name);
}

async function tableExists(db: Kysely<any>, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${table}) is not null as found`.execute(db);
  return rows[0]!.found;
}

async function indexValid(db: Kysely<any>, index: string): Promise<boolean | undefined> {
  const { rows } = await sql<{ valid: boolean }>`select indisvalid as valid from pg_index where indexrelid = to_regclass(${index})`.execute(db);
  return rows[0]?.valid;
}
