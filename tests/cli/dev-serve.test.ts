/**
 * `weave serve`: starts from the compiled model and a migrated database, applies nothing, and
 * refuses to start when the database is not at the model.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachDatabase } from "../helpers/db.ts";
import { startWeave } from "../runtime/ops/weave-process.ts";
import { cleanApp, tempApps, weave } from "./temp-app.ts";


forEachDatabase("weave serve", (target) => {
  let apps: ReturnType<typeof tempApps>;
  const app = () => join(apps.dir, "app");
  const url = () => (target.kind === "postgres" ? ["--url", target.url!] : []);
  const run = (...argv: string[]) => weave(apps.dir, [...argv, ...url()]);

  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());
  beforeEach(async () => {
    rmSync(join(app(), "migrations"), { recursive: true, force: true });
    rmSync(join(app(), ".weave/ir.json"), { force: true });
    writeFileSync(join(app(), "domain/customer.entity.yaml"), readFileSync(join(app(), "domain/customer.entity.yaml"), "utf8").replace("  notes: { type: text }\n", ""));
    expect((await run("migrate", "reset", "app", "--drop-only")).code).toBe(0);
  }, 30_000);

  test("without a compiled model: exit 1 naming the file and the command to run", async () => {
    const { code, err } = await run("serve", "app", "--port", "0");
    expect(code).toBe(1);
    expect(err).toBe("weave serve: no compiled model at app/.weave/ir.json: run 'weave compile app' first\n");
  });

  test("an ir.json that is not a model: exit 1", async () => {
    mkdirSync(join(app(), ".weave"), { recursive: true });
    writeFileSync(join(app(), ".weave/ir.json"), '{"irVersion": 99}');
    const { code, err } = await run("serve", "app", "--port", "0");
    expect(code).toBe(1);
    expect(err).toContain("is not a model this weave can serve (IR version 99, expected 1)");
  });

  test("with a pending migration: exit 1 naming it, nothing applied", async () => {
    expect((await weave(apps.dir, ["compile", "app"])).code).toBe(0);
    expect((await weave(apps.dir, ["migrate", "create", "app"])).code).toBe(0);
    const { code, err } = await run("serve", "app", "--port", "0");
    expect(code).toBe(1);
    expect(err).toContain("error: migration 0001_initial is not applied: run 'weave migrate apply' first\n");
    expect(err).toMatch(/weave serve: refusing to start on .+\n$/);
    expect((await run("migrate", "status", "app")).out).toMatch(/0001_initial\s+pending/);
  });

  test("with no migrations at all: exit 1, the model has changes no migration covers", async () => {
    expect((await weave(apps.dir, ["compile", "app"])).code).toBe(0);
    const { code, err } = await run("serve", "app", "--port", "0");
    expect(code).toBe(1);
    expect(err).toContain("the compiled model differs from an empty database (there are no migrations)");
    expect(err).toContain("run 'weave migrate create', then 'weave migrate apply'");
  });

  test("after compile, create and apply it serves; a later model change without a migration is refused", async () => {
    expect((await weave(apps.dir, ["compile", "app"])).code).toBe(0);
    expect((await weave(apps.dir, ["migrate", "create", "app"])).code).toBe(0);
    expect((await run("migrate", "apply", "app")).code).toBe(0);
    const served = await startWeave(["serve", "app", "--port", "0", "--host", "127.0.0.1", ...url()], { cwd: apps.dir });
    if ("code" in served) throw new Error(served.stderr);
    try {
      expect(served.stderr()).toMatch(/weave serve: serving demo \(model [0-9a-f]{12}\) from app on /);
      expect((await fetch(`${served.url}/ready`)).status).toBe(200);
      expect((await fetch(`${served.url}/metrics`)).headers.get("content-type")).toStartWith("text/plain; version=0.0.4");
    } finally {
      expect(await served.stop()).toBe(0);
    }

    const file = join(app(), "domain/customer.entity.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("fields:\n", "fields:\n  notes: { type: text }\n"));
    expect((await weave(apps.dir, ["compile", "app"])).code).toBe(0);
    const { code, err } = await run("serve", "app", "--port", "0");
    expect(code).toBe(1);
    expect(err).toContain("the compiled model differs from migrations/0001_initial.snapshot.json by 1 step (");
  }, 60_000);
});
