/** Every YAML file of the example apps validates against the schema its modeline names. */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { kinds, validator, type Kind } from "./ajv.ts";

const examples = resolve(import.meta.dir, "../../examples");
const files = [...new Bun.Glob("*/**/*.yaml").scanSync({ cwd: examples })]
  .filter((f) => !f.includes("node_modules"))
  .sort();

describe("example apps", () => {
  test.each(files.map((f) => [f]))("%s", (file) => {
    const text = readFileSync(join(examples, file), "utf8");
    const kind = /# yaml-language-server: \$schema=\S*\/schema\/(\w+)\.schema\.json/.exec(text)?.[1];
    expect(kinds as readonly (string | undefined)[], `${file} has no schema modeline`).toContain(kind);
    const validate = validator(kind as Kind);
    validate(parse(text));
    expect(validate.errors ?? []).toEqual([]);
  });
});

/**
 * Every full YAML example in spec/ (a block with a schema modeline) validates too, except in
 * diagnostics.md, whose failing examples are wrong on purpose (tests/compiler/diagnostics checks them).
 */
const specDir = resolve(import.meta.dir, "../../spec");
const blocks = [...new Bun.Glob("*.md").scanSync({ cwd: specDir })]
  .filter((page) => page !== "diagnostics.md")
  .sort()
  .flatMap((page) =>
    [...readFileSync(join(specDir, page), "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => ({ page, text: m[1]!, kind: /\$schema=\S*\/schema\/(\w+)\.schema\.json/.exec(m[1]!)?.[1] }))
      .filter((b) => b.kind !== undefined && (kinds as readonly string[]).includes(b.kind) && parse(b.text) !== null),
  );

describe("spec examples", () => {
  test.each(blocks.map((b) => [`${b.page} (${b.kind})`, b]))("%s", (_, block) => {
    const validate = validator(block.kind as Kind);
    validate(parse(block.text));
    expect(validate.errors ?? []).toEqual([]);
  });
});
