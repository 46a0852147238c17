/**
 * `weave build` writes a folder `weave serve` starts from without YAML; it refuses a model no
 * migration covers. The invoicing example builds with its handlers and serves its UI from dist.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forEachDatabase } from "../../helpers/db.ts";
import { startWeave } from "../../runtime/ops/weave-process.ts";
import { cleanApp, repoRoot, tempApps, weave } from "../temp-app.ts";

describe("weave build", () => {
  let apps: ReturnType<typeof tempApps>;
  beforeAll(() => {
    apps = tempApps({ app: cleanApp });
  });
  afterAll(() => apps.remove());

  test("refuses a model that no migration covers, naming the command to run", async () => {
    const { code, err } = await weave(apps.dir, ["build", "app"]);
    expect(code).toBe(1);
    expect(err).toContain("the model differs from an empty database (there are no migrations) by");
    expect(err).toContain("run 'weave migrate create' first");
    expect(existsSync(join(apps.dir, "app/dist"))).toBe(false);
  });

  test("writes the model, migrations, OpenAPI, types and the UI bundle; keeps dist/.weave", async () => {
    expect((await weave(apps.dir, ["migrate", "create", "app"])).code).toBe(0);
    mkdirSync(join(apps.dir, "app/dist/.weave"), { recursive: true });
    writeFileSync(join(apps.dir, "app/dist/.weave/keep"), "data");
    writeFileSync(join(apps.dir, "app/dist/stale.txt"), "old");
    const { code, out } = await weave(apps.dir, ["build", "app", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { out: string; hash: string; files: { path: string }[] };
    const paths = report.files.map((f) => f.path);
    for (const path of ["ir.json", "openapi.json", "types.ts", "client.ts", "weave.js", "charts.js", "extras.js", "migrations/0001_initial.sql", "migrations/0001_initial.snapshot.json", "weave-build.json"]) expect(paths).toContain(path);
    const dist = join(apps.dir, "app/dist");
    expect(JSON.parse(readFileSync(join(dist, "ir.json"), "utf8")).hash).toBe(report.hash);
    expect(JSON.parse(readFileSync(join(dist, "weave-build.json"), "utf8"))).toMatchObject({ app: "demo", hash: report.hash });
    expect(readFileSync(join(dist, "weave.js"), "utf8")).toContain("weave-app");
    expect(existsSync(join(dist, "stale.txt"))).toBe(false);
    expect(readFileSync(join(dist, ".weave/keep"), "utf8")).toBe("data");
  });
});

forEachDatabase("weave serve from a build", (target) => {
  let apps: ReturnType<typeof tempApps>;
  beforeAll(() => {
    apps = tempApps({});
    cpSync(join(repoRoot, "examples/invoicing"), join(apps.dir, "app"), { recursive: true, filter: (src) => !/[\\/](\.weave|node_modules|dist)([\\/]|$)/.test(src) });
  });
  afterAll(() => apps.remove());

  test("the invoicing example builds with its handlers, and serve starts from dist with the built bundle", async () => {
    const built = await weave(apps.dir, ["build", "app", "--out", "out/dist"]);
    expect(built.code).toBe(0);
    const dist = join(apps.dir, "out/dist");
    expect(readFileSync(join(dist, "actions/duplicate.ts"), "utf8")).toStartWith("// Built by weave build from");
    const url = target.kind === "postgres" ? ["--url", target.url!] : [];
    if (target.kind === "postgres") expect((await weave(apps.dir, ["migrate", "reset", "out/dist", "--drop-only", ...url])).code).toBe(0);
    expect((await weave(apps.dir, ["migrate", "apply", "out/dist", ...url])).code).toBe(0);
    const served = await startWeave(["serve", "out/dist", "--port", "0", "--host", "127.0.0.1", ...url], { cwd: apps.dir });
    if ("code" in served) throw new Error(served.stderr);
    try {
      const bundle = await fetch(`${served.url}/weave/weave.js`);
      expect(await bundle.text()).toBe(readFileSync(join(dist, "weave.js"), "utf8"));
      expect((await fetch(`${served.url}/app/`)).headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect((await fetch(`${served.url}/api/openapi.json`)).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
  }, 120_000);
});
