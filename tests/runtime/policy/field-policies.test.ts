/**
 * Field policies that read the row, and what the invoicing example does not have: a field write
 * policy (no mass assignment: a 403 naming the field, on create and update), a field read policy
 * decided per row in SQL (absent, not null; filter and sort refused because the policy depends on
 * the row), `_can.fields`, `/api/_meta` for different identities, and events filtered by the read
 * policy of their record, on PGlite and on Postgres.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { createEventBus, eventStream } from "../../../runtime/events/index.ts";
import { metaFor } from "../../../runtime/policy/index.ts";
import { getRecord, listRecords } from "../../../runtime/query/index.ts";
import type { Identity, RequestContext, WeaveEvent } from "../../../runtime/server/context.ts";
import { createRecord, updateRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { yaml } from "../../helpers/spec-app.ts";
import { applySpec, expectProblem, params, TENANT_A, USER_1, USER_2 } from "../query/fixtures.ts";

const SPEC = {
  "domain/memo.entity.yaml": yaml`
    {schema}
    entity: Memo
    tenant: true
    fields:
      title: { type: string, required: true }
      owner: { type: uuid }
      salary: { type: int }
      approved: { type: boolean, default: false }
    views:
      list: { sort: [title] }
    policies:
      read: "tenant.member && (record.owner == user.id || !record.approved || 'admin' in tenant.roles)"
      create: "tenant.member"
      update: "tenant.member"
      fields:
        salary: { read: "record.owner == user.id || 'admin' in tenant.roles", write: "'admin' in tenant.roles" }
        approved: { write: "'admin' in tenant.roles && record.salary != null" }
  `,
};

forEachDatabase("field policies", (target) => {
  let ir: IR;
  const events = createEventBus();
  const as = (identity: Partial<Identity>): RequestContext => ({
    requestId: "test",
    identity: { userId: USER_1, roles: [], tenantId: TENANT_A, tenantRoles: [], ...identity },
    ir,
    database: target.database,
    options: { database: target.database },
    events,
  });
  const hr = () => as({ userId: USER_2, tenantRoles: ["admin"] });
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    ir = await applySpec(target, SPEC);
    mine = ((await createRecord(as({}), "Memo", { title: "mine", owner: USER_1 })).body as { id: string }).id;
    theirs = ((await createRecord(hr(), "Memo", { title: "theirs", owner: USER_2, salary: 100 })).body as { id: string }).id;
  });

  test("writing a field without its write policy is a 403 naming it, on create and on update", async () => {
    const create = await expectProblem(createRecord(as({}), "Memo", { title: "x", salary: 5 }), 403);
    expect(create.errors).toEqual([{ path: "/salary", message: "you may not write salary", code: "fieldWrite" }]);
    const update = await expectProblem(updateRecord(as({}), "Memo", mine, { salary: 5, approved: true }), 403);
    expect(update.errors!.map((e) => e.path)).toEqual(["/salary", "/approved"]);
    // Nothing was written: the create rolled back.
    expect((await listRecords(hr(), "Memo", params(""))).data.map((d) => d.title)).toEqual(["mine", "theirs"]);
  });

  test("a write policy that reads the row is decided on the row before the change", async () => {
    await expectProblem(updateRecord(hr(), "Memo", mine, { approved: true }), 403); // salary is still null
    expect((await updateRecord(hr(), "Memo", mine, { salary: 10 })).status).toBe(200);
    expect((await updateRecord(hr(), "Memo", mine, { approved: true })).status).toBe(200);
  });

  test("a read policy that reads the row: absent where it fails, present where it holds", async () => {
    const docs = (await listRecords(as({}), "Memo", params(""))).data;
    const byTitle = Object.fromEntries(docs.map((d) => [d.title, d]));
    expect(byTitle.mine!.salary).toBe(10);
    expect(byTitle.theirs).not.toHaveProperty("salary");
    expect(await getRecord(as({}), "Memo", theirs, params(""))).not.toHaveProperty("salary");
    expect((await getRecord(hr(), "Memo", theirs, params(""))).salary).toBe(100);
  });

  test("filter and sort on it are refused even for those who may read it on some rows", async () => {
    await expectProblem(listRecords(as({}), "Memo", params("filter[salary][gt]=50")), 400);
    await expectProblem(listRecords(as({}), "Memo", params("sort=salary")), 400);
    expect((await listRecords(hr(), "Memo", params("filter[salary][gt]=50"))).data.map((d) => d.title)).toEqual(["theirs"]);
  });

  test("the write response leaves out what the writer may not read", async () => {
    const response = await updateRecord(as({}), "Memo", theirs, { title: "theirs 2" });
    expect(response.body).not.toHaveProperty("salary");
    expect(response.body).toHaveProperty("title", "theirs 2");
  });

  test("_can.fields lists the fields the caller may write", async () => {
    const plain = await getRecord(as({}), "Memo", mine, params(""));
    expect((plain._can as { fields: string[] }).fields).toEqual(["title", "owner"]);
    const boss = await getRecord(hr(), "Memo", mine, params(""));
    expect((boss._can as { fields: string[] }).fields).toEqual(["title", "owner", "salary", "approved"]);
  });

  describe("/api/_meta", () => {
    test("lists readable entities and fields, never an expression", () => {
      const meta = metaFor(as({}));
      const doc = meta.entities.find((e) => e.name === "Memo")!;
      expect(doc.fields.map((f) => f.name)).toEqual(["title", "owner", "salary", "approved"]); // salary depends on the row
      expect(doc.create).toBe(true);
      expect(JSON.stringify(meta)).not.toContain("tenant.roles");
      expect(metaFor(as({ tenantId: null })).entities).toEqual([]); // tenant.member fails without a tenant
    });
  });

  describe("events", () => {
    const collect = async (ctx: RequestContext, publish: () => void): Promise<WeaveEvent[]> => {
      const abort = new AbortController();
      const reader = eventStream(ctx, {}, { signal: abort.signal }).body!.getReader();
      await reader.read(); // subscribed
      publish();
      await new Promise((r) => setTimeout(r, 150));
      abort.abort();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text.split("\n").filter((l) => l.startsWith("data: ")).map((l) => JSON.parse(l.slice(6)));
    };
    const event = (id: string, fields: string[]): WeaveEvent => ({ type: "memo.updated", entity: "Memo", id, tenantId: TENANT_A, at: new Date().toISOString(), data: { version: 2, fields } });

    test("a subscriber gets only events of records it may read, without fields it may not read", async () => {
      // theirs is not approved (readable by all members); mine is approved (readable by its owner and hr).
      const other = await collect(as({ userId: "00000000-0000-4000-8000-000000000009" }), () => {
        events.publish(event(mine, ["title"]));
        events.publish(event(theirs, ["title", "salary"]));
      });
      expect(other.map((e) => [e.id, e.data.fields])).toEqual([[theirs, ["title"]]]);
      const owner = await collect(as({}), () => events.publish(event(mine, ["salary"])));
      expect(owner.map((e) => e.data.fields)).toEqual([["salary"]]);
    });
  });
});
