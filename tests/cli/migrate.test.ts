/**
 * `weave migrate` end to end on a temp app, in process: hand-written migration files for apply,
 * status and reset on both databases, and the planner for plan and create.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachDatabase } from "../helpers/db.ts";
import { BARCODE, migrationText, PRODUCTS } from "../runtime/db/migrations/fixtures.ts";
import { cleanApp, tempApps, weave } from "./temp-app.ts";


forEachDatabase("weave migrate apply, status, reset", (target) => {
  let apps: ReturnType<typeof tempApps>;
  const migrations = () => join(apps.dir, "app/migrations");
  const url = () => (target.kind === "postgres" ? ["--url", target.url!] : []);
  // Postgres runs pass this suite's database with --url; PGlite runs use the app's .weave/pglite.
  const run = (...argv: string[]) => weave(apps.dir, [...argv, ...url()]);

  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());
  beforeEach(async () => {
    rmSync(migrations(), { recursive: true, force: true });
    expect((await run("migrate", "reset", "app", "--drop-only")).code).toBe(0);
  }, 30_000);

  function write(id: string, name: string, steps: Parameters<typeof migrationText>[2]): void {
    mkdirSync(migrations(), { recursive: true });
    writeFileSync(join(migrations(), `${id}_${name}.sql`), migrationText(id, name, steps));
  }

  test("status before any migration, then apply with progress and timings, then status again", async () => {
    expect(await run("migrate", "status", "app")).toMatchObject({ code: 0, err: "" });
    expect((await run("migrate", "status", "app")).out).toContain("no migrations yet: run 'weave migrate create'");
    write("0001", "initial", PRODUCTS);
    write("0002", "barcode", BARCODE);
    expect((await run("migrate", "status", "app")).out).toMatch(/0001_initial\s+pending\n {2}0002_barcode\s+pending\n2 pending\n/);

    const applied = await run("migrate", "apply", "app");
    expect({ code: applied.code, err: applied.err }).toEqual({ code: 0, err: "" });
    expect(applied.out).toMatch(/^applying migrations to .+ \(offline\)\n  applying 0001_initial\n    additive createTable products  [\d.]+ ms\n/);
    expect(applied.out).toContain("    locking createIndex products_barcode_idx  ");
    expect(applied.out).toMatch(/  done 0002_barcode in [\d.]+ ms\napplied 2 migrations in [\d.]+ ms\n$/);
    if (target.kind === "pglite") expect(existsSync(join(apps.dir, "app/.weave/pglite/PG_VERSION"))).toBe(true);

    const status = await run("migrate", "status", "app", "--json");
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out).migrations.map((m: { id: string; state: string }) => `${m.id}:${m.state}`)).toEqual(["0001:applied", "0002:applied"]);
    expect((await run("migrate", "apply", "app")).out).toEndWith("nothing to apply: the database is up to date\n");
  }, 30_000);

  test("apply --json reports what it applied", async () => {
    write("0001", "initial", PRODUCTS);
    const { code, out } = await run("migrate", "apply", "app", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ applied: [{ id: "0001", name: "initial", steps: 3 }], problems: [] });
  });

  test("a failing migration: exit 1, the file, line and Postgres message on stderr, nothing applied", async () => {
    write("0001", "initial", PRODUCTS);
    write("0002", "broken", [{ kind: "addColumn", target: "products.name", sql: 'ALTER TABLE "products" ADD COLUMN "name" text;' }]);
    const { code, out, err } = await run("migrate", "apply", "app");
    expect(code).toBe(1);
    expect(out).toContain("applied 1 migration before the failure");
    expect(err).toStartWith("error: 0002_broken.sql:6: step 'additive addColumn products.name' (line 5) failed: column \"name\" of relation \"products\" already exists (SQLSTATE 42701)\n");
    expect(err).toContain("Nothing of 0002_broken was applied");
    expect((await run("migrate", "status", "app")).out).toMatch(/0002_broken\s+pending/);
  });

  test("an edited applied migration: apply and status refuse with exit 1, naming the file", async () => {
    write("0001", "initial", PRODUCTS);
    expect((await run("migrate", "apply", "app")).code).toBe(0);
    writeFileSync(join(migrations(), "0001_initial.sql"), `${readFileSync(join(migrations(), "0001_initial.sql"), "utf8")}-- an afterthought\n`);
    const apply = await run("migrate", "apply", "app");
    expect(apply.code).toBe(1);
    expect(apply.err).toMatch(/^error: 0001_initial\.sql was edited after it was applied on /);
    const status = await run("migrate", "status", "app");
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/0001_initial\s+modified/);
  });

  test("reset drops everything and applies every migration again", async () => {
    write("0001", "initial", PRODUCTS);
    expect((await run("migrate", "apply", "app")).code).toBe(0);
    const reset = await run("migrate", "reset", "app");
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/^reset .+: dropped and re-created schema public\napplying migrations to /);
    expect(reset.out).toContain("applied 1 migration in");
  }, 30_000);

  if (target.kind === "postgres") {
    test("apply --online builds indexes after the commit", async () => {
      write("0001", "initial", PRODUCTS);
      write("0002", "barcode", BARCODE);
      const { code, out } = await run("migrate", "apply", "app", "--online");
      expect(code).toBe(0);
      expect(out).toMatch(/^applying migrations to .+ \(online\)\n/);
      expect(out).toContain("    locking createIndex products_barcode_idx (concurrently)  ");
    });
  }

  if (target.kind === "pglite") {
    test("--online needs Postgres", async () => {
      const { code, err } = await run("migrate", "apply", "app", "--online");
      expect(code).toBe(2);
      expect(err).toContain("--online needs Postgres");
    });
  }
});

describe("weave migrate: refusals and usage", () => {
  let apps: ReturnType<typeof tempApps>;
  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());
  const run = (argv: string[], env: Record<string, string> = {}) => weave(apps.dir, argv, env);

  test("reset refuses a database that is not on this machine, before connecting", async () => {
    const { code, err } = await run(["migrate", "reset", "app", "--url", "postgres://app:secret@db.example.com/app"]);
    expect(code).toBe(1);
    expect(err).toBe("weave migrate: refusing to reset the database at db.example.com: reset drops every table and is allowed only on localhost, 127.0.0.1 or ::1 (or the embedded database)\n");
  });

  test("reset refuses under NODE_ENV=production, also for the embedded database", async () => {
    const { code, err } = await run(["migrate", "reset", "app"], { NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(err).toContain("refusing to reset: NODE_ENV is production");
  });

  test("the URL comes from --url, else the app's variable or DATABASE_URL, shown without its password", async () => {
    const { code, err } = await run(["migrate", "status", "app"], { DATABASE_URL: "postgres://app:secret@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(err).toBe("weave migrate: database error on postgres://app:***@127.0.0.1:1/none (from DATABASE_URL): connect ECONNREFUSED 127.0.0.1:1\n");
  });

  test.each([
    [["migrate"], "weave migrate: missing subcommand; valid subcommands: plan, create, apply, status, reset\n"],
    [["migrate", "aply"], "weave migrate: unknown subcommand 'aply' (did you mean apply?); valid subcommands: plan, create, apply, status, reset\n"],
    [["migrate", "apply", "app", "--name", "x"], "weave migrate: option --name does not apply to 'apply'; it applies to create\n"],
    [["migrate", "plan", "app", "--url", "postgres://localhost/x"], "weave migrate: option --url does not apply to 'plan'; it applies to apply, status, reset\n"],
    [["migrate", "status", "nope"], "weave migrate: no such directory: nope\n"],
    [["migrate", "status", "app", "extra"], "weave migrate: unexpected argument 'extra'; migrate takes [subcommand] [dir]\n"],
  ])("usage error %p: exit 2", async (argv, err) => {
    expect(await run(argv)).toEqual({ code: 2, out: "", err });
  });

  test("--help shows every subcommand and which options apply to which", async () => {
    const { code, out } = await run(["migrate", "apply", "--help"]);
    expect(code).toBe(0);
    for (const sub of ["plan", "create", "apply", "status", "reset"]) expect(out).toMatch(new RegExp(`^  ${sub}\\s+\\S`, "m"));
    expect(out).toContain("--online             apply, reset:");
  });
});

describe("weave migrate plan and create", () => {
  let apps: ReturnType<typeof tempApps>;
  const dir = () => join(apps.dir, "app");
  const run = (...argv: string[]) => weave(apps.dir, argv);

  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());
  function writeCustomer(fields: string): void {
    const file = join(dir(), "domain/customer.entity.yaml");
    const modeline = readFileSync(file, "utf8").split("\n")[0]!;
    writeFileSync(file, `${modeline}\nentity: Customer\nfields:\n${fields}policies:\n  read: "true"\n`);
  }

  test("plan lists the steps with their class; create writes the file and the snapshot; apply runs it", async () => {
    const plan = await run("migrate", "plan", "app");
    expect(plan).toMatchObject({ code: 0, err: "" });
    expect(plan.out).toMatch(/^\d+ steps? from an empty database to the current model:\n {2}additive {2}/);
    expect(plan.out).toContain("run 'weave migrate create' to write them to migrations/0001_initial.sql");

    const created = await run("migrate", "create", "app");
    expect(created.code).toBe(0);
    expect(created.out).toStartWith("wrote app/migrations/0001_initial.sql (");
    expect(readdirSync(join(dir(), "migrations")).sort()).toEqual(["0001_initial.snapshot.json", "0001_initial.sql"]);
    expect((await run("migrate", "plan", "app")).out).toBe("nothing to migrate: the model matches app/migrations/0001_initial.snapshot.json\n");
    expect((await run("migrate", "apply", "app")).code).toBe(0);
  }, 30_000);

  test("a new field becomes the next migration; removing it is refused without --allow-destructive", async () => {
    writeCustomer("  name: { type: string, required: true }\n  email: { type: email }\n");
    const created = await run("migrate", "create", "app", "--name", "Add customer email");
    expect(created.code).toBe(0);
    expect(created.out).toStartWith("wrote app/migrations/0002_add_customer_email.sql (");
    expect((await run("migrate", "apply", "app")).code).toBe(0);

    writeCustomer("  name: { type: string, required: true }\n");
    const refused = await run("migrate", "plan", "app");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("customers");
    expect(refused.err).toContain("email");
    expect(refused.err).toContain("--allow-destructive");
    expect((await run("migrate", "create", "app")).code).toBe(1);
    expect(readdirSync(join(dir(), "migrations")).filter((f) => f.endsWith(".sql"))).toHaveLength(2);
    const allowed = await run("migrate", "create", "app", "--allow-destructive");
    expect(allowed.code).toBe(0);
    expect((await run("migrate", "apply", "app")).code).toBe(0);
  }, 30_000);
});
