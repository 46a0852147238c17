/**
 * The migration contract, on PGlite and on Postgres: a model evolves through the changes users
 * make, each planned by compiler/generators/sql, written as a migration file and applied by
 * runtime/db; data survives, refusals happen, and the evolved schema equals the final model
 * applied from scratch (compared from the catalog).
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { planMigration, renderMigrationFile, type MigrationPlan } from "../../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { applyMigrations } from "../../../../runtime/db/migrations/apply.ts";
import { migrationIds, nextMigrationId, writeMigration } from "../../../../runtime/db/migrations/migration-folder.ts";
import { readCatalog } from "../../../helpers/catalog.ts";
import { forEachDatabase, type TestDatabase } from "../../../helpers/db.ts";
import { loadSpec } from "../../../helpers/spec-app.ts";

const TENANT_A = "00000000-0000-4000-8000-00000000000a";
const TENANT_B = "00000000-0000-4000-8000-00000000000b";
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A Product model: tenant-scoped, with these field lines and extra top-level lines. */
async function product(fields: string, extra = ""): Promise<IR> {
  const text = `{schema}\nentity: Product\ntenant: true\n${extra ? `${extra}\n` : ""}fields:\n${fields}\npolicies:\n  read: "true"\n`;
  return (await loadSpec({ "domain/product.entity.yaml": text })).ir;
}

/** Plans from the last applied model, writes the migration, applies it; returns the plan (unwritten when refused). */
class Migrator {
  readonly dir = mkdtempSync(join(tmpdir(), "weave-contract-"));
  previous: IR | undefined;

  constructor(private readonly target: TestDatabase) {
    folders.push(this.dir);
  }

  /** Plans, writes and applies; the plan must not be refused. */
  async migrate(ir: IR, name: string, options: { allowDestructive?: boolean } = {}): Promise<MigrationPlan> {
    const plan = await this.tryMigrate(ir, name, options);
    expect(plan.problems).toEqual([]);
    return plan;
  }

  /** Like migrate, but a refused plan is returned, and nothing is written. */
  async tryMigrate(ir: IR, name: string, options: { allowDestructive?: boolean } = {}): Promise<MigrationPlan> {
    const plan = planMigration(this.previous, ir, options);
    if (plan.problems.length > 0) return plan;
    const id = nextMigrationId(migrationIds(this.dir));
    writeMigration(this.dir, `${id}_${name}`, renderMigrationFile(id, name, this.previous?.hash, ir.hash, plan.steps), ir);
    const result = await applyMigrations(this.target.database, { dir: this.dir });
    expect(result.problems).toEqual([]);
    this.previous = ir;
    return plan;
  }
}

const rows = (target: TestDatabase, query: string) =>
  target.asApp({ tenantId: TENANT_A }, async (trx) => (await sql.raw(query).execute(trx)).rows as Record<string, unknown>[]);

forEachDatabase("migrations evolve a model", (target) => {
  let migrator: Migrator;
  const v1 = () => product("  name: { type: string, required: true }\n  notes: { type: text }\n  stock: { type: int }");

  test("create from empty", async () => {
    migrator = new Migrator(target);
    await migrator.migrate(await v1(), "initial");
    await rows(target, `insert into products (name, notes, stock) values ('Lamp', 'bright', 3)`);
    expect(await rows(target, "select name, notes, stock from products")).toEqual([{ name: "Lamp", notes: "bright", stock: 3 }]);
  });

  test("add a field and an index on the existing table", async () => {
    const v2 = await product("  name: { type: string, required: true }\n  notes: { type: text }\n  stock: { type: int }\n  barcode: { type: string }", "indexes:\n  - { fields: [barcode] }");
    const plan = await migrator.migrate(v2, "barcode");
    expect(plan.steps.find((s) => s.kind === "createIndex")?.concurrently).toBe(true);
    const [index] = (await sql.raw(`select indexdef from pg_indexes where indexname = 'products_barcode_idx'`).execute(target.db)).rows as { indexdef: string }[];
    expect(index?.indexdef).toContain("(barcode)");
  });

  test("remove a field: refused without the flag, applied with it", async () => {
    const v3 = await product("  name: { type: string, required: true }\n  stock: { type: int }\n  barcode: { type: string }", "indexes:\n  - { fields: [barcode] }");
    const refused = await migrator.tryMigrate(v3, "drop_notes");
    expect(refused.problems.map((p) => [p.table, p.column])).toEqual([["products", "notes"]]);
    expect(refused.problems[0]!.hint).toContain("--allow-destructive");
    expect(await rows(target, "select notes from products")).toEqual([{ notes: "bright" }]);
    await migrator.migrate(v3, "drop_notes", { allowDestructive: true });
    expect(await rows(target, "select * from products")).not.toContainEqual(expect.objectContaining({ notes: "bright" }));
  });

  test("rename a field with renamedFrom: the data stays", async () => {
    const v4 = await product("  title: { type: string, required: true, renamedFrom: name }\n  stock: { type: int }\n  barcode: { type: string }", "indexes:\n  - { fields: [barcode] }");
    const plan = await migrator.migrate(v4, "rename_name");
    expect(plan.steps.map((s) => s.kind)).toEqual(["renameColumn"]);
    expect(await rows(target, "select title from products")).toEqual([{ title: "Lamp" }]);
  });

  test("widen a type keeps the values; narrowing it back is refused", async () => {
    const v5 = await product("  title: { type: string, required: true }\n  stock: { type: decimal, precision: 14, scale: 3 }\n  barcode: { type: string }", "indexes:\n  - { fields: [barcode] }");
    await migrator.migrate(v5, "widen_stock");
    expect(await rows(target, "select stock from products")).toEqual([{ stock: "3.000" }]);
    const narrowed = await migrator.tryMigrate(await product("  title: { type: string, required: true }\n  stock: { type: int }\n  barcode: { type: string }", "indexes:\n  - { fields: [barcode] }"), "narrow");
    expect(narrowed.problems[0]!.message).toContain('"products"."stock" from numeric(14,3) to integer');
  });

  test("a required field with a backfill fills existing rows", async () => {
    const v6 = await product('  title: { type: string, required: true }\n  stock: { type: decimal, precision: 14, scale: 3 }\n  barcode: { type: string }\n  sku: { type: string, required: true, backfill: "upper(title)" }', "indexes:\n  - { fields: [barcode] }");
    await migrator.migrate(v6, "sku");
    expect(await rows(target, "select sku from products")).toEqual([{ sku: "LAMP" }]);
  });

  test("a required field without default or backfill stops on a table with rows, and changes nothing", async () => {
    const v7 = await product('  title: { type: string, required: true }\n  stock: { type: decimal, precision: 14, scale: 3 }\n  barcode: { type: string }\n  sku: { type: string, required: true }\n  origin: { type: string, required: true }', "indexes:\n  - { fields: [barcode] }");
    const plan = planMigration(migrator.previous, v7);
    const id = nextMigrationId(migrationIds(migrator.dir));
    writeMigration(migrator.dir, `${id}_origin`, renderMigrationFile(id, "origin", migrator.previous!.hash, v7.hash, plan.steps), v7);
    const result = await applyMigrations(target.database, { dir: migrator.dir });
    expect(result.problems[0]!.message).toContain("cannot add required column products.origin (Product.origin)");
    const columns = (await sql.raw(`select column_name from information_schema.columns where table_name = 'products' and column_name = 'origin'`).execute(target.db)).rows;
    expect(columns).toEqual([]);
    rmSync(join(migrator.dir, `${id}_origin.sql`));
    rmSync(join(migrator.dir, `${id}_origin.snapshot.json`));
  });

  test("round trip: the evolved schema equals the final model applied from scratch", async () => {
    const evolved = await readCatalog(target.db);
    const final = migrator.previous!;
    await target.reset();
    const direct = new Migrator(target);
    await direct.migrate(final, "initial");
    expect(await readCatalog(target.db)).toEqual(evolved);
  });
});

/** Posts and tags (many-to-many), notes about either (polymorphic); `tagEntity` is Tag or a renamed Label. */
async function blog(tagEntity: "Tag" | "Label"): Promise<IR> {
  const renamed = tagEntity === "Label";
  const tags = renamed ? "labels" : "tags";
  const post = `{schema}\nentity: Post\ntenant: true\nfields:\n  title: { type: string, required: true }\n  ${tags}: { type: many-to-many, to: ${tagEntity}, inverse: posts${renamed ? ", renamedFrom: tags" : ""} }\npolicies:\n  read: "true"\n`;
  const tag = `{schema}\nentity: ${tagEntity}\ntenant: true\n${renamed ? "renamedFrom: Tag\n" : ""}fields:\n  name: { type: string, required: true }\n  posts: { type: many-to-many, to: Post, inverse: ${tags} }\npolicies:\n  read: "true"\n`;
  const note = `{schema}\nentity: Note\ntenant: true\nfields:\n  about: { type: ref, to: [Post, ${tagEntity}] }\n  body: { type: text }\npolicies:\n  read: "true"\n`;
  const file = renamed ? "domain/label.entity.yaml" : "domain/tag.entity.yaml";
  return (await loadSpec({ "domain/post.entity.yaml": post, [file]: tag, "domain/note.entity.yaml": note })).ir;
}

forEachDatabase("migrations of relations", (target) => {
  let migrator: Migrator;

  test("many-to-many links and polymorphic refs are stored and checked", async () => {
    migrator = new Migrator(target);
    await migrator.migrate(await blog("Tag"), "initial");
    const linked = await rows(target, `
      with p as (insert into posts (title) values ('Hello') returning id),
           t as (insert into tags (name) values ('news') returning id),
           l as (insert into post_tags_links (post_id, tag_id) select p.id, t.id from p, t returning 1),
           n as (insert into notes (about_type, about_id, body) select 'Tag', t.id, 'about news' from t returning 1)
      select (select count(*) from l) as links, (select count(*) from n) as notes`);
    expect(linked.map((r) => [Number(r.links), Number(r.notes)])).toEqual([[1, 1]]);
    await expect(rows(target, `insert into notes (about_type, about_id) values ('Comment', gen_random_uuid())`)).rejects.toThrow(/notes_about_type_check/);
    await expect(rows(target, `insert into notes (about_type) values ('Post')`)).rejects.toThrow(/notes_about_id_pair/);
  });

  test("renaming an entity keeps its rows, its links (the join table follows the new names) and the references to it", async () => {
    const plan = await migrator.migrate(await blog("Label"), "rename_tag");
    expect(plan.problems).toEqual([]);
    expect(plan.steps.some((s) => s.class === "destructive")).toBe(false);
    expect(plan.steps.map((s) => s.sql)).toContain('ALTER TABLE "tags" RENAME TO "labels"');
    const joined = await rows(target, `
      select p.title, l.name from label_posts_links x join posts p on p.id = x.post_id join labels l on l.id = x.label_id`);
    expect(joined).toEqual([{ title: "Hello", name: "news" }]);
    // The polymorphic ref held the old entity name: the migration rewrote it.
    expect(await rows(target, "select about_type from notes")).toEqual([{ about_type: "Label" }]);
  });
});
