/**
 * What a row read policy hides must not be counted either, on PGlite and on Postgres: a virtual
 * computed field that aggregates or looks up related rows (`sum(tasks.hours)`, `count(...)`,
 * `size(tasks)`, `tasks.exists(...)`, `pinned.title`) sees only the related rows the caller may
 * read (their entity's read policy and tenant). A materialized one is computed over every row, by
 * design (see spec/policy.md), and the compiler warns about it (WV412).
 */
import { beforeAll, expect, test } from "bun:test";
import type { IR } from "../../../compiler/ir/index.ts";
import { getRecord, listRecords } from "../../../runtime/query/index.ts";
import type { Identity, RequestContext } from "../../../runtime/server/context.ts";
import { createRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { compileSpec, yaml } from "../../helpers/spec-app.ts";
import { applySpec, params, TENANT_A, TENANT_B, USER_1, USER_2 } from "../query/fixtures.ts";

const SPEC = {
  "policies/roles.policy.yaml": yaml`
    {schema}
    roles:
      lead: {}
  `,
  "domain/project.entity.yaml": yaml`
    {schema}
    entity: Project
    tenant: true
    fields:
      name: { type: string, required: true }
      pinned: { type: ref, to: Task }
      tasks: { type: many, to: Task, inverse: project }
      labels: { type: many-to-many, to: Label, inverse: projects }
      taskCount: { type: int, computed: "size(tasks)" }
      hours: { type: int, computed: "sum(tasks.hours)" }
      estimated: { type: int, computed: "count(tasks.hours)" }
      longest: { type: int, computed: "max(tasks.hours)" }
      anyUrgent: { type: boolean, computed: "tasks.exists(t, t.urgent)" }
      pinnedTitle: { type: string, computed: "pinned.title" }
      labelCount: { type: int, computed: "size(labels)" }
      storedHours: { type: int, computed: "sum(tasks.hours)", materialized: true }
    views:
      list: { sort: [name] }
    policies:
      read: "tenant.member"
      write: "tenant.member"
  `,
  "domain/task.entity.yaml": yaml`
    {schema}
    entity: Task
    tenant: true
    fields:
      title: { type: string, required: true }
      owner: { type: uuid }
      hours: { type: int }
      urgent: { type: boolean, default: false }
      project: { type: ref, to: Project }
    views:
      list: { sort: [title] }
    policies:
      read: "record.owner == user.id || 'lead' in tenant.roles"
      write: "tenant.member"
  `,
  "domain/board.entity.yaml": yaml`
    {schema}
    entity: Board
    fields:
      name: { type: string, required: true }
      cards: { type: many, to: Card, inverse: board }
      cardCount: { type: int, computed: "size(cards)" }
    policies:
      read: "true"
  `,
  "domain/card.entity.yaml": yaml`
    {schema}
    entity: Card
    tenant: true
    fields:
      title: { type: string, required: true }
      board: { type: ref, to: Board }
    policies:
      read: "tenant.member"
      write: "tenant.member"
  `,
  "domain/label.entity.yaml": yaml`
    {schema}
    entity: Label
    tenant: true
    fields:
      name: { type: string, required: true }
      secret: { type: boolean, default: false }
      projects: { type: many-to-many, to: Project, inverse: labels }
    policies:
      read: "!record.secret || 'lead' in tenant.roles"
      write: "tenant.member"
  `,
};

forEachDatabase("aggregates in computed fields count only readable rows", (target) => {
  let ir: IR;
  const as = (identity: Partial<Identity> = {}): RequestContext => ({
    requestId: "test",
    identity: { userId: USER_1, roles: [], tenantId: TENANT_A, tenantRoles: [], ...identity },
    ir,
    database: target.database,
    options: { database: target.database },
    events: { publish: () => {}, subscribe: () => () => {} },
  });
  const lead = () => as({ userId: USER_2, tenantRoles: ["lead"] });
  let project: string;

  beforeAll(async () => {
    ir = await applySpec(target, SPEC);
    const id = async (entity: string, body: Record<string, unknown>) => ((await createRecord(lead(), entity, body)).body as { id: string }).id;
    project = await id("Project", { name: "apollo" });
    await id("Task", { title: "mine", owner: USER_1, hours: 2, project });
    const theirs = await id("Task", { title: "theirs", owner: USER_2, hours: 30, urgent: true, project });
    await id("Task", { title: "unestimated", owner: USER_1, project });
    await target.db.updateTable("projects").set({ pinned_id: theirs }).where("id", "=", project).execute();
    const open = await id("Label", { name: "open" });
    const secret = await id("Label", { name: "secret", secret: true });
    for (const label of [open, secret]) await link(project, label);
    // A board is shared by every tenant; its cards are not.
    const [board] = await target.db.insertInto("boards").values({ name: "shared" }).returning("id").execute();
    for (const [tenant, title] of [[TENANT_A, "a1"], [TENANT_A, "a2"], [TENANT_B, "b1"]] as const)
      await target.db.insertInto("cards").values({ tenant_id: tenant, title, board_id: board!.id }).execute();
  });

  const apollo = async (ctx: RequestContext) => (await listRecords(ctx, "Project", params(""))).data[0]!;

  test("size, sum, count, max and exists over a relation see only the caller's readable rows", async () => {
    expect(await apollo(as())).toMatchObject({ taskCount: 2, hours: 2, estimated: 1, longest: 2, anyUrgent: false });
    expect(await apollo(lead())).toMatchObject({ taskCount: 3, hours: 32, estimated: 2, longest: 30, anyUrgent: true });
  });

  test("a looked-up related record the caller may not read reads as null", async () => {
    expect((await apollo(as())).pinnedTitle).toBeNull();
    expect((await apollo(lead())).pinnedTitle).toBe("theirs");
    expect((await getRecord(as(), "Project", project, params(""))).pinnedTitle).toBeNull();
  });

  test("many-to-many: only readable targets are counted", async () => {
    expect((await apollo(as())).labelCount).toBe(1);
    expect((await apollo(lead())).labelCount).toBe(2);
  });

  test("another tenant's rows are never counted, whoever asks", async () => {
    const count = async (tenantId: string) => (await listRecords(as({ tenantId }), "Board", params(""))).data[0]!.cardCount;
    expect(await count(TENANT_A)).toBe(2);
    expect(await count(TENANT_B)).toBe(1);
  });

  test("a single record and an include agree with the list", async () => {
    expect(await getRecord(as(), "Project", project, params(""))).toMatchObject({ taskCount: 2, hours: 2 });
    const tasks = (await listRecords(as(), "Task", params("include=project"))).data;
    expect(tasks.map((t) => t.title).sort()).toEqual(["mine", "unestimated"]);
    expect((tasks[0]!._included as { project: Record<string, unknown> }).project).toMatchObject({ taskCount: 2, hours: 2 });
  });

  test("a materialized aggregate is computed over every related row, by design", async () => {
    // Stored once for everybody (like a materialized view): the same for the member and the lead.
    expect((await apollo(as())).storedHours).toBe((await apollo(lead())).storedHours);
  });

  /** Links a project and a label through the generated join table (links have no route yet). */
  async function link(projectId: string, labelId: string): Promise<void> {
    const join = ir.entities.find((e) => e.generated)!;
    const column = (to: string) => join.fields.find((f) => f.relation?.to[0] === to)!.column!;
    const values: Record<string, unknown> = { [column("Project")]: projectId, [column("Label")]: labelId };
    if (join.tenant) values.tenant_id = TENANT_A;
    await target.db.insertInto(join.table).values(values).execute();
  }
});

test("a materialized aggregate over rows whose read policy depends on the caller is WV412", async () => {
  const { diagnostics } = await compileSpec(SPEC);
  const warnings = diagnostics.filter((d) => d.code === "WV412");
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.message).toContain("Project.storedHours");
});
