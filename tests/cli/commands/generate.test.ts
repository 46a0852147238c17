/**
 * `weave generate`: each target writes what its generator returns for the compiled model, to
 * .weave/, --out or stdout; `client` is not available yet (exit 2); errors exit 1.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import { generateOpenApi } from "../../../compiler/generators/openapi/index.ts";
import { planMigration } from "../../../compiler/generators/sql/index.ts";
import { generateEntityTypes } from "../../../compiler/generators/types/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { brokenApp, cleanApp, tempApps, weave } from "../temp-app.ts";

let apps: ReturnType<typeof tempApps>;
let ir: IR;
beforeAll(async () => {
  apps = tempApps({ clean: cleanApp, broken: brokenApp });
  ir = (await compileApp(join(apps.dir, "clean"))).ir!;
});
afterAll(() => apps.remove());

describe("weave generate", () => {
  test("types writes .weave/types.ts: the entity types generator's output", async () => {
    const { code, out } = await weave(apps.dir, ["generate", "types", "clean"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^wrote clean\/\.weave\/types\.ts \(\d+ bytes, generated in \d+ ms\)\n$/);
    expect(readFileSync(join(apps.dir, "clean/.weave/types.ts"), "utf8")).toBe(generateEntityTypes(ir));
  });

  test("openapi writes an OpenAPI 3.1 JSON document to --out", async () => {
    const { code, out } = await weave(apps.dir, ["generate", "openapi", "clean", "--out", "api/openapi.json", "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(readFileSync(join(apps.dir, "api/openapi.json"), "utf8"));
    expect(doc.openapi).toStartWith("3.1");
    expect(doc).toEqual(JSON.parse(JSON.stringify(generateOpenApi(ir))));
    expect(JSON.parse(out)).toMatchObject({ target: "openapi", path: "api/openapi.json", hash: ir.hash });
  });

  test("sql prints the DDL of the model to stdout with --out -: every step of a plan from empty", async () => {
    const { code, out } = await weave(apps.dir, ["generate", "sql", "clean", "--out", "-"]);
    expect(code).toBe(0);
    expect(out).toStartWith(`-- weave schema of demo (${ir.hash})\n`);
    expect(out).toContain('CREATE TABLE "customers" (');
    for (const step of planMigration(undefined, ir).steps) expect(out).toContain(`${step.sql};`);
  });

  test("client writes the typed SDK: the SDK generator's output, type-checked by its own tests", async () => {
    const { code, out } = await weave(apps.dir, ["generate", "client", "clean"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^wrote clean\/\.weave\/client\.ts \(\d+ bytes, generated in \d+ ms\)\n$/);
    const { generateSdk } = await import("../../../compiler/generators/sdk/index.ts");
    const written = readFileSync(join(apps.dir, "clean/.weave/client.ts"), "utf8");
    expect(written).toBe(generateSdk(ir));
    expect(written).toContain("export function createClient(");
  });

  test("a missing or unknown target is a usage error that lists the targets", async () => {
    expect(await weave(apps.dir, ["generate"])).toMatchObject({ code: 2, err: expect.stringContaining("missing target; valid targets: types, openapi, sql, client") });
    expect(await weave(apps.dir, ["generate", "typs", "clean"])).toMatchObject({ code: 2, err: expect.stringContaining("(did you mean types?)") });
  });

  test("an app with errors prints them and exits 1 without writing", async () => {
    const { code, err } = await weave(apps.dir, ["generate", "types", "broken"]);
    expect(code).toBe(1);
    expect(err).toContain("error WV301");
    expect(existsSync(join(apps.dir, "broken/.weave"))).toBe(false);
  });

  test("--help lists the targets", async () => {
    const { code, out } = await weave(apps.dir, ["generate", "--help"]);
    expect(code).toBe(0);
    for (const text of ["types", "openapi", "sql", "client", "--out <path>", "--json"]) expect(out).toContain(text);
  });
});
