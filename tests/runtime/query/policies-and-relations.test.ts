/**
 * Read policies as SQL filters (lists, single records, includes, filters across relations, related
 * collections, counts), deny by default, and the relation kinds and ids the invoicing example does
 * not have, on PGlite and on Postgres.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { listQueryModel } from "../../../compiler/generators/openapi/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { inRequestTransaction } from "../../../runtime/records/index.ts";
import { getRecord, getRecordByKey, listRecords, readRecord } from "../../../runtime/query/index.ts";
import type { Identity, RequestContext } from "../../../runtime/server/context.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { applySpec, contextFor, expectProblem, modelQueries, params, statementCounter, USER_1, USER_2 } from "./fixtures.ts";
import { NOTES_SPEC, seedNotes, type NotesSeed } from "./notes-spec.ts";

forEachDatabase("read policies and relations", (target) => {
  let ir: IR;
  let seed: NotesSeed;
  const as = (identity: Partial<Identity>): RequestContext => contextFor(target, ir, identity);
  let u1: RequestContext;
  let u2: RequestContext;
  let admin: RequestContext;
  const titles = (response: { data: Record<string, unknown>[] }) => response.data.map((r) => r.title);

  beforeAll(async () => {
    ir = await applySpec(target, NOTES_SPEC);
    seed = await seedNotes(target);
    u1 = as({ userId: USER_1 });
    u2 = as({ userId: USER_2 });
    admin = as({ userId: null, tenantRoles: ["admin"] });
  });

  test("everything the list query model offers runs, on every entity with a read policy", async () => {
    for (const entity of ir.entities.filter((e) => e.policies.read && !e.generated)) {
      const relatedWithoutPolicy = (name: string) => ir.entities.find((e) => e.name === entity.fields.find((f) => f.name === name)?.relation?.to[0])?.policies.read === undefined;
      for (const query of modelQueries(listQueryModel(ir, entity.name))) {
        // Paths and includes into Vault (no read policy) are a 403, as the next tests show.
        const into = /^(?:filter\[|sort=-?|include=)([a-zA-Z]+)[.\]]/.exec(query)?.[1];
        if ((into && relatedWithoutPolicy(into)) || (query.startsWith("include=") && query.includes("vault"))) continue;
        const response = await listRecords(admin, entity.name, params(query)).catch((error: Error) => {
          throw new Error(`${entity.name} ?${query}: ${error.message}`);
        });
        expect(response.data).toBeArray();
      }
    }
  });

  describe("the read policy filters", () => {
    const cases: [string, { who: () => RequestContext; want: string[] }][] = [
      ["the owner of a secret sees it", { who: () => u1, want: ["my secret", "plain", "public note"] }],
      ["another user sees their own", { who: () => u2, want: ["plain", "public note", "their secret"] }],
      ["no user sees public notes only", { who: () => as({}), want: ["plain", "public note"] }],
      ["an admin sees everything", { who: () => admin, want: ["my secret", "plain", "public note", "their secret"] }],
    ];
    for (const [name, { who, want }] of cases) test(name, async () => expect(titles(await listRecords(who(), "Note", params("count=true")))).toEqual(want));

    test("counts only what the policy lets through", async () => {
      expect((await listRecords(u1, "Note", params("count=true"))).count).toBe(3);
    });

    test("a hidden record is a 404, like a missing one", async () => {
      expect((await getRecord(u1, "Note", seed.notes.n2, params(""))).title).toBe("my secret");
      await expectProblem(getRecord(u2, "Note", seed.notes.n2, params("")), 404);
      await expectProblem(getRecord(u2, "Note", "00000000-0000-4000-8000-000000000099", params("")), 404);
    });

    test("included records pass their own entity's policy", async () => {
      const bob = await getRecord(u1, "Author", seed.authors.bob, params("include=notes"));
      expect((bob._included as any).notes.map((n: any) => n.title)).toEqual(["plain"]);
      const red = await getRecord(u2, "Tag", seed.tags.red, params("include=notes"));
      expect((red._included as any).notes.map((n: any) => n.title)).toEqual(["public note", "their secret"]);
    });

    test("a filter across a ref cannot find what the policy hides: a hidden record reads as null", async () => {
      const labels = async (ctx: RequestContext, query: string) => (await listRecords(ctx, "Pin", params(`${query}&sort=label`))).data.map((p) => p.label);
      expect(await labels(u1, "filter[note.title][eq]=their secret")).toEqual([]);
      expect(await labels(u2, "filter[note.title][eq]=their secret")).toEqual(["third"]);
      expect(await labels(u1, "filter[note.title][isNull]=true")).toEqual(["third"]);
      const byTitle = await listRecords(u1, "Pin", params("sort=-note.title,label"));
      expect(byTitle.data.map((p) => p.label)).toEqual(["third", "first", "second", "fourth"]);
    });

    test("a search cannot find what the policy hides", async () => {
      expect(titles(await listRecords(u1, "Note", params("q=secret")))).toEqual(["my secret"]);
    });

    test("the write side can read back without the read policy, never without the tenant", async () => {
      const read = (ctx: RequestContext, policy: boolean) => inRequestTransaction(ctx, (trx) => readRecord(trx, ctx, "Note", { id: seed.notes.n2 }, { policy }));
      expect(await read(u2, true)).toBeUndefined();
      expect((await read(u2, false))?.title).toBe("my secret");
      expect(await read(as({ tenantId: "00000000-0000-4000-8000-00000000000b" }), false)).toBeUndefined();
    });
  });

  describe("no read policy is a 403", () => {
    const cases: [string, () => Promise<unknown>][] = [
      ["listing", () => listRecords(admin, "Vault", params(""))],
      ["getting one", () => getRecord(admin, "Vault", "00000000-0000-4000-8000-000000000099", params(""))],
      ["including it", () => listRecords(admin, "Note", params("include=vault"))],
      ["filtering across it", () => listRecords(admin, "Note", params("filter[vault.name][eq]=vault"))],
    ];
    for (const [name, run] of cases) test(name, () => expectProblem(run(), 403, undefined, /no read policy/).then(() => {}));
  });

  describe("related collections", () => {
    test("a relation to many, under the child's policy", async () => {
      const scope = { parentEntity: "Author", parentId: seed.authors.ann, relation: "notes" };
      expect(titles(await listRecords(u2, "Note", params(""), scope))).toEqual(["public note"]);
      expect(titles(await listRecords(u1, "Note", params("count=true"), scope))).toEqual(["my secret", "public note"]);
    });

    test("a many-to-many relation through its join table", async () => {
      const scope = { parentEntity: "Tag", parentId: seed.tags.red, relation: "notes" };
      expect(titles(await listRecords(u1, "Note", params(""), scope))).toEqual(["my secret", "public note"]);
      const inverse = { parentEntity: "Note", parentId: seed.notes.n1, relation: "tags" };
      expect((await listRecords(u1, "Tag", params(""), inverse)).data.map((t) => t.name)).toEqual(["blue", "red"]);
    });

    test("a parent without children gives an empty page; a missing, hidden or foreign parent a 404; a bad id a 400", async () => {
      expect((await listRecords(u1, "Note", params(""), { parentEntity: "Author", parentId: seed.authors.carl, relation: "notes" })).data).toEqual([]);
      await expectProblem(listRecords(u1, "Note", params(""), { parentEntity: "Author", parentId: "00000000-0000-4000-8000-000000000099", relation: "notes" }), 404);
      await expectProblem(listRecords(u1, "Note", params(""), { parentEntity: "Author", parentId: seed.otherTenantAuthor, relation: "notes" }), 404);
      await expectProblem(listRecords(u1, "Tag", params(""), { parentEntity: "Note", parentId: seed.notes.n3, relation: "tags" }), 404);
      await expectProblem(listRecords(u1, "Note", params(""), { parentEntity: "Tag", parentId: "red", relation: "notes" }), 404);
    });
  });

  describe("relations and ids", () => {
    test("many-to-many includes, both ways, in the target's list order", async () => {
      const n1 = await getRecord(u1, "Note", seed.notes.n1, params("include=tags"));
      expect((n1._included as any).tags.map((t: any) => [t.name, t.id])).toEqual([["blue", seed.tags.blue], ["red", seed.tags.red]]);
      const tags = await listRecords(u1, "Tag", params("include=notes&sort=name"));
      expect(tags.data.map((t: any) => [t.name, t._included.notes.length])).toEqual([["blue", 1], ["green", 0], ["red", 2]]);
    });

    test("a polymorphic ref is { type, id } and includes each type with one statement", async () => {
      const counter = statementCounter(target.db);
      const ctx = contextFor(target, ir, { userId: USER_1 }, { kysely: counter.kysely });
      const notes = await listRecords(ctx, "Note", params("include=subject&sort=title"));
      expect(counter.count).toBe(1 + 1 + 2);
      const byTitle = Object.fromEntries(notes.data.map((n: any) => [n.title, n]));
      expect(byTitle["public note"].subject).toEqual({ type: "Author", id: seed.authors.ann });
      expect(byTitle["public note"]._included.subject).toMatchObject({ id: seed.authors.ann, name: "Ann" });
      expect(byTitle["my secret"]._included.subject).toMatchObject({ id: seed.profile, bio: "Writes things" });
      expect(byTitle["plain"].subject).toBeNull();
      expect(byTitle["plain"]._included.subject).toBeNull();
    });

    test("a polymorphic ref filters and sorts by its type and id", async () => {
      expect(titles(await listRecords(u1, "Note", params("filter[subject.type][eq]=Profile")))).toEqual(["my secret"]);
      expect(titles(await listRecords(u1, "Note", params(`filter[subject.id][eq]=${seed.authors.ann}`)))).toEqual(["public note"]);
      expect(titles(await listRecords(u1, "Note", params("sort=-subject.type,title")))).toEqual(["plain", "my secret", "public note"]);
      await expectProblem(listRecords(u1, "Note", params("filter[subject.type][eq]=Tag")), 400, "/filter[subject.type][eq]", /Author, Profile/);
    });

    test("a one relation from both sides", async () => {
      expect((await listRecords(u1, "Author", params("filter[profile.bio][contains]=WRITES"))).data.map((a) => a.name)).toEqual(["Ann"]);
      expect((await listRecords(u1, "Author", params("filter[profile.id][isNull]=true"))).data.map((a) => a.name)).toEqual(["Bob", "Carl"]);
      const authors = await listRecords(u1, "Author", params("include=profile"));
      expect(authors.data.map((a: any) => [a.name, a._included.profile?.bio ?? null])).toEqual([["Ann", "Writes things"], ["Bob", null], ["Carl", null]]);
      const profile = await getRecord(u1, "Profile", seed.profile, params("include=author"));
      expect(profile).toMatchObject({ author: seed.authors.ann, _included: { author: { name: "Ann" } } });
    });

    test("serial ids are strings in JSON, validated in paths and filters", async () => {
      const red = await getRecord(u1, "Tag", seed.tags.red, params(""));
      expect(red).toMatchObject({ id: seed.tags.red, name: "red" });
      expect(typeof red.id).toBe("string");
      await expectProblem(getRecord(u1, "Tag", "red", params("")), 404, undefined, /no Tag with id red/);
      await expectProblem(getRecord(u1, "Tag", "99999999999999999999999", params("")), 404);
      expect((await listRecords(u1, "Tag", params(`filter[id][in]=${seed.tags.blue},${seed.tags.green}&sort=-id`))).data.map((t) => t.name)).toEqual(["green", "blue"]);
      await expectProblem(listRecords(u1, "Tag", params("filter[id][gt]=1")), 400, "/filter[id][gt]", /allowed: eq, ne, in, nin and isNull/);
      await expectProblem(listRecords(u1, "Note", params("filter[tags.name][eq]=blue")), 400, "/filter[tags.name]");
    });

    test("by key: one field, or a compound key without an id", async () => {
      expect(await getRecordByKey(u1, "Tag", ["green"], params(""))).toMatchObject({ id: seed.tags.green });
      const pin = await getRecordByKey(u1, "Pin", [seed.notes.n1, "2"], params("include=note"));
      expect(pin).toMatchObject({ note: seed.notes.n1, position: 2, label: "second", _included: { note: { title: "public note" } } });
      expect(pin).not.toHaveProperty("id");
      await expectProblem(getRecordByKey(u1, "Pin", [seed.notes.n1], params("")), 404);
      await expectProblem(getRecordByKey(u1, "Pin", [seed.notes.n1, "two"], params("")), 404);
      await expectProblem(getRecordByKey(u1, "Pin", [seed.notes.n1, "3"], params("")), 404, undefined, /note .*, position 3/);
    });

    test("an entity without id pages by its key", async () => {
      const all = (await listRecords(u1, "Pin", params("page[size]=100&sort=-label"))).data.map((p) => p.label);
      const seen: unknown[] = [];
      let after: string | undefined;
      do {
        const page = await listRecords(u1, "Pin", params(`page[size]=1&sort=-label${after ? `&page[after]=${after}` : ""}`));
        seen.push(...page.data.map((p) => p.label));
        after = page.page.after;
      } while (after);
      expect(seen).toEqual(all);
      expect(all).toEqual(["third", "second", "fourth", "first"]);
    });

    test("a shared entity needs no tenant", async () => {
      const anonymous = as({ tenantId: null });
      expect((await listRecords(anonymous, "Country", params("sort=code"))).data.map((c) => c.code)).toEqual(["DE", "FR"]);
      await expectProblem(listRecords(anonymous, "Note", params("")), 400, "/headers/X-Weave-Tenant");
    });
  });

  describe("values", () => {
    test("money without a currency, decimals at their scale, json, a virtual int", async () => {
      const n1 = await getRecord(u1, "Note", seed.notes.n1, params(""));
      expect(n1).toMatchObject({ fee: "12.50", feeCurrency: "EUR", score: "1.250", meta: { a: 1 }, titleLength: 11, secret: false, subject: { type: "Author", id: seed.authors.ann } });
    });

    test("a virtual int sorts and filters", async () => {
      expect(titles(await listRecords(u1, "Note", params("sort=-titleLength,title")))).toEqual(["public note", "my secret", "plain"]);
      expect(titles(await listRecords(u1, "Note", params("filter[titleLength][lt]=10")))).toEqual(["my secret", "plain"]);
    });

    test("booleans, uuids, json and polymorphic refs take the operators that fit", async () => {
      expect(titles(await listRecords(admin, "Note", params("filter[secret][eq]=true")))).toEqual(["my secret", "their secret"]);
      expect(titles(await listRecords(admin, "Note", params(`filter[owner][in]=${USER_2}`)))).toEqual(["their secret"]);
      expect(titles(await listRecords(admin, "Note", params("filter[meta][isNull]=false")))).toEqual(["public note"]);
      expect(titles(await listRecords(admin, "Note", params("filter[subject][isNull]=true")))).toEqual(["plain", "their secret"]);
      await expectProblem(listRecords(admin, "Note", params("filter[secret][gt]=true")), 400, "/filter[secret][gt]", /allowed: eq, ne and isNull/);
      await expectProblem(listRecords(admin, "Note", params("filter[subject][eq]=x")), 400, "/filter[subject][eq]", /allowed: isNull/);
      await expectProblem(listRecords(admin, "Note", params("filter[subject.name][eq]=x")), 400, "/filter[subject.name]");
      await expectProblem(listRecords(admin, "Note", params("sort=meta")), 400, "/sort");
    });

    test("q= on an entity without search is a 400", async () => {
      await expectProblem(listRecords(u1, "Author", params("q=ann")), 400, "/q", /search/);
    });
  });
});
