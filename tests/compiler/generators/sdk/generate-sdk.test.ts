/**
 * The generated SDK: deterministic, equal to the reviewed fixture for the invoicing example, and
 * type-checked by tsc in a temporary folder beside the type tests (fixtures/invoicing.type-test.ts)
 * and, for the kitchen-sink model, beside inline ones (serial ids, an id-less entity with a
 * compound key, names that collide with the fixed methods).
 *
 * Regenerate the fixture after an intended change with
 * `UPDATE_FIXTURES=1 bun test tests/compiler/generators/sdk`, and review its diff.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSdk } from "../../../../compiler/generators/sdk/index.ts";
import type { IR } from "../../../../compiler/ir/index.ts";
import { compileApp } from "../../../../compiler/index.ts";
import { loadSpec, repoRoot } from "../../../helpers/spec-app.ts";
import { KITCHEN_SINK } from "../openapi/kitchen-sink.ts";

const FIXTURES = join(import.meta.dir, "fixtures");
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "bundler",
    strict: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    lib: ["ES2022", "DOM"],
    types: [],
  },
};

let ir: IR;
let dir: string;

beforeAll(async () => {
  const result = await compileApp(join(repoRoot, "examples/invoicing"));
  if (!result.ir) throw new Error("the invoicing example does not compile");
  ir = result.ir;
  // A folder outside the repository that resolves packages (and `@weave-dev/weave/client`) as an app would.
  dir = mkdtempSync(join(tmpdir(), "weave-sdk-"));
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs tsc on `files` of the temporary folder; its output is empty when they type-check. */
async function typeCheck(files: readonly string[]): Promise<{ code: number; out: string }> {
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, files }));
  const tsc = Bun.spawn([join(repoRoot, "node_modules/.bin/tsc"), "--noEmit", "-p", dir], { cwd: dir, stdout: "pipe", stderr: "pipe" });
  const [out, code] = await Promise.all([new Response(tsc.stdout).text(), tsc.exited]);
  return { code, out };
}

describe("the invoicing SDK", () => {
  test("is deterministic", () => {
    expect(generateSdk(ir)).toBe(generateSdk(ir));
  });

  test("matches the reviewed fixture", () => {
    const text = generateSdk(ir);
    if (process.env.UPDATE_FIXTURES) writeFileSync(join(FIXTURES, "invoicing.sdk.ts"), text);
    expect(text).toBe(readFileSync(join(FIXTURES, "invoicing.sdk.ts"), "utf8"));
  });

  test("imports the shared client from `importFrom`", () => {
    expect(generateSdk(ir)).toContain('import * as weave from "@weave-dev/weave/client";');
    expect(generateSdk(ir, { importFrom: "../weave/client.ts" })).toContain('import * as weave from "../weave/client.ts";');
  });

  test("type-checks with tsc, with the type tests beside it", async () => {
    writeFileSync(join(dir, "invoicing.sdk.ts"), generateSdk(ir));
    copyFileSync(join(FIXTURES, "invoicing.type-test.ts"), join(dir, "invoicing.type-test.ts"));
    expect(await typeCheck(["invoicing.sdk.ts", "invoicing.type-test.ts"])).toEqual({ code: 0, out: "" });
  }, 60_000);

  test("a misuse is a type error (the check can fail)", async () => {
    writeFileSync(join(dir, "misuse.ts"), 'import { createClient } from "./invoicing.sdk.ts";\nvoid createClient().invoices.list({ filter: { status: { eq: "drafty" } } });\n');
    const { code, out } = await typeCheck(["invoicing.sdk.ts", "misuse.ts"]);
    expect(code).not.toBe(0);
    expect(out).toContain("misuse.ts(2,");
  }, 60_000);
});

describe("the kitchen-sink SDK", () => {
  const TYPE_TEST = `
import { expectTypeOf } from "expect-type";
import type { CallOptions } from "@weave-dev/weave/client";
import { createClient, type Shift, type ShiftKey, type Ticket, type TicketListOutput, ticketsMutations } from "./sink.sdk.ts";

const client = createClient();
export async function checks(): Promise<void> {
  // A serial id is a decimal string; its filter takes strings or numbers.
  expectTypeOf<Ticket["id"]>().toEqualTypeOf<string>();
  await client.tickets.list({ filter: { id: { in: ["1", 2] }, priority: { eq: "high" }, "subject.type": { eq: "Agent" } } });
  // @ts-expect-error: not a priority
  await client.tickets.list({ filter: { priority: { eq: "urgent" } } });
  // Names taken by the fixed methods get their kind as a suffix.
  expectTypeOf(client.tickets.deleteTransition).toEqualTypeOf<(id: string, options?: CallOptions) => Promise<Ticket>>();
  expectTypeOf(client.tickets.listAction).toEqualTypeOf<(options?: CallOptions) => Promise<TicketListOutput>>();
  expectTypeOf(client.tickets.delete).toEqualTypeOf<(id: string, options?: CallOptions) => Promise<void>>();
  // A required input makes the input required.
  await client.tickets.reassign("1", { agent: "a1" });
  // @ts-expect-error: agent is required
  await client.tickets.reassign("1", {});
  await client.tickets.ping("1");
  await client.tickets.labels("1", { sort: ["name"] });
  void ticketsMutations(client).ping().mutationFn({ id: "1" });
  void ticketsMutations(client).reassign().mutationFn({ id: "1", input: { agent: "a1" }, version: 2 });
  // @ts-expect-error: the input is required
  void ticketsMutations(client).reassign().mutationFn({ id: "1" });
  // An entity without an id is named by its key, in key order.
  expectTypeOf<ShiftKey>().toEqualTypeOf<readonly [agent: string, day: string]>();
  expectTypeOf(await client.shifts.get(["a1", "2026-01-31"])).toEqualTypeOf<Shift>();
  await client.shifts.update(["a1", "2026-01-31"], { hours: 8 });
  // @ts-expect-error: the key has two parts
  await client.shifts.get("a1");
  // @ts-expect-error: no getByKey where the key is the only name
  void client.shifts.getByKey;
}
`;

  test("type-checks with tsc, with collisions, serial ids and compound keys", async () => {
    const sink = (await loadSpec(KITCHEN_SINK)).ir;
    const source = generateSdk(sink);
    writeFileSync(join(dir, "sink.sdk.ts"), source);
    writeFileSync(join(dir, "sink.type-test.ts"), TYPE_TEST);
    expect(await typeCheck(["sink.sdk.ts", "sink.type-test.ts"])).toEqual({ code: 0, out: "" });
    expect(source).toContain("`/api/shifts/by-key/${enc(String(key[0]))}/${enc(String(key[1]))}`");
  }, 60_000);
});
