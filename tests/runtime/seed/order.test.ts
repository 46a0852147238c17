/**
 * Seeding beyond the example: a self-reference set after every record exists (a manager listed
 * after the people who report to them), a compound key that includes a ref, an app without
 * tenancy, and the lowering of `$tenant` and memberships into the IR.
 */
import { beforeAll, expect, test } from "bun:test";
import { sql } from "kysely";
import { migrateDevelopment } from "../../../cli/serve/dev-database.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { seedDatabase } from "../../../runtime/seed/index.ts";
import { seedOrder } from "../../../runtime/seed/order.ts";
import { forEachDatabase } from "../../helpers/db.ts";
import { loadSpec, yaml } from "../../helpers/spec-app.ts";

const files = {
  "weave.yaml": yaml`
    {schema}
    weave: 0
    app: people
  `,
  "domain/person.entity.yaml": yaml`
    {schema}
    entity: Person
    key: code
    fields:
      code: { type: slug, required: true, unique: true }
      name: { type: string, required: true }
      manager: { type: ref, to: Person }
      team: { type: ref, to: Team }
    policies: { read: "true" }
  `,
  "domain/team.entity.yaml": yaml`
    {schema}
    entity: Team
    key: [org, name]
    fields:
      org: { type: ref, to: Org, required: true }
      name: { type: string, required: true }
    policies: { read: "true" }
  `,
  "domain/org.entity.yaml": yaml`
    {schema}
    entity: Org
    key: slug
    fields:
      slug: { type: slug, required: true, unique: true }
    policies: { read: "true" }
  `,
  "seed/people.yaml": yaml`
    {schema}
    users:
      - { email: Ada@Example.com, name: Ada, password: correct-horse-1, roles: [admin] }
    records:
      Person:
        - { code: bob, name: Bob, manager: ada, team: [acme, web] }
        - { code: ada, name: Ada, team: [acme, web] }
      Team:
        - { org: acme, name: web }
      Org:
        - { slug: acme }
  `,
};

forEachDatabase("seeding without tenancy, in dependency order", (target) => {
  let ir: IR;
  beforeAll(async () => {
    ir = (await loadSpec(files)).ir;
    const migrated = await migrateDevelopment(target.database, ir, { migrationsDir: "/nonexistent" });
    expect(migrated.problems).toEqual([]);
  }, 60_000);

  test("targets come first; a self-reference is no dependency", () => {
    expect(seedOrder(ir, ["Person", "Team", "Org"])).toEqual(["Org", "Team", "Person"]);
  });

  test("the IR keeps each entry's origin; users' emails and roles as written", () => {
    expect(ir.seed.users[0]).toEqual({ email: "Ada@Example.com", name: "Ada", password: "correct-horse-1", roles: ["admin"], tenants: [], origin: { file: "seed/people.yaml", line: 3, column: 5 } });
    expect(ir.seed.records.Person![0]).toEqual({ values: { code: "bob", name: "Bob", manager: "ada", team: ["acme", "web"] }, origin: { file: "seed/people.yaml", line: 6, column: 7 } });
  });

  test("a ref to a record listed later is set once it exists; compound keys resolve through refs", async () => {
    const result = await seedDatabase(target.database, ir, { env: {} });
    expect(result.records).toEqual({ Org: { created: 1, updated: 0, unchanged: 0 }, Team: { created: 1, updated: 0, unchanged: 0 }, Person: { created: 2, updated: 0, unchanged: 0 } });
    const { rows } = await sql<{ code: string; manager: string | null; team: string }>`
      select p.code, m.code as manager, t.name as team from persons p left join persons m on m.id = p.manager_id join teams t on t.id = p.team_id order by p.code`.execute(target.db);
    expect(rows).toEqual([{ code: "ada", manager: null, team: "web" }, { code: "bob", manager: "ada", team: "web" }]);
    const users = await sql<{ email: string; roles: string[] }>`select email, roles from weave_users`.execute(target.db);
    expect(users.rows.map((u) => [u.email, [...u.roles]])).toEqual([["ada@example.com", ["admin"]]]);
  }, 30_000);

  test("a second run matches every record by key, the compound one too", async () => {
    const result = await seedDatabase(target.database, ir, { env: {} });
    expect(result.records).toEqual({ Org: { created: 0, updated: 0, unchanged: 1 }, Team: { created: 0, updated: 0, unchanged: 1 }, Person: { created: 0, updated: 0, unchanged: 2 } });
    expect(result.users).toEqual({ created: 0, updated: 0, unchanged: 1 });
  }, 30_000);
});
