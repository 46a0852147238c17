/**
 * `weave seed` end to end in temporary copies of the invoicing example, on PGlite and Postgres:
 * seeding, running again, --reset with its confirmation and refusals, --json, errors with
 * file:line, and `weave dev` seeding an empty database so a demo user can sign in through the API.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryIo } from "../../cli/io.ts";
import { main } from "../../cli/main.ts";
import { forEachDatabase } from "../helpers/db.ts";
import { startWeave, type WeaveProcess } from "../runtime/ops/weave-process.ts";
import { repoRoot } from "./temp-app.ts";

/** A copy of examples/invoicing (without its .weave folder) in a temp folder, as `invoicing`. */
function invoicingCopy(): { dir: string; app: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "weave-seed-"));
  cpSync(join(repoRoot, "examples/invoicing"), join(dir, "invoicing"), { recursive: true, filter: (src) => !src.includes(".weave") && !src.includes("node_modules") });
  return { dir, app: join(dir, "invoicing"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function weave(cwd: string, argv: string[], options: { env?: Record<string, string>; answers?: string[] } = {}) {
  const io = memoryIo({ cwd, env: options.env ?? {}, ...(options.answers ? { answers: options.answers } : {}) });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

forEachDatabase("weave seed", (target) => {
  let copy: ReturnType<typeof invoicingCopy>;
  const url = () => (target.kind === "postgres" ? ["--url", target.url!] : []);
  beforeAll(() => {
    copy = invoicingCopy();
  });
  afterAll(() => copy.remove());

  test("a database not at the model yet is a problem (exit 1) that says what to run", async () => {
    const { code, err } = await weave(copy.dir, ["seed", "invoicing", ...url()]);
    expect(code).toBe(1);
    expect(err).toContain("the database is not at the model yet: run 'weave dev' or 'weave migrate apply' first");
  }, 60_000);

  test("seeds every entry, then finds them all on a second run", async () => {
    expect((await weave(copy.dir, ["migrate", "apply", "invoicing", ...url()])).code).toBe(0);
    const first = await weave(copy.dir, ["seed", "invoicing", ...url()]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^seeded .+ in \d+ ms\n  tenants      1 created\n  users        3 created\n  Customer     3 created\n  Invoice      3 created\n  Product      4 created\n  InvoiceLine  5 created\n  Payment      1 created\n$/);
    const second = await weave(copy.dir, ["seed", "invoicing", "--json", ...url()]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ reset: false, seeded: true, total: { created: 0, updated: 0, unchanged: 20 }, records: { Invoice: { unchanged: 3 } } });
  }, 60_000);

  test("--reset asks first; no answers no; --yes empties the tables and seeds again", async () => {
    const declined = await weave(copy.dir, ["seed", "invoicing", "--reset", ...url()], { answers: ["n"] });
    expect(declined.code).toBe(1);
    expect(declined.err).toContain("empty every table of invoicing in");
    expect(declined.err).toContain("nothing was changed");
    const accepted = await weave(copy.dir, ["seed", "invoicing", "--reset", ...url()], { answers: ["yes"] });
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/^emptied \d+ tables of .+\nseeded .+\n  tenants      1 created\n/);
    const json = await weave(copy.dir, ["seed", "invoicing", "--reset", "--yes", "--json", ...url()]);
    expect(JSON.parse(json.out)).toMatchObject({ reset: true, total: { created: 20, updated: 0, unchanged: 0 } });
  }, 60_000);

  test("--reset without a terminal to answer needs --yes (exit 2)", async () => {
    const { code, err } = await weave(copy.dir, ["seed", "invoicing", "--reset", ...url()]);
    expect(code).toBe(2);
    expect(err).toContain("confirm with --yes when no terminal can answer");
  }, 60_000);

  test("--reset refuses a production database unless --force", async () => {
    const refused = await weave(copy.dir, ["seed", "invoicing", "--reset", "--yes", ...url()], { env: { NODE_ENV: "production" } });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("refusing to empty: NODE_ENV is production");
    expect(refused.err).toContain("--force overrides this");
    const forced = await weave(copy.dir, ["seed", "invoicing", "--reset", "--yes", "--force", ...url()], { env: { NODE_ENV: "production" } });
    expect(forced.code).toBe(0);
  }, 60_000);

  test("bad seed data: the file, line, entry and field on stderr (and in --json), exit 1, nothing written", async () => {
    const file = join(copy.app, "seed/demo.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("      taxRate: 0\n", "      taxRate: lots\n"));
    try {
      const { code, err } = await weave(copy.dir, ["seed", "invoicing", "--reset", "--yes", ...url()]);
      expect(code).toBe(1);
      expect(err).toMatch(/^weave seed: error: invoicing\/seed\/demo\.yaml:\d+:7: Invoice INV-2026-0002: taxRate: not a decimal number\nweave seed: nothing was seeded\n$/);
      const json = await weave(copy.dir, ["seed", "invoicing", "--json", ...url()]);
      expect(JSON.parse(json.out)).toMatchObject({ seeded: false, error: { file: "invoicing/seed/demo.yaml", column: 7, entry: "Invoice INV-2026-0002", problems: [{ field: "taxRate", message: "not a decimal number" }] } });
    } finally {
      writeFileSync(file, original);
    }
  }, 60_000);
});

describe("weave seed arguments", () => {
  test("--help names the flags and the confirmation", async () => {
    const { code, out } = await weave(repoRoot, ["seed", "--help"]);
    expect(code).toBe(0);
    for (const text of ["--reset", "-y, --yes", "--force", "--json", "--url <url>", "env:NAME", "confirmation"]) expect(out).toContain(text);
  }, 60_000);

  test("--yes or --force without --reset is a usage error", async () => {
    expect(await weave(repoRoot, ["seed", "examples/invoicing", "--yes"])).toMatchObject({ code: 2, err: expect.stringContaining("--yes applies only with --reset") });
  }, 60_000);

  test("an app with errors exits 1 before touching a database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "weave-seed-"));
    try {
      writeFileSync(join(dir, "weave.yaml"), "weave: 0\napp: Bad Name\n");
      const { code, err } = await weave(dir, ["seed", "."]);
      expect(code).toBe(1);
      expect(err).toContain("error WV");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

forEachDatabase("weave dev seeds an empty database", (target) => {
  let copy: ReturnType<typeof invoicingCopy>;
  let dev: WeaveProcess;
  beforeAll(async () => {
    copy = invoicingCopy();
    const started = await startWeave(["dev", "invoicing", "--port", "0", "--host", "127.0.0.1", ...(target.url ? ["--url", target.url] : [])], { cwd: copy.dir });
    if ("code" in started) throw new Error(`weave dev exited with ${started.code}:\n${started.stderr}`);
    dev = started;
  }, 60_000);
  afterAll(async () => {
    await dev?.stop();
    copy.remove();
  });

  test("prints what it seeded", () => {
    expect(dev.stderr()).toMatch(/weave dev: seeded 20 entries from seed\/ in \d+ ms\n/);
  });

  test("billing@acme.test signs in with the demo password and lists the seeded invoices of acme", async () => {
    const login = await fetch(`${dev.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "billing@acme.test", password: "demo-billing-1" }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const me = (await (await fetch(`${dev.url}/api/auth/me`, { headers: { cookie } })).json()) as { memberships: { tenant: { id: string; key: string }; roles: string[] }[] };
    expect(me.memberships.map((m) => [m.tenant.key, m.roles])).toEqual([["acme", ["billing"]]]);
    const invoices = await fetch(`${dev.url}/api/invoices?sort=number`, { headers: { cookie, "x-weave-tenant": me.memberships[0]!.tenant.id } });
    expect(invoices.status).toBe(200);
    const body = (await invoices.json()) as { data: { number: string; status: string; total: string }[] };
    expect(body.data.map((i) => [i.number, i.status, i.total])).toEqual([
      ["INV-2026-0001", "paid", "1462.51"],
      ["INV-2026-0002", "sent", "730.00"],
      ["INV-2026-0003", "draft", "1856.40"],
    ]);
  }, 60_000);

  test("a wrong password is refused", async () => {
    const login = await fetch(`${dev.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "billing@acme.test", password: "nope-nope-nope" }) });
    expect(login.status).toBe(401);
  }, 60_000);
});
