/**
 * `weave dev` end to end: arguments and refusals in process, serving and stopping in a child
 * process on both databases.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolvePort, serverUrl } from "../../cli/serve/port.ts";
import { forEachDatabase } from "../helpers/db.ts";
import { freePort, startWeave, type WeaveProcess } from "../runtime/ops/weave-process.ts";
import { brokenApp, cleanApp, tempApps, weave } from "./temp-app.ts";


function started(result: Awaited<ReturnType<typeof startWeave>>): WeaveProcess {
  if ("code" in result) throw new Error(`weave exited with ${result.code} before listening:\n${result.stderr}`);
  return result;
}

describe("the port: --port, else PORT, else 3000", () => {
  const cases: [string, { option?: string; env: Record<string, string>; want: number }][] = [
    ["default", { env: {}, want: 3000 }],
    ["PORT", { env: { PORT: "8080" }, want: 8080 }],
    ["--port over PORT", { option: "4000", env: { PORT: "8080" }, want: 4000 }],
    ["--port 0 picks a free one", { option: "0", env: {}, want: 0 }],
    ["blank PORT is no PORT", { env: { PORT: " " }, want: 3000 }],
  ];
  test.each(cases)("%s", (_name, { option, env, want }) => {
    expect(resolvePort(option, env)).toBe(want);
  });

  const invalid: [string, { option?: string; env: Record<string, string>; want: string }][] = [
    ["a word", { option: "http", env: {}, want: "invalid --port 'http'" }],
    ["too large", { option: "65536", env: {}, want: "invalid --port '65536'" }],
    ["negative", { option: "-1", env: {}, want: "invalid --port '-1'" }],
    ["a bad PORT", { env: { PORT: "80a" }, want: "invalid PORT '80a'" }],
  ];
  test.each(invalid)("refuses %s", (_name, { option, env, want }) => {
    expect(() => resolvePort(option, env)).toThrow(want);
  });

  test("the printed URL names a reachable host", () => {
    expect(serverUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(serverUrl("127.0.0.1", 80)).toBe("http://127.0.0.1:80");
    expect(serverUrl("::1", 3000)).toBe("http://[::1]:3000");
  });
});

describe("weave dev refuses before serving", () => {
  let apps: ReturnType<typeof tempApps>;
  beforeAll(() => {
    apps = tempApps({ clean: cleanApp, broken: brokenApp });
  });
  afterAll(() => apps.remove());

  test("a bad --port is a usage error (exit 2)", async () => {
    expect(await weave(apps.dir, ["dev", "clean", "--port", "web"])).toMatchObject({ code: 2, err: expect.stringContaining("invalid --port 'web'") });
  });

  test("a missing folder is a usage error (exit 2)", async () => {
    expect(await weave(apps.dir, ["dev", "nope"])).toMatchObject({ code: 2, err: expect.stringContaining("no such directory: nope") });
  });

  test("an app with errors prints its diagnostics and exits 1 without opening a database", async () => {
    const { code, err } = await weave(apps.dir, ["dev", "broken", "--port", "0"]);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\/domain\/invoice\.entity\.yaml:\d+:\d+ - error WV301/);
    expect(err).not.toContain("listening");
  });

  test("--help describes the database, the flags and the shutdown", async () => {
    const { code, out } = await weave(apps.dir, ["dev", "--help"]);
    expect(code).toBe(0);
    for (const text of ["--port <n>", "--allow-destructive", "$DATABASE_URL", "X-Weave-User", "SIGTERM"]) expect(out).toContain(text);
  });
});

forEachDatabase("weave dev serving", (target) => {
  let apps: ReturnType<typeof tempApps>;
  const url = () => (target.kind === "postgres" ? ["--url", target.url!] : []);
  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());

  test("brings the database to the model, serves /health and /ready, logs JSON lines, and exits 0 on SIGTERM", async () => {
    const dev = started(await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", ...url()], { cwd: apps.dir }));
    try {
      expect(dev.stderr()).toContain("from empty to the model");
      expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${dev.url}/health`)).status).toBe(200);
      expect((await fetch(`${dev.url}/ready`)).status).toBe(200);
      const missing = await fetch(`${dev.url}/api/nothing?secret=1`, { headers: { "x-request-id": "dev-test-1" } });
      expect(missing.status).toBe(404);
    } finally {
      expect(await dev.stop("SIGTERM")).toBe(0);
    }
    expect(dev.stderr()).toMatch(/SIGTERM: stopping; no requests in flight\nweave dev: stopped in \d+ ms\n$/);
    const lines = dev.stdout().trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toContainEqual(expect.objectContaining({ requestId: "dev-test-1", route: null, status: 404, method: "GET" }));
    expect(dev.stdout()).not.toContain("secret");
  }, 60_000);

  test("a second start finds the database up to date; SIGINT stops it too", async () => {
    const dev = started(await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", ...url()], { cwd: apps.dir }));
    expect(dev.stderr()).toContain("is up to date with the model");
    expect(await dev.stop("SIGINT")).toBe(0);
    expect(dev.stderr()).toContain("SIGINT: stopping");
  }, 60_000);

  test("an edit that drops a field is refused (exit 1) and changes nothing, unless --allow-destructive", async () => {
    const file = join(apps.dir, "app/domain/customer.entity.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("  name: { type: string, required: true }\n", "  label: { type: string }\n"));
    const refused = await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", ...url()], { cwd: apps.dir });
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("refused: ");
    expect((refused as { stderr: string }).stderr).toContain("--allow-destructive");
    expect((refused as { stderr: string }).stderr).toContain("was not changed and the server did not start");

    const allowed = started(await startWeave(["dev", "app", "--port", "0", "--host", "127.0.0.1", "--allow-destructive", ...url()], { cwd: apps.dir }));
    expect(allowed.stderr()).toMatch(/from the last development model to the model: \d+ steps?/);
    expect(allowed.stderr()).toContain("destructive");
    expect(await allowed.stop()).toBe(0);
  }, 60_000);

  test("PORT is used without --port; a port or an embedded database in use is a clear error (exit 1)", async () => {
    const port = freePort();
    const dev = started(await startWeave(["dev", "app", "--host", "127.0.0.1", ...url()], { cwd: apps.dir, env: { PORT: String(port) } }));
    try {
      expect(dev.url).toBe(`http://127.0.0.1:${port}`);
      const second = await startWeave(["dev", "app", "--host", "127.0.0.1", "--port", String(port), ...url()], { cwd: apps.dir, env: { PORT: "not-used" } });
      expect(second).toMatchObject({ code: 1 });
      expect((second as { stderr: string }).stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
      if (target.kind === "pglite") {
        // PGlite takes no lock of its own: two processes on one data folder would corrupt it.
        const third = await startWeave(["dev", "app", "--host", "127.0.0.1", "--port", "0"], { cwd: apps.dir });
        expect(third).toMatchObject({ code: 1 });
        expect((third as { stderr: string }).stderr).toContain(`PGlite in app/.weave/pglite is in use by another process (pid ${dev.child.pid})`);
      }
    } finally {
      expect(await dev.stop()).toBe(0);
    }
  }, 60_000);
});
