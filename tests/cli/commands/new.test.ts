/**
 * `weave new` end to end: the app it writes compiles clean, migrates, seeds, and its demo user
 * signs in and works through the API in process; a non-empty folder is refused.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_USERS } from "../../../cli/new/templates.ts";
import { appNameFrom, defaultWeaveSpec } from "../../../cli/new/weave-spec.ts";
import { compileApp } from "../../../compiler/index.ts";
import { createDatabase, createServer } from "../../../runtime/index.ts";
import { startWeave } from "../../runtime/ops/weave-process.ts";
import { repoRoot, weave } from "../temp-app.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "weave-new-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("weave new", () => {
  test("writes a ready app and says what to run next", async () => {
    const { code, out, err } = await weave(dir, ["new", "tasks", "--weave-spec", `file:${repoRoot}`]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("created tasks in tasks\n  weave.yaml\n");
    expect(out).toContain("  cd tasks\n  bun install\n  bunx weave dev\n");
    const pkg = JSON.parse(readFileSync(join(dir, "tasks/package.json"), "utf8"));
    expect(pkg).toMatchObject({ name: "tasks", private: true, type: "module", dependencies: { "@weave-dev/weave": `file:${repoRoot}` } });
    expect(readFileSync(join(dir, "tasks/.gitignore"), "utf8")).toContain(".weave/");
    expect(readFileSync(join(dir, "tasks/README.md"), "utf8")).toContain("bunx weave dev");
  });

  test("every spec file has a modeline, and .vscode/settings.json maps each kind to an existing schema", () => {
    const settings = JSON.parse(readFileSync(join(dir, "tasks/.vscode/settings.json"), "utf8"));
    const schemas = Object.keys(settings["yaml.schemas"]);
    expect(schemas).toContain("./node_modules/@weave-dev/weave/schema/entity.schema.json");
    for (const schema of schemas) expect(() => readFileSync(join(repoRoot, schema.replace("./node_modules/@weave-dev/weave/", "")))).not.toThrow();
    expect(readFileSync(join(dir, "tasks/domain/task.entity.yaml"), "utf8")).toStartWith("# yaml-language-server: $schema=../node_modules/@weave-dev/weave/schema/entity.schema.json\n");
  });

  test("weave check finds no problems in it, not even a warning", async () => {
    const { code, out } = await weave(dir, ["check", "tasks"]);
    expect(code).toBe(0);
    expect(out).toContain("no problems");
    const { ir, diagnostics } = await compileApp(join(dir, "tasks"));
    expect(diagnostics).toEqual([]);
    expect(ir!.entities.map((e) => e.name)).toEqual(["Task"]);
    expect(ir!.entities[0]!.states[0]!.transitions.map((t) => t.name)).toEqual(["start", "finish", "reopen"]);
    expect(ir!.roles.map((r) => r.name)).toEqual(["admin", "member"]);
  });

  test("it migrates and seeds; the demo admin signs in, lists the seeded tasks and moves one along", async () => {
    expect((await weave(dir, ["migrate", "create", "tasks"])).code).toBe(0);
    expect((await weave(dir, ["migrate", "apply", "tasks"])).code).toBe(0);
    const seeded = await weave(dir, ["seed", "tasks", "--json"]);
    expect(JSON.parse(seeded.out)).toMatchObject({ seeded: true, users: { created: 2 }, records: { Task: { created: 2 } } });

    const { ir } = await compileApp(join(dir, "tasks"));
    const database = createDatabase({ dataDir: join(dir, "tasks/.weave/pglite") });
    const server = createServer(ir!, { database, appDir: join(dir, "tasks"), log: false });
    try {
      const call = (path: string, init: RequestInit = {}) => server.app.handle(new Request(`http://localhost${path}`, init));
      const admin = DEMO_USERS[0];
      const login = await call("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      // Read policies filter lists: without signing in, no task is visible.
      expect(((await (await call("/api/tasks")).json()) as { data: unknown[] }).data).toEqual([]);
      const list = (await (await call("/api/tasks?sort=code", { headers: { cookie } })).json()) as { data: { id: string; code: string; status: string }[] };
      expect(list.data.map((t) => [t.code, t.status])).toEqual([["edit-the-model", "todo"], ["try-weave", "doing"]]);
      const started = await call(`/api/tasks/${list.data[0]!.id}/transitions/start`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
      expect(started.status).toBe(200);
      expect(((await started.json()) as { status: string }).status).toBe("doing");
    } finally {
      await server.close();
    }
  }, 60_000);

  test("weave dev serves the new app and its UI, and an edit to the model is served without a restart", async () => {
    const served = await startWeave(["dev", "tasks", "--port", "0", "--host", "127.0.0.1"], { cwd: dir, timeoutMs: 60_000 });
    if ("code" in served) throw new Error(served.stderr);
    try {
      expect((await fetch(`${served.url}/app/`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
      const login = await fetch(`${served.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: DEMO_USERS[0].email, password: DEMO_USERS[0].password }) });
      expect(login.status).toBe(200);
      const schemaHas = async (name: string) => Object.keys((await (await fetch(`${served.url}/api/openapi.json`)).json()).components.schemas.Task.properties).includes(name);
      expect(await schemaHas("estimate")).toBe(false);
      const file = join(dir, "tasks/domain/task.entity.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("fields:\n", "fields:\n  estimate: { type: int, label: Estimate (hours) }\n"));
      const deadline = Date.now() + 15_000;
      while (!(await schemaHas("estimate"))) {
        if (Date.now() > deadline) throw new Error(`the edit was not served:\n${served.stderr()}`);
        await Bun.sleep(50);
      }
      expect(served.stderr()).toMatch(/weave dev: reloaded in \d+ ms/);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 90_000);

  test("a folder that is not empty is refused (exit 2) and left alone", async () => {
    mkdirSync(join(dir, "busy"));
    writeFileSync(join(dir, "busy/notes.txt"), "mine\n");
    const { code, err } = await weave(dir, ["new", "busy"]);
    expect(code).toBe(2);
    expect(err).toContain("busy is not empty");
    expect(readFileSync(join(dir, "busy/notes.txt"), "utf8")).toBe("mine\n");
  });

  test("no folder, or a name that cannot be kebab-case, is a usage error", async () => {
    expect(await weave(dir, ["new"])).toMatchObject({ code: 2, err: expect.stringContaining("missing <dir>") });
    expect(await weave(dir, ["new", "fresh", "--name", "Not_Kebab"])).toMatchObject({ code: 2, err: expect.stringContaining("invalid app name 'Not_Kebab'") });
  });

  test("--json lists the files written", async () => {
    const { code, out } = await weave(dir, ["new", "json-app", "--json", "--weave-spec", "^0.1.0"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ dir: "json-app", name: "json-app", files: ["weave.yaml", "domain/task.entity.yaml", "policies/roles.policy.yaml", "seed/demo.yaml", ".vscode/settings.json", "package.json", "README.md", ".gitignore"] });
  });
});

describe("names and the weave dependency", () => {
  test.each([
    ["My Tasks", "my-tasks"],
    ["2026-budget", "budget"],
    ["field_service", "field-service"],
    ["123", undefined],
  ])("folder %p gives app name %p", (folder, want) => {
    expect(appNameFrom(folder)).toBe(want);
  });

  test("a checkout of weave is referred to by folder, an installed one by version", () => {
    expect(defaultWeaveSpec(repoRoot)).toBe(`file:${repoRoot}`);
    const installed = mkdtempSync(join(tmpdir(), "weave-new-"));
    try {
      const root = join(installed, "node_modules/@weave-dev/weave");
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, "package.json"), JSON.stringify({ name: "@weave-dev/weave", version: "1.2.3" }));
      expect(defaultWeaveSpec(root)).toBe("^1.2.3");
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });
});
