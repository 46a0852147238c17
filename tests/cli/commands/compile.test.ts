import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { memoryIo } from "../../../cli/io.ts";
import { main } from "../../../cli/main.ts";
import { brokenApp, cleanApp, tempApps } from "../temp-app.ts";

let apps: ReturnType<typeof tempApps>;

beforeAll(() => {
  apps = tempApps({ clean: cleanApp, broken: brokenApp, other: cleanApp });
});
afterAll(() => apps.remove());

async function weave(...argv: string[]) {
  const io = memoryIo({ cwd: apps.dir });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("weave compile", () => {
  test("writes .weave/ir.json as pretty JSON, .weave/types.ts and .weave/db.ts", async () => {
    const { code, out, err } = await weave("compile", "clean");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const text = readFileSync(join(apps.dir, "clean/.weave/ir.json"), "utf8");
    const ir = JSON.parse(text);
    expect(ir.irVersion).toBe(1);
    expect(text).toBe(`${JSON.stringify(ir, null, 2)}\n`);
    expect(existsSync(join(apps.dir, "clean/.weave/types.ts"))).toBe(true);
    expect(readFileSync(join(apps.dir, "clean/.weave/db.ts"), "utf8")).toContain("export interface Database");
    expect(out).toMatch(/^compiled clean in \d+ ms\n  wrote clean\/\.weave\/ir\.json \(.+, hash [0-9a-f]{12}\)\n  wrote clean\/\.weave\/types\.ts \(.+\)\n  wrote clean\/\.weave\/db\.ts \(.+\)\n$/);
  });

  test("--json prints the paths and the hash", async () => {
    const { code, out } = await weave("compile", "clean", "--json");
    expect(code).toBe(0);
    const ir = JSON.parse(readFileSync(join(apps.dir, "clean/.weave/ir.json"), "utf8"));
    expect(JSON.parse(out)).toEqual({ ir: "clean/.weave/ir.json", types: "clean/.weave/types.ts", db: "clean/.weave/db.ts", hash: ir.hash });
  });

  test("--out writes elsewhere", async () => {
    const { code } = await weave("compile", "other", "--out", "build/weave");
    expect(code).toBe(0);
    expect(existsSync(join(apps.dir, "build/weave/ir.json"))).toBe(true);
    expect(existsSync(join(apps.dir, "other/.weave"))).toBe(false);
  });

  test("errors: diagnostics on stderr, exit 1, nothing written", async () => {
    const { code, out, err } = await weave("compile", "broken");
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err).toContain("error WV301");
    expect(existsSync(join(apps.dir, "broken/.weave"))).toBe(false);
  });

  test("missing dir is a usage error", async () => {
    expect(await weave("compile", "nope")).toEqual({ code: 2, out: "", err: "weave compile: no such directory: nope\n" });
  });
});
