/**
 * bench/policy: a list under a row read policy against the same hand-written WHERE, on Postgres,
 * 100k rows.
 *
 * A small app (written to a temp folder and compiled) has one tenant-scoped entity, Note, whose
 * read policy is not trivial: `record.owner == user.id || 'admin' in tenant.roles`. It is migrated
 * into a fresh database (created beside DATABASE_URL's, dropped at the end) and seeded with 100k
 * notes in one tenant (20 owners) and 10k in another. Per scenario, weave answers one sample
 * request while its Kysely logs the statements; then, in interleaved rounds (weave, hand-written,
 * hand-written, weave, ...) after a warm-up round each, three things are timed:
 *
 *   - sql:  weave's list statement (the policy, the tenant filter, `_can`, as generated), run
 *           prepared through postgres.js: the figure held against the 1.1x goal;
 *   - hand: the hand-written statement one would write knowing the caller, the policy already
 *           decided: `select <columns> from notes where tenant_id = $1 and owner = $2 and ...
 *           order by ... limit 51` for a member, without the owner test for an admin; prepared
 *           through postgres.js (the strictest baseline: no policy left to evaluate);
 *   - api:  the whole request, `createServer(...).app.handle` (identity, parsing, the request
 *           transaction, JSON), for information.
 *
 * It prints the medians (ms per list) and the ratios sql/hand and api/hand. It prints figures; it
 * asserts nothing.
 *
 *   DATABASE_URL=postgres://localhost/postgres bun bench/policy.ts [--rounds 6] [--iterations 200] [--sql]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Kysely } from "kysely";
import postgres from "postgres";
import { planMigration, renderMigrationFile } from "../compiler/generators/sql/index.ts";
import { compileApp } from "../compiler/index.ts";
import type { IR } from "../compiler/ir/index.ts";
import { createDatabase, type Database } from "../runtime/db/create-database.ts";
import { applyMigrations } from "../runtime/db/migrations/apply.ts";
import { writeMigration } from "../runtime/db/migrations/migration-folder.ts";
import { PostgresDialect } from "../runtime/db/postgres/postgres-dialect.ts";
import { postgresJsTypes } from "../runtime/db/value-types.ts";
import { createServer, type WeaveServer } from "../runtime/index.ts";
import { createBenchDatabase, median, requirePostgres } from "./shared.ts";

const GOAL = 1.1;
const ROWS = 100_000;
const OWNERS = 20;
const TENANT = "00000000-0000-4000-8000-00000000000a";
const OTHER_TENANT = "00000000-0000-4000-8000-00000000000b";
/** Owner number 3: 5k of the tenant's rows are theirs. */
const USER = owner(3);

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "6" },
    iterations: { type: "string", default: "200" },
    sql: { type: "boolean", default: false },
  },
});

const APP: Record<string, string> = {
  "weave.yaml": "weave: 0\napp: policybench\ntenancy: { enabled: true }\n",
  "policies/roles.policy.yaml": "roles:\n  admin: { label: Administrator }\n  member: { label: Member }\n",
  "domain/note.entity.yaml": `entity: Note
label: Note
plural: Notes
tenant: true
fields:
  owner: { type: uuid, label: Owner, required: true }
  title: { type: string, label: Title, required: true, maxLength: 200 }
  rank: { type: int, label: Rank, required: true }
  body: { type: text, label: Body }
indexes:
  - { name: byOwnerRank, fields: [owner, rank] }
  - { name: byRank, fields: [rank] }
policies:
  read: "record.owner == user.id || 'admin' in tenant.roles"
  write: "record.owner == user.id"
views:
  list:
    sort: [rank]
    pageSize: 50
`,
};

/** A list request and the same WHERE by hand. */
interface Scenario {
  readonly name: string;
  readonly roles: string;
  readonly path: string;
  readonly hand: string;
  readonly handParameters: readonly unknown[];
}

const COLUMNS = `"id", "tenant_id", "owner", "title", "rank", "body", "created_at", "updated_at", "created_by", "updated_by", "version"`;
const SCENARIOS: Scenario[] = [
  {
    name: "owner, rank >= 500, sort rank, 50 rows",
    roles: "member",
    path: "/api/notes?filter[rank][gte]=500&sort=rank&page[size]=50",
    hand: `select ${COLUMNS} from "notes" where "tenant_id" = $1 and "owner" = $2 and "rank" >= $3 order by "rank", "id" limit 51`,
    handParameters: [TENANT, USER, 500],
  },
  {
    name: "owner, default sort, 50 rows",
    roles: "member",
    path: "/api/notes?page[size]=50",
    hand: `select ${COLUMNS} from "notes" where "tenant_id" = $1 and "owner" = $2 order by "rank", "id" limit 51`,
    handParameters: [TENANT, USER],
  },
  {
    name: "admin, title startsWith, sort -rank, 50 rows",
    roles: "admin",
    path: "/api/notes?filter[title][startsWith]=note 9&sort=-rank&page[size]=50",
    hand: `select ${COLUMNS} from "notes" where "tenant_id" = $1 and lower("title") like $2 order by "rank" desc, "id" limit 51`,
    handParameters: [TENANT, "note 9%"],
  },
];

function owner(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
}

/** Compiles the app above in a temp folder, with its initial migration beside it. */
async function compileBenchApp(): Promise<{ ir: IR; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "weave-bench-policy-"));
  for (const [path, text] of Object.entries(APP)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const { ir, diagnostics } = await compileApp(dir);
  if (!ir) throw new Error(`the bench app does not compile: ${JSON.stringify(diagnostics, null, 2)}`);
  const plan = planMigration(undefined, ir);
  if (plan.problems.length) throw new Error(`the bench app's migration: ${JSON.stringify(plan.problems)}`);
  writeMigration(join(dir, "migrations"), "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
  return { ir, dir };
}

async function seed(sql: postgres.Sql): Promise<void> {
  const rows = (tenant: string, count: number) => sql.unsafe(
    `insert into "notes" ("tenant_id", "owner", "title", "rank", "body")
     select $1::uuid, ('00000000-0000-4000-8000-' || lpad((i % ${OWNERS})::text, 12, '0'))::uuid, 'note ' || i, (i * 7919) % 1000, case when i % 3 = 0 then null else repeat('x', 40) end
     from generate_series(1, ${count}) as i`,
    [tenant],
  );
  await rows(TENANT, ROWS);
  await rows(OTHER_TENANT, ROWS / 10);
  await sql.unsafe(`analyze "notes"`);
}

interface Statement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** weave's statements for one request, logged by a Kysely of its own; the list's is the one on "notes". */
async function capture(ir: IR, url: string, scenario: Scenario): Promise<Statement> {
  const statements: Statement[] = [];
  const pool = postgres(url, { max: 1, types: postgresJsTypes, onnotice: () => {} });
  const kysely = new Kysely<any>({
    dialect: new PostgresDialect({ pool, closeTimeoutSeconds: 1 }),
    log: (event) => {
      if (event.level === "query") statements.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  const database: Database = { kysely, kind: "postgres", location: "capture", close: () => kysely.destroy() };
  try {
    const response = await call(createServer(ir, { database, devIdentity: true, log: false }), scenario);
    if (response.status !== 200) throw new Error(`capturing ${scenario.path}: ${response.status} ${await response.text()}`);
  } finally {
    await kysely.destroy();
  }
  const list = statements.filter((s) => /^\s*select\b/i.test(s.sql) && s.sql.includes(`"notes"`));
  if (list.length !== 1) throw new Error(`expected one list statement for ${scenario.path}, got ${list.length}: ${statements.map((s) => s.sql).join("\n")}`);
  return list[0]!;
}

function call(server: WeaveServer, scenario: Scenario): Promise<Response> {
  const headers = { "x-weave-tenant": TENANT, "x-weave-user": USER, "x-weave-tenant-roles": scenario.roles };
  return server.app.handle(new Request(`http://localhost${scenario.path}`, { headers }));
}

/** Milliseconds per call of `fn`, over `iterations` sequential calls. */
async function time(iterations: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return (performance.now() - start) / iterations;
}


async function main(): Promise<void> {
  const adminUrl = requirePostgres("bench/policy");
  const rounds = Number(args.rounds);
  const iterations = Number(args.iterations);
  const { ir, dir } = await compileBenchApp();
  const target = await createBenchDatabase(adminUrl, "bench_policy");
  const database = createDatabase({ url: target.url, pool: { max: 2 } });
  const sql = postgres(target.url, { max: 1, types: postgresJsTypes, onnotice: () => {} });
  try {
    const applied = await applyMigrations(database, { dir: join(dir, "migrations") });
    if (applied.problems.length) throw new Error(`migrating: ${JSON.stringify(applied.problems)}`);
    await seed(sql);
    const server = createServer(ir, { database, devIdentity: true, log: false });
    console.log(`bench/policy: ${ROWS} notes in the tenant (${ROWS / OWNERS} the caller's), ${ROWS / 10} in another; read: record.owner == user.id || 'admin' in tenant.roles`);
    console.log(`${rounds} rounds x ${iterations} sequential lists per side, after a warm-up round; medians in ms per list; goal sql/hand <= ${GOAL}\n`);
    let worst = 0;
    for (const scenario of SCENARIOS) {
      const statement = await capture(ir, target.url, scenario);
      if (args.sql) console.log(`weave:\n  ${statement.sql}\n  ${JSON.stringify(statement.parameters)}\nhand:\n  ${scenario.hand}\n  ${JSON.stringify(scenario.handParameters)}\n`);
      const sides = {
        sql: () => sql.unsafe(statement.sql, statement.parameters as never[], { prepare: true }),
        hand: () => sql.unsafe(scenario.hand, scenario.handParameters as never[], { prepare: true }),
        api: async () => {
          const response = await call(server, scenario);
          if (response.status !== 200) throw new Error(`${scenario.path}: ${response.status}`);
          await response.arrayBuffer();
        },
      };
      const [weaveRows, handRows] = await Promise.all([sides.sql(), sides.hand()]);
      if (weaveRows.length !== handRows.length || weaveRows.some((r, i) => r.id !== handRows[i]!.id)) {
        throw new Error(`${scenario.name}: weave's statement and the hand-written one return different rows`);
      }
      const samples = { sql: [] as number[], hand: [] as number[], api: [] as number[] };
      for (const side of ["sql", "hand", "api"] as const) await time(Math.ceil(iterations / 4), sides[side]);
      for (let r = 0; r < rounds; r++) {
        // Alternate the order, so neither side always runs first.
        const order = r % 2 ? (["hand", "sql", "api"] as const) : (["sql", "hand", "api"] as const);
        for (const side of order) samples[side].push(await time(iterations, sides[side]));
      }
      const m = { sql: median(samples.sql), hand: median(samples.hand), api: median(samples.api) };
      const ratio = m.sql / m.hand;
      worst = Math.max(worst, ratio);
      console.log(`${scenario.name} (${handRows.length} rows)`);
      console.log(`  hand ${m.hand.toFixed(3)} ms   weave sql ${m.sql.toFixed(3)} ms   weave api ${m.api.toFixed(3)} ms`);
      console.log(`  sql/hand ${ratio.toFixed(2)}x ${ratio <= GOAL ? "meets" : "misses"} the ${GOAL}x goal; api/hand ${(m.api / m.hand).toFixed(2)}x (the whole request, for information)\n`);
    }
    console.log(`worst sql/hand: ${worst.toFixed(2)}x (goal ${GOAL}x): ${worst <= GOAL ? "met" : "missed"}`);
  } finally {
    await sql.end();
    await database.close();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
