/**
 * A policy that follows a hierarchy, through the API, on PGlite and on Postgres: a folder is
 * readable by its owner and by whoever may read its parent (`check(parent, 'read')`, a recursive
 * CTE in SQL), up to CHECK_DEPTH_LIMIT folders deep; documents delegate to their folder; `_can`
 * follows the same chain for updates.
 */
import { beforeAll, expect, test } from "bun:test";
import { CHECK_DEPTH_LIMIT } from "../../../compiler/expr/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { getRecord, listRecords } from "../../../runtime/query/index.ts";
import type { Identity, RequestContext } from "../../../runtime/server/context.ts";
import { createRecord } from "../../../runtime/write/index.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { yaml } from "../../helpers/spec-app.ts";
import { applySpec, expectProblem, params, TENANT_A, USER_1, USER_2 } from "../query/fixtures.ts";

const SPEC = {
  "domain/folder.entity.yaml": yaml`
    {schema}
    entity: Folder
    tenant: true
    fields:
      name: { type: string, required: true }
      owner: { type: uuid }
      parent: { type: ref, to: Folder }
    views:
      list: { sort: [name], pageSize: 100 }
    policies:
      read: "record.owner == user.id || check(parent, 'read')"
      create: "tenant.member"
      update: "record.owner == user.id || check(parent, 'update')"
  `,
  "domain/page.entity.yaml": yaml`
    {schema}
    entity: Page
    tenant: true
    fields:
      title: { type: string, required: true }
      folder: { type: ref, to: Folder }
    views:
      list: { sort: [title] }
    policies:
      read: "check(folder, 'read')"
      create: "tenant.member"
  `,
};

forEachDatabase("policies over a folder hierarchy", (target) => {
  let ir: IR;
  const as = (identity: Partial<Identity> = {}): RequestContext => ({
    requestId: "test",
    identity: { userId: USER_1, roles: [], tenantId: TENANT_A, tenantRoles: [], ...identity },
    ir,
    database: target.database,
    options: { database: target.database },
    events: { publish: () => {}, subscribe: () => () => {} },
  });
  const bob = () => as({ userId: USER_2 });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ir = await applySpec(target, SPEC);
    const create = async (entity: string, body: Record<string, unknown>) => ((await createRecord(as(), entity, body)).body as { id: string }).id;
    // Ann's root, a chain one deeper than the limit below it, and Bob's folder inside the chain.
    ids.root = await create("Folder", { name: "root", owner: USER_1 });
    let parent = ids.root;
    for (let i = 1; i <= CHECK_DEPTH_LIMIT + 1; i++) parent = ids[`d${i}`] = await create("Folder", { name: `d${String(i).padStart(2, "0")}`, parent });
    ids.bobs = await create("Folder", { name: "bobs", owner: USER_2, parent: ids.d2 });
    ids.under = await create("Folder", { name: "under bobs", parent: ids.bobs });
    ids.page = await create("Page", { title: "deep page", folder: ids[`d${CHECK_DEPTH_LIMIT}`] });
    ids.tooDeep = await create("Page", { title: "too deep page", folder: ids[`d${CHECK_DEPTH_LIMIT + 1}`] });
    ids.bobsPage = await create("Page", { title: "bob's page", folder: ids.under });
  });

  const names = async (ctx: RequestContext, entity = "Folder") => (await listRecords(ctx, entity, params(""))).data.map((r) => (r.name ?? r.title) as string);

  test("the owner of a folder reads everything below it, as deep as the limit", async () => {
    const seen = await names(as());
    expect(seen).toContain("root");
    expect(seen).toContain(`d${CHECK_DEPTH_LIMIT}`);
    expect(seen).not.toContain(`d${CHECK_DEPTH_LIMIT + 1}`);
    expect(seen).toContain("under bobs");
    expect(seen).toHaveLength(CHECK_DEPTH_LIMIT + 3);
  });

  test("someone else reads only their own subtree", async () => {
    expect(await names(bob())).toEqual(["bobs", "under bobs"]);
    await expectProblem(getRecord(bob(), "Folder", ids.root!, params("")), 404);
    expect((await getRecord(bob(), "Folder", ids.under!, params(""))).name).toBe("under bobs");
  });

  test("a page delegates to its folder, and so to the folder's ancestors", async () => {
    expect(await names(as(), "Page")).toEqual(["bob's page", "deep page"]);
    expect(await names(bob(), "Page")).toEqual(["bob's page"]);
  });

  test("_can.update follows the chain too", async () => {
    const can = async (ctx: RequestContext, id: string) => ((await getRecord(ctx, "Folder", id, params("")))._can as { update: boolean }).update;
    expect(await can(as(), ids.d3!)).toBe(true);
    expect(await can(bob(), ids.under!)).toBe(true);
    expect(await can(as(), ids.under!)).toBe(true);
  });
});
