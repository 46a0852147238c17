import { describe, expect, test } from "bun:test";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compileApp } from "../../compiler/index.ts";
import { validatorFor } from "../../compiler/validate/ajv.ts";
import { createAjv } from "../../compiler/validate/ajv.ts";
import irSchema from "../../schema/ir.schema.json" with { type: "json" };
import { canonicalJson, contentHash } from "../../compiler/lower/hash.ts";

const example = resolve(import.meta.dir, "../../examples/invoicing");

describe("IR", () => {
  test("is deterministic: two compilations give byte-identical JSON", async () => {
    const [a, b] = await Promise.all([compileApp(example), compileApp(example)]);
    expect(a.ir).toBeDefined();
    expect(JSON.stringify(a.ir)).toBe(JSON.stringify(b.ir));
  });

  test("does not depend on where the app folder is", async () => {
    const copy = await mkdtemp(join(tmpdir(), "weave-ir-"));
    try {
      await cp(example, copy, { recursive: true, filter: (src) => !src.includes(".weave") && !src.includes("node_modules") });
      const [here, there] = await Promise.all([compileApp(example), compileApp(copy)]);
      expect(there.ir?.hash).toBe(here.ir!.hash);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  test("hash is the sha256 of the canonical IR without the hash", async () => {
    const { ir } = await compileApp(example);
    const { hash, ...rest } = ir!;
    expect(hash).toBe(contentHash(rest));
  });

  test("changes when the model changes", async () => {
    const copy = await mkdtemp(join(tmpdir(), "weave-ir-"));
    try {
      await cp(example, copy, { recursive: true, filter: (src) => !src.includes(".weave") && !src.includes("node_modules") });
      const file = join(copy, "domain/product.entity.yaml");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace(/^fields:\n/m, "fields:\n  barcode: { type: string, maxLength: 64 }\n"));
      const [before, after] = await Promise.all([compileApp(example), compileApp(copy)]);
      expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(after.ir!.hash).not.toBe(before.ir!.hash);
      expect(after.ir!.entities.find((e) => e.name === "Product")!.fields.some((f) => f.name === "barcode")).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  test("validates against schema/ir.schema.json and is plain JSON", async () => {
    const { ir } = await compileApp(example);
    const validate = createAjv().compile(irSchema);
    const valid = validate(ir);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(JSON.parse(JSON.stringify(ir))).toEqual(JSON.parse(canonicalJson(ir)));
  });

  test("validators are compiled once per kind", () => {
    expect(validatorFor("entity")).toBe(validatorFor("entity"));
  });
});
