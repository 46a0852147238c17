/**
 * bench/api: the generated API against a minimal hand-written handler, on Postgres.
 *
 * The invoicing example is migrated into a fresh database (created beside DATABASE_URL's, dropped
 * at the end) and seeded with 1000 invoices. Three scenarios:
 *   - GET /api/invoices/:id   a record by id
 *   - GET /api/invoices       a 20-row list sorted by -number
 *   - POST /api/invoices      a create
 * run against weave (`createServer`, request logs serialised but dropped, metrics on) and against
 * a hand-written Elysia + postgres.js handler that runs the same SQL: the statements weave sent
 * for one sample request of the scenario, captured once at start, run verbatim in one
 * transaction with the request's values (id, invoice number) put in. Both servers live in one
 * child process with equal pools (10 connections); this process sends the load over loopback.
 *
 * Rounds alternate (weave, hand-written, hand-written, weave, ...) after a warm-up round each, a
 * bounded number of requests per round at a fixed concurrency. It prints requests/s (the median
 * of the rounds) and the ratio weave/hand-written per scenario against the 0.85 goal. It prints
 * figures; it asserts nothing. `--sql` also prints the captured statements.
 *
 *   DATABASE_URL=postgres://localhost/postgres bun bench/api.ts [--rounds 4] [--requests 1000] [--concurrency 16] [--sql]
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Elysia } from "elysia";
import { Kysely } from "kysely";
import postgres from "postgres";
import { compileApp } from "../compiler/index.ts";
import type { IR } from "../compiler/ir/index.ts";
import { createDatabase, type Database } from "../runtime/db/create-database.ts";
import { applyMigrations } from "../runtime/db/migrations/apply.ts";
import { PostgresDialect } from "../runtime/db/postgres/postgres-dialect.ts";
import { postgresJsTypes } from "../runtime/db/value-types.ts";
import { createServer } from "../runtime/index.ts";
import { createBenchDatabase, median, requirePostgres } from "./shared.ts";

const GOAL = 0.85;
const POOL = 10;
const SEED_INVOICES = 1000;
const TENANT = "00000000-0000-4000-8000-00000000000a";
const USER = "00000000-0000-4000-8000-000000000001";
const HEADERS = { "x-weave-tenant": TENANT, "x-weave-user": USER, "x-weave-tenant-roles": "billing" };
const example = resolve(import.meta.dir, "../examples/invoicing");

const { values: args } = parseArgs({
  options: {
    serve: { type: "string" },
    rounds: { type: "string", default: "4" },
    requests: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "16" },
    sql: { type: "boolean", default: false },
  },
});

/** One captured statement of weave's, as the hand-written side runs it. */
interface Statement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

type ScenarioName = "get" | "list" | "create";

interface Scenario {
  readonly name: ScenarioName;
  readonly label: string;
  /** The request for the i-th call (the same on both sides). */
  request(i: number): { method: string; path: string; body?: unknown; status: number };
}

// ---------------------------------------------------------------------------------------------
// The server process: both servers, one database, statements captured from weave.

interface Sample {
  /** The record id the sample request read or created. */
  readonly id: string;
  /** The invoice number the sample create used. */
  readonly number?: string;
  readonly statements: readonly Statement[];
}

async function serveBoth(url: string): Promise<void> {
  const { ir } = await compileApp(example);
  if (!ir) throw new Error("the invoicing example does not compile");
  const setup = createDatabase({ url });
  const applied = await applyMigrations(setup, { dir: join(example, "migrations") });
  if (applied.problems.length > 0) throw new Error(applied.problems.map((p) => p.message).join("\n"));
  const seeded = await seed(ir, setup);
  const samples = await capture(ir, url, seeded);
  await setup.close();

  const database = createDatabase({ url, pool: { max: POOL } });
  const weave = createServer(ir, { database, devIdentity: true, log: (entry) => void JSON.stringify(entry) });
  const weaveServer = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: weave.app.fetch, reusePort: false });

  const sql = postgres(url, { max: POOL, types: postgresJsTypes, onnotice: () => {} });
  const hand = handWritten(sql, samples);
  const handServer = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: hand.fetch, reusePort: false });

  const ready = { weave: weaveServer.port, hand: handServer.port, ids: seeded.invoiceIds, customer: seeded.customerId, samples };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  // Runs until the load process closes stdin.
  for await (const _ of Bun.stdin.stream()) {
    // nothing to read
  }
  weaveServer.stop(true);
  handServer.stop(true);
  await weave.close();
  await sql.end({ timeout: 1 });
}

/** 20 customers and 1000 invoices, created through weave in process. */
async function seed(ir: IR, database: Database): Promise<{ customerId: string; invoiceIds: string[] }> {
  const weave = createServer(ir, { database, devIdentity: true, log: false });
  const post = async (path: string, body: unknown) => {
    const response = await weave.app.handle(new Request(`http://localhost${path}`, { method: "POST", headers: { ...HEADERS, "content-type": "application/json" }, body: JSON.stringify(body) }));
    if (response.status !== 201) throw new Error(`seeding ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const customers: string[] = [];
  for (let i = 1; i <= 20; i++) customers.push((await post("/api/customers", { code: `customer-${i}`, name: `Customer ${i}`, email: `billing@customer-${i}.test` })).id);
  const invoiceIds: string[] = [];
  for (let i = 1; i <= SEED_INVOICES; i++) {
    const due = `2026-${String((i % 12) + 1).padStart(2, "0")}-28`;
    invoiceIds.push((await post("/api/invoices", { number: invoiceNumber(i), customer: customers[i % customers.length], issued: "2026-01-01", due, notes: `seeded invoice ${i}` })).id);
  }
  return { customerId: customers[0]!, invoiceIds };
}

/** Runs one sample request per scenario through a weave whose Kysely logs every statement. */
async function capture(ir: IR, url: string, seeded: { customerId: string; invoiceIds: string[] }): Promise<Record<ScenarioName, Sample>> {
  const statements: Statement[] = [];
  const pool = postgres(url, { max: 2, types: postgresJsTypes, onnotice: () => {} });
  const kysely = new Kysely<any>({
    dialect: new PostgresDialect({ pool, closeTimeoutSeconds: 1 }),
    log: (event) => {
      if (event.level === "query") statements.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  const database: Database = { kysely, kind: "postgres", location: "capture", close: () => kysely.destroy() };
  const weave = createServer(ir, { database, devIdentity: true, log: false });
  const run = async (method: string, path: string, body?: unknown) => {
    statements.length = 0;
    const init: RequestInit = { method, headers: { ...HEADERS, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) };
    const response = await weave.app.handle(new Request(`http://localhost${path}`, init));
    if (response.status >= 300) throw new Error(`capturing ${method} ${path}: ${response.status} ${await response.text()}`);
    return { body: (await response.json()) as { id: string }, statements: [...statements] };
  };
  const id = seeded.invoiceIds[0]!;
  const get = await run("GET", `/api/invoices/${id}`);
  const list = await run("GET", "/api/invoices?sort=-number&page[size]=20");
  const number = invoiceNumber(SEED_INVOICES + 1);
  const created = await run("POST", "/api/invoices", { number, customer: seeded.customerId, issued: "2026-01-01", due: "2026-12-31" });
  await kysely.destroy();
  return {
    get: { id, statements: get.statements },
    list: { id, statements: list.statements },
    create: { id: created.body.id, number, statements: created.statements },
  };
}

/**
 * The hand-written side: per route, begin, the captured statements with this request's values,
 * commit, and the last statement's rows as JSON.
 */
function handWritten(sql: postgres.Sql, samples: Record<ScenarioName, Sample>) {
  const replay = async (sample: Sample, swap: Map<string, string>) =>
    sql.begin(async (tx) => {
      let rows: readonly Record<string, unknown>[] = [];
      for (const statement of sample.statements) {
        // Prepared, as postgres.js tagged templates (and weave) run them.
        rows = await tx.unsafe(statement.sql, statement.parameters.map((p) => substitute(p, swap)) as never[], { prepare: true });
        // An insert's new id replaces the sample's in every later statement.
        if (/^\s*insert\b/i.test(statement.sql) && /\breturning\b/i.test(statement.sql) && typeof rows[0]?.id === "string" && !swap.has(sample.id)) swap.set(sample.id, rows[0].id as string);
      }
      return rows;
    });
  return new Elysia()
    .get("/api/invoices/:id", async ({ params }) => (await replay(samples.get, new Map([[samples.get.id, params.id]])))[0])
    .get("/api/invoices", async () => ({ data: (await replay(samples.list, new Map())).slice(0, 20), page: { size: 20 } }))
    .post("/api/invoices", async ({ body, set }) => {
      const rows = await replay(samples.create, new Map([[samples.create.number!, (body as { number: string }).number]]));
      set.status = 201;
      return rows[0];
    });
}

function substitute(value: unknown, swap: Map<string, string>): unknown {
  if (typeof value !== "string" || swap.size === 0) return value;
  let text = value;
  for (const [from, to] of swap) text = text.replaceAll(from, to);
  return text;
}

function invoiceNumber(i: number): string {
  return `INV-2026-${String(i).padStart(6, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// The load process.

interface Ready {
  readonly weave: number;
  readonly hand: number;
  readonly ids: readonly string[];
  readonly customer: string;
  readonly samples: Record<ScenarioName, Sample>;
}

function scenarios(ready: Ready): Scenario[] {
  let next = SEED_INVOICES + 2;
  return [
    { name: "get", label: "GET /api/invoices/:id", request: (i) => ({ method: "GET", path: `/api/invoices/${ready.ids[(i * 7919) % ready.ids.length]}`, status: 200 }) },
    { name: "list", label: "GET /api/invoices (20, sorted)", request: () => ({ method: "GET", path: "/api/invoices?sort=-number&page[size]=20", status: 200 }) },
    {
      name: "create",
      label: "POST /api/invoices",
      request: () => ({ method: "POST", path: "/api/invoices", body: { number: invoiceNumber(next++), customer: ready.customer, issued: "2026-01-01", due: "2026-12-31" }, status: 201 }),
    },
  ];
}

/** Sends `total` requests with `concurrency` in flight; returns requests per second. */
async function round(base: string, scenario: Scenario, total: number, concurrency: number): Promise<number> {
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      const { method, path, body, status } = scenario.request(issued++);
      const init: RequestInit = { method, headers: { ...HEADERS, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) };
      const response = await fetch(`${base}${path}`, init);
      const text = await response.text();
      if (response.status !== status) throw new Error(`${method} ${base}${path}: ${response.status} ${text.slice(0, 300)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
}


async function load(): Promise<void> {
  const adminUrl = requirePostgres("bench/api");
  const rounds = Number(args.rounds);
  const requests = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const bench = await createBenchDatabase(adminUrl, "bench_api");
  const child = Bun.spawn([process.execPath, import.meta.path, "--serve", bench.url], { stdin: "pipe", stdout: "pipe", stderr: "inherit" });
  try {
    const reader = child.stdout.getReader();
    let text = "";
    while (!text.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the server process ended before it was ready");
      text += new TextDecoder().decode(value);
    }
    const ready = JSON.parse(text.slice(0, text.indexOf("\n"))) as Ready;
    const bases = { weave: `http://127.0.0.1:${ready.weave}`, hand: `http://127.0.0.1:${ready.hand}` };
    console.log(`bench/api: invoicing on Postgres, ${SEED_INVOICES} invoices; ${rounds} rounds of ${requests} requests per side and scenario, ${concurrency} in flight, after a warm-up round`);
    if (args.sql) printStatements(ready.samples);
    console.log(`${"scenario".padEnd(32)} ${"weave".padStart(10)} ${"hand-written".padStart(13)}   ratio   goal ${GOAL}`);
    for (const scenario of scenarios(ready)) {
      await round(bases.weave, scenario, Math.min(requests, 300), concurrency);
      await round(bases.hand, scenario, Math.min(requests, 300), concurrency);
      const results = { weave: [] as number[], hand: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        // ABBA order, so a drift over time (a growing table, a warming cache) falls on both sides alike.
        const order: ("weave" | "hand")[] = r % 2 === 0 ? ["weave", "hand"] : ["hand", "weave"];
        for (const side of order) results[side].push(await round(bases[side], scenario, requests, concurrency));
      }
      const [weave, hand] = [median(results.weave), median(results.hand)];
      const ratio = weave / hand;
      console.log(`${scenario.label.padEnd(32)} ${`${weave.toFixed(0)}/s`.padStart(10)} ${`${hand.toFixed(0)}/s`.padStart(13)}   ${ratio.toFixed(2).padStart(5)}   ${ratio >= GOAL ? "met" : "NOT met"}`);
    }
  } finally {
    child.stdin.end();
    await child.exited;
    await bench.drop();
  }
}

function printStatements(samples: Record<ScenarioName, Sample>): void {
  for (const [name, sample] of Object.entries(samples)) {
    console.log(`-- ${name}: ${sample.statements.length} statements in one transaction`);
    for (const statement of sample.statements) console.log(`   ${statement.sql.replace(/\s+/g, " ")}`);
  }
}

if (args.serve) await serveBoth(args.serve);
else await load();
