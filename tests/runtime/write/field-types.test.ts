/**
 * Writes of the field kinds the invoicing example lacks, on a small inline model: a polymorphic
 * ref (`{ type, id }` as two columns), money without a fixed currency (`<field>Currency`), json,
 * serial ids, and an entity without a tenant.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { applyMigrations, writeMigration } from "../../../runtime/db/index.ts";
import { createRecord, deleteRecord, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { loadSpec, yaml } from "../../helpers/spec-app.ts";
import { billing, contextFor, refusal } from "./fixture.ts";

const SPEC = {
  "domain/author.entity.yaml": yaml`
    {schema}
    entity: Author
    tenant: true
    fields:
      name: { type: string, required: true }
    policies: { read: "true", write: "tenant.member" }
  `,
  "domain/topic.entity.yaml": yaml`
    {schema}
    entity: Topic
    tenant: true
    id: serial
    fields:
      name: { type: string, required: true }
    policies: { read: "true", write: "tenant.member" }
  `,
  "domain/note.entity.yaml": yaml`
    {schema}
    entity: Note
    tenant: true
    fields:
      title: { type: string, required: true }
      subject: { type: ref, to: [Author, Topic] }
      fee: { type: money }
      meta: { type: json }
      topic: { type: ref, to: Topic }
      at: { type: datetime }
    policies: { read: "true", write: "tenant.member" }
  `,
  "domain/country.entity.yaml": yaml`
    {schema}
    entity: Country
    key: code
    fields:
      code: { type: string, required: true, unique: true }
    policies: { read: "true", create: "'admin' in user.roles" }
  `,
};

forEachDatabase("writes of other field kinds", (target) => {
  let ir: IR;
  let dir: string;
  beforeAll(async () => {
    ir = (await loadSpec(SPEC)).ir;
    dir = mkdtempSync(join(tmpdir(), "weave-write-kinds-"));
    const plan = planMigration(undefined, ir);
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
    const applied = await applyMigrations(target.database, { dir });
    expect(applied.problems).toEqual([]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const as = (identity = billing) => contextFor(target, ir, identity);

  test("a polymorphic ref is two columns; money keeps its currency; json and serial refs round-trip", async () => {
    const author = (await createRecord(as(), "Author", { name: "Ann" })).body as { id: string };
    const topic = (await createRecord(as(), "Topic", { name: "Tax" })).body as { id: string };
    expect(topic.id).toMatch(/^\d+$/);
    const { body } = await createRecord(as(), "Note", { title: "n", subject: { type: "Author", id: author.id }, fee: "12.50", feeCurrency: "CHF", meta: { a: [1, "two"] }, topic: topic.id, at: "2026-01-02T03:04:05.123456Z" });
    expect(body).toMatchObject({ subject: { type: "Author", id: author.id }, fee: "12.50", feeCurrency: "CHF", meta: { a: [1, "two"] }, topic: topic.id });
    const row = (await sql<any>`select subject_type, subject_id, fee_currency, to_char(at at time zone 'UTC', 'SS.US') as us from notes`.execute(target.db)).rows[0];
    expect(row).toEqual({ subject_type: "Author", subject_id: author.id, fee_currency: "CHF", us: "05.123456" });
    const id = (body as { id: string }).id;
    const cleared = await updateRecord(as(), "Note", id, { subject: null, meta: null });
    expect(cleared.body).toMatchObject({ subject: null, meta: null });
  });

  test("bad values of these kinds are a 422 naming the field", async () => {
    const problem = await refusal(createRecord(as(), "Note", { title: "n", subject: { type: "Country", id: "x" }, feeCurrency: "chf", topic: "abc", at: "yesterday" }));
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["/at", "/feeCurrency", "/subject", "/topic"]);
  });

  test("an entity without a tenant needs none; its policy reads user.roles; no delete policy is a 403", async () => {
    const noTenant = { ...billing, tenantId: null };
    expect(await refusal(createRecord(as(noTenant), "Country", { code: "DE" }))).toMatchObject({ status: 403 });
    const admin = { ...noTenant, roles: ["admin"] };
    const { status, body } = await createRecord(as(admin), "Country", { code: "DE" });
    expect(status).toBe(201);
    expect(await refusal(deleteRecord(as(admin), "Country", (body as { id: string }).id))).toMatchObject({ status: 403 });
  });
});
