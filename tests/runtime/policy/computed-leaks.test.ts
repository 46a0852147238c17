/**
 * What a field read policy hides must not come back another way, on PGlite and on Postgres: a
 * computed field that reads a hidden field (on its own record or a related one) is hidden too, in
 * lists, records, includes, events, filters and `/api/_meta`; and a relation to many under a field
 * read policy is absent from `_included` and its related list is a 404.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { createEventBus, eventStream } from "../../../runtime/events/index.ts";
import { metaFor } from "../../../runtime/policy/index.ts";
import { getRecord, listRecords } from "../../../runtime/query/index.ts";
import type { Identity, RequestContext, WeaveEvent } from "../../../runtime/server/context.ts";
import { createRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { yaml } from "../../helpers/spec-app.ts";
import { applySpec, expectProblem, params, TENANT_A, USER_1, USER_2 } from "../query/fixtures.ts";

const SPEC = {
  "policies/roles.policy.yaml": yaml`
    {schema}
    roles:
      admin: {}
      hr: {}
  `,
  "domain/team.entity.yaml": yaml`
    {schema}
    entity: Team
    tenant: true
    fields:
      name: { type: string, required: true }
      open: { type: boolean, default: false }
      budget: { type: int }
      budgetTwice: { type: int, computed: "budget * 2" }
      headcount: { type: int, computed: "size(members)" }
      payroll: { type: int, computed: "sum(members.salary)" }
      members: { type: many, to: Person, inverse: team }
    views:
      list: { sort: [name] }
    policies:
      read: "tenant.member"
      create: "tenant.member"
      fields:
        budget: { read: "'hr' in tenant.roles" }
        members: { read: "'hr' in tenant.roles || record.open" }
  `,
  "domain/person.entity.yaml": yaml`
    {schema}
    entity: Person
    tenant: true
    fields:
      name: { type: string, required: true }
      team: { type: ref, to: Team }
      owner: { type: uuid }
      salary: { type: int }
      yearly: { type: int, computed: "salary * 12" }
      nameLength: { type: int, computed: "size(name)" }
    views:
      list: { sort: [name] }
    policies:
      read: "tenant.member"
      create: "tenant.member"
      fields:
        salary: { read: "record.owner == user.id || 'hr' in tenant.roles" }
  `,
};

forEachDatabase("computed fields and relations under field read policies", (target) => {
  let ir: IR;
  const events = createEventBus();
  const as = (identity: Partial<Identity> = {}): RequestContext => ({
    requestId: "test",
    identity: { userId: USER_1, roles: [], tenantId: TENANT_A, tenantRoles: [], ...identity },
    ir,
    database: target.database,
    options: { database: target.database },
    events,
  });
  const hr = () => as({ userId: USER_2, tenantRoles: ["hr"] });
  let closed: string;
  let open: string;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    ir = await applySpec(target, SPEC);
    const id = async (entity: string, body: Record<string, unknown>) => ((await createRecord(hr(), entity, body)).body as { id: string }).id;
    closed = await id("Team", { name: "closed", budget: 50 });
    open = await id("Team", { name: "open", open: true, budget: 70 });
    mine = await id("Person", { name: "ann", team: closed, owner: USER_1, salary: 10 });
    theirs = await id("Person", { name: "bob", team: open, owner: USER_2, salary: 20 });
  });

  const byName = <T extends { name?: unknown }>(records: T[]) => Object.fromEntries(records.map((r) => [String(r.name), r]));

  test("a computed field reading a field hidden on this row is hidden on this row (list, get)", async () => {
    const people = byName((await listRecords(as(), "Person", params(""))).data);
    expect(people.ann).toMatchObject({ salary: 10, yearly: 120, nameLength: 3 });
    expect(people.bob).not.toHaveProperty("salary");
    expect(people.bob).not.toHaveProperty("yearly");
    expect(people.bob).toHaveProperty("nameLength", 3);
    expect(await getRecord(as(), "Person", theirs, params(""))).not.toHaveProperty("yearly");
    expect((await getRecord(hr(), "Person", theirs, params(""))).yearly).toBe(240);
  });

  test("a computed field reading a field hidden for the identity is hidden everywhere, and in _meta", async () => {
    const teams = byName((await listRecords(as(), "Team", params(""))).data);
    expect(teams.closed).not.toHaveProperty("budget");
    expect(teams.closed).not.toHaveProperty("budgetTwice");
    expect((await getRecord(hr(), "Team", closed, params(""))).budgetTwice).toBe(100);
    const fields = (ctx: RequestContext) => metaFor(ctx).entities.find((e) => e.name === "Team")!.fields.map((f) => f.name);
    expect(fields(as())).not.toContain("budgetTwice");
    expect(fields(hr())).toContain("budgetTwice");
  });

  test("a computed field reading a related record's guarded field is hidden unless the policy holds for the identity", async () => {
    const teams = byName((await listRecords(as(), "Team", params(""))).data);
    expect(teams.open).not.toHaveProperty("payroll");
    // size(members) reads the guarded relation: per row, like the relation itself.
    expect(teams.open).toHaveProperty("headcount", 1);
    expect(teams.closed).not.toHaveProperty("headcount");
    const visible = byName((await listRecords(hr(), "Team", params(""))).data);
    expect(visible.closed).toMatchObject({ payroll: 10, headcount: 1 });
  });

  test("filtering or sorting by such a computed field is refused: no oracle", async () => {
    await expectProblem(listRecords(as(), "Person", params("filter[yearly][gt]=100")), 400);
    await expectProblem(listRecords(as(), "Person", params("sort=yearly")), 400);
    await expectProblem(listRecords(as(), "Team", params("filter[budgetTwice][gt]=1")), 400);
    expect((await listRecords(hr(), "Person", params("filter[yearly][gt]=200"))).data.map((p) => p.name)).toEqual(["bob"]);
  });

  test("included records hide it too", async () => {
    const person = await getRecord(as(), "Person", theirs, params("include=team"));
    const team = (person._included as { team: Record<string, unknown> }).team;
    expect(team).toHaveProperty("name", "open");
    expect(team).not.toHaveProperty("budgetTwice");
    const list = byName((await listRecords(as(), "Team", params("include=members"))).data);
    const members = (list.open!._included as { members: Record<string, unknown>[] }).members;
    expect(members.map((m) => m.name)).toEqual(["bob"]);
    expect(members[0]).not.toHaveProperty("yearly");
  });

  test("a relation to many under a field read policy: absent from _included where it fails; its related list is a 404", async () => {
    const teams = byName((await listRecords(as(), "Team", params("include=members"))).data);
    expect(teams.closed!._included ?? {}).not.toHaveProperty("members");
    expect(teams.open!._included).toHaveProperty("members");
    expect(await getRecord(as(), "Team", closed, params("include=members"))).not.toHaveProperty("_included.members");
    const scope = (id: string) => ({ parentEntity: "Team", parentId: id, relation: "members" });
    await expectProblem(listRecords(as(), "Person", params(""), scope(closed)), 404);
    expect((await listRecords(as(), "Person", params(""), scope(open))).data.map((p) => p.name)).toEqual(["bob"]);
    expect((await listRecords(hr(), "Person", params(""), scope(closed))).data.map((p) => p.name)).toEqual(["ann"]);
    const hrTeams = byName((await listRecords(hr(), "Team", params("include=members"))).data);
    expect((hrTeams.closed!._included as { members: unknown[] }).members).toHaveLength(1);
  });

  describe("events", () => {
    const collect = async (ctx: RequestContext, publish: () => void): Promise<WeaveEvent[]> => {
      const abort = new AbortController();
      const reader = eventStream(ctx, {}, { signal: abort.signal }).body!.getReader();
      await reader.read();
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

    test("an event names a computed field only to those who may read what it reads", async () => {
      const event = (id: string): WeaveEvent => ({ type: "person.updated", entity: "Person", id, tenantId: TENANT_A, at: new Date().toISOString(), data: { version: 2, fields: ["name", "salary", "yearly"] } });
      const seen = await collect(as(), () => {
        events.publish(event(mine));
        events.publish(event(theirs));
      });
      expect(seen.map((e) => [e.id, e.data.fields])).toEqual([
        [mine, ["name", "salary", "yearly"]],
        [theirs, ["name"]],
      ]);
    });
  });
});
