import { expect, test } from "bun:test";
import { relative, resolve } from "node:path";
import { generateTypes } from "../../../compiler/types/generate.ts";

const root = resolve(import.meta.dir, "../../..");
const files = await generateTypes();

test.each(files.map((f) => [relative(root, f.path), f.content]))("%s matches schema/", async (path, content) => {
  const committed = await Bun.file(resolve(root, path)).text();
  expect(committed, `${path} is out of date with schema/: run \`bun run gen:types\``).toBe(content);
});
