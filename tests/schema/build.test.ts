import { expect, test } from "bun:test";
import { buildSchemas } from "../../schema/src/build.ts";

test.each(buildSchemas().map((f) => [f.path.replace(/^.*\/schema\//, "schema/"), f.content]))(
  "%s equals a fresh build of schema/src",
  async (path, content) => {
    const committed = await Bun.file(`${import.meta.dir}/../../${path}`).text();
    expect(committed, `${path} is stale: run \`bun schema/src/build.ts\`, then \`bun run gen:types\``).toBe(content);
  },
);
