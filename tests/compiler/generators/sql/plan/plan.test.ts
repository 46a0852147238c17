/**
 * The planner, scenario by scenario: each compiles a model before and after a change and
 * asserts the exact steps (kind, class, SQL) and what is refused.
 */
import { describe, expect, test } from "bun:test";
import { planMigration } from "../../../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../../../compiler/ir/index.ts";
import { loadSpec, yaml } from "../../../../helpers/spec-app.ts";

/** A Product entity with these field lines (indented two spaces) and extra top-level lines. */
async function model(fields: string, extra = ""): Promise<IR> {
  const product = `{schema}\nentity: Product\n${extra ? `${extra}\n` : ""}fields:\n${fields}\npolicies:\n  read: "true"\n`;
  return (await loadSpec({ "domain/product.entity.yaml": product })).ir;
}

const steps = (before: IR | undefined, after: IR, allowDestructive = false) =>
  planMigration(before, after, { allowDestructive }).steps.map((s) => `${s.class} ${s.kind}: ${s.sql}`);

describe("planMigration", () => {
  test("from empty: table, indexes, RLS; nothing refused", async () => {
    const ir = await model("  name: { type: string, required: true }", "tenant: true");
    const plan = planMigration(undefined, ir);
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((s) => `${s.class} ${s.kind} ${s.target}`)).toEqual([
      "additive createTable products",
      "additive createTable weave_api_tokens",
      "additive createTable weave_audit",
      "additive createTable weave_credentials",
      "additive createTable weave_idempotency",
      "additive createTable weave_magic_links",
      "additive createTable weave_memberships",
      "additive createTable weave_rate_limits",
      "additive createTable weave_sessions",
      "additive createTable weave_tenants",
      "additive createTable weave_users",
      "additive addForeignKey weave_api_tokens",
      "additive addForeignKey weave_credentials",
      "additive addForeignKey weave_memberships",
      "additive addForeignKey weave_memberships",
      "additive addForeignKey weave_sessions",
      "additive createIndex weave_api_tokens_user_idx",
      "additive createIndex weave_audit_record_idx",
      "additive createIndex weave_audit_at_idx",
      "additive createIndex weave_idempotency_created_at_idx",
      "additive createIndex weave_magic_links_expires_at_idx",
      "additive createIndex weave_memberships_user_idx",
      "additive createIndex weave_rate_limits_window_start_idx",
      "additive createIndex weave_sessions_user_idx",
      "additive enableRls products",
      "additive createTenantPolicy products",
      "additive createTriggerFunction weave_audit_append_only",
      "additive createTrigger weave_audit",
    ]);
  });

  test("the same model plans nothing", async () => {
    const ir = await model("  name: { type: string }");
    expect(planMigration(ir, ir).steps).toEqual([]);
  });

  test("add an optional field", async () => {
    const before = await model("  name: { type: string }");
    const after = await model("  name: { type: string }\n  barcode: { type: string, maxLength: 64 }");
    expect(steps(before, after)).toEqual([
      'additive addColumn: ALTER TABLE "products" ADD COLUMN "barcode" text',
      'locking addCheck: ALTER TABLE "products" ADD CONSTRAINT "products_barcode_max_length" CHECK (char_length("barcode") <= 64)',
    ]);
  });

  test("a required field without default or backfill first checks the table is empty", async () => {
    const before = await model("  name: { type: string }");
    const after = await model("  name: { type: string }\n  sku: { type: string, required: true }");
    const [assert, add] = steps(before, after);
    expect(assert).toStartWith('additive assertEmpty: DO $weave$ BEGIN IF EXISTS (SELECT 1 FROM "products") THEN RAISE EXCEPTION');
    expect(assert).toContain("cannot add required column products.sku (Product.sku)");
    expect(add).toBe('additive addColumn: ALTER TABLE "products" ADD COLUMN "sku" text NOT NULL');
  });

  test("a required field with a backfill is added, filled, then made required", async () => {
    const before = await model("  name: { type: string }");
    const after = await model('  name: { type: string }\n  sku: { type: string, required: true, backfill: "upper(name)" }');
    expect(steps(before, after)).toEqual([
      'additive addColumn: ALTER TABLE "products" ADD COLUMN "sku" text',
      'locking backfill: UPDATE "products" SET "sku" = upper("name")',
      'locking setNotNull: ALTER TABLE "products" ALTER COLUMN "sku" SET NOT NULL',
    ]);
  });

  test("removing a field is refused, naming table, column and the flag; allowed with it", async () => {
    const before = await model("  name: { type: string }\n  notes: { type: text }");
    const after = await model("  name: { type: string }");
    const plan = planMigration(before, after);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]!.message).toBe('refusing to drop column "products"."notes" (Product.notes was removed): its data would be lost');
    expect(plan.problems[0]!.hint).toContain("--allow-destructive");
    expect(plan.problems[0]!.hint).toContain("raise `version` of Product to 2");
    expect(planMigration(before, after, { allowDestructive: true }).problems).toEqual([]);
    expect(steps(before, after, true)).toEqual(['destructive dropColumn: ALTER TABLE "products" DROP COLUMN "notes"']);
  });

  test("raising the entity's version acknowledges a destructive change", async () => {
    const before = await model("  name: { type: string }\n  notes: { type: text }");
    const after = await model("  name: { type: string }", "version: 2");
    expect(planMigration(before, after).problems).toEqual([]);
  });

  test("a rename comes only from renamedFrom", async () => {
    const before = await model("  title: { type: string }");
    const guessed = await model("  name: { type: string }");
    expect(planMigration(before, guessed).problems.map((p) => p.column)).toEqual(["title"]);
    const renamed = await model("  name: { type: string, renamedFrom: title }");
    expect(steps(before, renamed)).toEqual(['locking renameColumn: ALTER TABLE "products" RENAME COLUMN "title" TO "name"']);
  });

  test("widening a type is allowed; narrowing is refused", async () => {
    const before = await model("  stock: { type: int }");
    const wider = await model("  stock: { type: decimal, precision: 12, scale: 2 }");
    expect(steps(before, wider)).toEqual(['locking alterColumnType: ALTER TABLE "products" ALTER COLUMN "stock" TYPE numeric(12,2) USING "stock"::numeric(12,2)']);
    const narrowed = planMigration(wider, before);
    expect(narrowed.problems[0]!.message).toBe('refusing to change "products"."stock" from numeric(12,2) to integer: values that do not fit would be lost or refused');
  });

  test("an index on an existing table is created concurrently", async () => {
    const before = await model("  name: { type: string }");
    const after = await model("  name: { type: string }", "indexes:\n  - { fields: [name] }");
    const plan = planMigration(before, after);
    expect(plan.steps.map((s) => [s.kind, s.concurrently, s.sql])).toEqual([
      ["createIndex", true, 'CREATE INDEX CONCURRENTLY "products_name_idx" ON "products" USING btree ("name")'],
    ]);
  });

  test("an enum gains a value: its check is replaced", async () => {
    const before = await model("  kind: { type: enum, values: [a, b] }");
    const after = await model("  kind: { type: enum, values: [a, b, c] }");
    expect(steps(before, after)).toEqual([
      'additive dropConstraint: ALTER TABLE "products" DROP CONSTRAINT "products_kind_check"',
      `locking addCheck: ALTER TABLE "products" ADD CONSTRAINT "products_kind_check" CHECK ("kind" IN ('a', 'b', 'c'))`,
    ]);
  });

  test("renaming an entity renames its table", async () => {
    const before = await model("  name: { type: string }");
    const item = yaml`
      {schema}
      entity: Item
      renamedFrom: Product
      fields:
        name: { type: string }
      policies:
        read: "true"
    `;
    const after = (await loadSpec({ "domain/item.entity.yaml": item })).ir;
    const plan = planMigration(before, after);
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((s) => s.sql)).toContain('ALTER TABLE "products" RENAME TO "items"');
    expect(plan.steps.some((s) => s.kind === "dropTable" || s.kind === "createTable")).toBe(false);
  });
});

describe("relations", () => {
  test("many-to-many gets a join table keyed by the pair", async () => {
    const post = yaml`
      {schema}
      entity: Post
      fields:
        title: { type: string }
        tags: { type: many-to-many, to: Tag, inverse: posts }
      policies:
        read: "true"
    `;
    const tag = yaml`
      {schema}
      entity: Tag
      fields:
        name: { type: string }
        posts: { type: many-to-many, to: Post, inverse: tags }
      policies:
        read: "true"
    `;
    const { ir } = await loadSpec({ "domain/post.entity.yaml": post, "domain/tag.entity.yaml": tag });
    const sql = planMigration(undefined, ir).steps.map((s) => s.sql).join("\n");
    expect(sql).toContain('CREATE TABLE "post_tags_links" (\n  "post_id" uuid NOT NULL,\n  "tag_id" uuid NOT NULL,');
    expect(sql).toContain('CONSTRAINT "post_tags_links_pkey" PRIMARY KEY ("post_id", "tag_id")');
    expect(sql).toContain('FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE');
    expect(sql).toContain('FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE');
  });

  test("a polymorphic ref is a type and an id with checks", async () => {
    const note = yaml`
      {schema}
      entity: Note
      fields:
        about: { type: ref, to: [Post, Tag] }
      policies:
        read: "true"
    `;
    const simple = (name: string) => yaml`
      {schema}
      entity: ${name}
      fields:
        name: { type: string }
      policies:
        read: "true"
    `;
    const { ir } = await loadSpec({ "domain/note.entity.yaml": note, "domain/post.entity.yaml": simple("Post"), "domain/tag.entity.yaml": simple("Tag") });
    const create = planMigration(undefined, ir).steps.find((s) => s.target === "notes" && s.kind === "createTable")!.sql;
    expect(create).toContain('"about_type" text,\n  "about_id" uuid,');
    expect(create).toContain(`CONSTRAINT "notes_about_type_check" CHECK ("about_type" IN ('Post', 'Tag'))`);
    expect(create).toContain('CONSTRAINT "notes_about_id_pair" CHECK (("about_type" IS NULL) = ("about_id" IS NULL))');
  });
});
