/**
 * The SQL lowering against the evaluator for what policies add: `can(...)` (role tests), `check(...)`
 * (an inlined policy) and a policy that delegates to itself along a folder tree (a recursive CTE in
 * SQL, a bounded recursion in the evaluator). For every expression, every record and several callers,
 * SQL and the evaluator agree; a chain longer than CHECK_DEPTH_LIMIT, and a loop in the data, are
 * denied by both.
 *
 * Runs on PGlite always, and on Postgres when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { compileApp } from "../../../../../compiler/index.ts";
import { CHECK_DEPTH_LIMIT, checkExpression, evaluate, parseExpression, type ExprScope } from "../../../../../compiler/expr/index.ts";
import type { Expr, IR } from "../../../../../compiler/ir/index.ts";
import { lowerCondition, lowerExpression, type SqlContext } from "../../../../../compiler/generators/sql/expr/index.ts";
import { openPglite, openPostgres, type TestDb } from "./databases.ts";
import { createTables, loadRecords } from "./dataset.ts";
import { scopeFor } from "./fixture.ts";

const FILES: Record<string, string> = {
  "weave.yaml": "weave: 0\napp: sqlpolicies\n",
  "policies/main.policy.yaml": `
roles:
  admin: {}
  editor: {}
  viewer: {}
permissions:
  papers.edit: { roles: [admin, editor] }
  papers.none: { roles: [] }
`,
  "domain/folder.entity.yaml": `
entity: Folder
fields:
  name: { type: string }
  owner: { type: uuid }
  shared: { type: boolean }
  parent: { type: ref, to: Folder }
  children: { type: many, to: Folder, inverse: parent }
policies:
  read: "record.owner == user.id || (!has(record.shared) || record.shared) && check(parent, 'read')"
  write: "'admin' in user.roles || check(parent, 'update')"
`,
  "domain/paper.entity.yaml": `
entity: Paper
fields:
  title: { type: string }
  folder: { type: ref, to: Folder }
policies:
  read: "can('papers.edit') || check(folder, 'read')"
  write: "can('papers.edit') && check(folder, 'read')"
`,
};

/** Expressions about a Paper: can and check, alone and combined, and the recursion they bring in. */
const EXPRESSIONS = [
  "can('papers.edit')", "can('papers.none')", "!can('papers.edit')", "can('papers.edit') || title == 'x'",
  "check(folder, 'read')", "check(folder, 'update')", "check(folder.parent, 'read')", "!check(folder, 'read')",
  "check(record, 'read')", "check(record, 'update')", "check(folder, 'read') && can('papers.edit')",
  "check(folder, 'read') == check(folder.parent, 'read')", "folder.children.exists(c, check(c, 'read'))",
  "folder.children.all(c, check(c, 'read'))", "size(folder.children.filter(c, check(c, 'read')))",
  "check(folder, 'read') ? title : null",
];

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [ANN, BOB] = [uuid(901), uuid(902)];
const DEEP = CHECK_DEPTH_LIMIT + 8;

/** A chain deeper than the limit under a folder Ann owns, a loop, a loop through one of Ann's, unshared folders. */
function folderRows(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < DEEP; i++) rows.push({ id: uuid(100 + i), name: `deep ${i}`, owner: i === 0 ? ANN : null, shared: i === 5 ? null : true, parent_id: i === 0 ? null : uuid(99 + i) });
  rows.push({ id: uuid(201), name: "loop a", owner: BOB, shared: true, parent_id: uuid(202) });
  rows.push({ id: uuid(202), name: "loop b", owner: null, shared: true, parent_id: uuid(201) });
  rows.push({ id: uuid(203), name: "loop mine", owner: ANN, shared: true, parent_id: uuid(204) });
  rows.push({ id: uuid(204), name: "loop c", owner: null, shared: true, parent_id: uuid(203) });
  rows.push({ id: uuid(205), name: "closed", owner: null, shared: false, parent_id: uuid(100) });
  rows.push({ id: uuid(206), name: "under closed", owner: BOB, shared: true, parent_id: uuid(205) });
  rows.push({ id: uuid(207), name: "below under closed", owner: null, shared: true, parent_id: uuid(206) });
  return rows;
}

function paperRows(): Record<string, unknown>[] {
  const folders = [uuid(100), uuid(100 + CHECK_DEPTH_LIMIT), uuid(100 + CHECK_DEPTH_LIMIT + 1), uuid(100 + DEEP - 1), uuid(202), uuid(204), uuid(205), uuid(207), null];
  return folders.map((folder, i) => ({ id: uuid(300 + i), title: i === 0 ? "x" : `doc ${i}`, folder_id: folder }));
}

const CALLERS = [
  ["ann, viewer", { user: { id: ANN, roles: ["viewer"] }, tenant: { id: null, member: false, roles: [] } }],
  ["bob, editor", { user: { id: BOB, roles: ["editor"] }, tenant: { id: null, member: false, roles: [] } }],
  ["admin", { user: { id: null, roles: ["admin"] }, tenant: { id: null, member: false, roles: [] } }],
  ["nobody", { user: { id: null, roles: [] }, tenant: { id: null, member: false, roles: [] } }],
] as const;

let compiled: IR | undefined;
async function policyIr(): Promise<IR> {
  if (compiled) return compiled;
  const dir = mkdtempSync(join(tmpdir(), "weave-sql-policies-"));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await compileApp(dir);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return (compiled = result.ir!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The checker's scope with the model's policies and permission catalog, as the compiler gives it. */
function policyScope(ir: IR, entity: string): ExprScope {
  const permissions = new Map(ir.permissions.map((p) => [p.name, p.roles] as const));
  const policy = (name: string, op: string) => {
    const source = ir.entities.find((e) => e.name === name)?.policies[op as "read"]?.source;
    return source === undefined ? undefined : parseExpression(source).ast;
  };
  return { ...scopeFor(ir, entity), permissions, policy };
}

const policyOf = (ir: IR) => (entity: string, op: string) => ir.entities.find((e) => e.name === entity)?.policies[op as "read"]?.ast as Expr | undefined;

const databases: [string, () => Promise<TestDb>][] = [["pglite", openPglite]];
if (process.env.DATABASE_URL) databases.push(["postgres", () => openPostgres(process.env.DATABASE_URL!)]);
else test.skip("postgres: DATABASE_URL is not set", () => {});

for (const [name, open] of databases) {
  describe(`can, check and recursive policies: SQL agrees with the evaluator on ${name}`, () => {
    let db: TestDb;
    let ir: IR;
    let records: Map<string, Record<string, unknown>[]>;

    beforeAll(async () => {
      ir = await policyIr();
      db = await open();
      for (const statement of createTables(ir)) await db.query(statement);
      const insert = async (table: string, rows: Record<string, unknown>[]) => {
        for (const row of rows) {
          const columns = Object.keys(row);
          await db.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, columns.map((c) => row[c]));
        }
      };
      await insert("folders", folderRows());
      await insert("papers", paperRows());
      records = await loadRecords(db, ir, (entity) => scopeFor(ir, entity));
    }, 30_000);

    afterAll(async () => {
      await db?.close();
    });

    /** The ids of `entity`'s records the evaluator finds `ast` true for. */
    const evaluated = (entity: string, ast: Expr, variables: Record<string, unknown>) =>
      records.get(entity)!.map((record) => evaluate(ast, { variables: { ...variables, record }, types: scopeFor(ir, entity), policy: policyOf(ir) }));

    const compare = async (entity: string, ast: Expr, variables: (typeof CALLERS)[number][1]) => {
      const table = ir.entities.find((e) => e.name === entity)!.table;
      const want = evaluated(entity, ast, variables);
      const settings = [variables.user.id ?? "", variables.user.roles.join(",")];
      await db.query("select set_config('app.user_id', $1, false), set_config('app.user_roles', $2, false), set_config('app.tenant_id', '', false), set_config('app.tenant_roles', '', false)", settings);
      const contexts: [string, SqlContext][] = [
        ["inline, settings", { ir, entity, row: "t0", mode: "inline" }],
        ["parameters, given", { ir, entity, row: "t0", mode: "parameters", variables }],
      ];
      for (const [mode, ctx] of contexts) {
        const value = lowerExpression(ast, ctx);
        const rows = await db.query(`select ${value.sql} as "v" from "${table}" "t0" order by "t0"."id"`, value.parameters);
        // Postgres gives count(*) as a bigint (text through postgres.js); the evaluator a number.
        const got = rows.map((r) => (typeof r.v === "bigint" || (typeof r.v === "string" && /^\d+$/.test(r.v)) ? Number(r.v) : r.v));
        expect({ mode, got }).toEqual({ mode, got: want.map((w) => (typeof w === "boolean" || typeof w === "string" || w === null ? w : Number(w))) });
        if (!want.every((w) => typeof w === "boolean")) continue;
        const condition = lowerCondition(ast, ctx);
        const ids = await db.query(`select "t0"."id" from "${table}" "t0" where ${condition.sql} order by "t0"."id"`, condition.parameters);
        expect({ mode, ids: ids.map((r) => r.id) }).toEqual({ mode, ids: records.get(entity)!.filter((_, i) => want[i] === true).map((r) => r.id) });
      }
      return want;
    };

    for (const [caller, variables] of CALLERS) {
      test.each(EXPRESSIONS)(`${caller}: %s`, async (source) => {
        const parsed = parseExpression(source);
        const result = checkExpression(parsed.ast!, policyScope(ir, "Paper"));
        expect(result.diagnostics).toEqual([]);
        await compare("Paper", result.ast, variables);
      });

      test(`${caller}: every entity policy, on every record`, async () => {
        for (const entity of ["Folder", "Paper"])
          for (const op of ["read", "update", "delete"] as const) await compare(entity, ir.entities.find((e) => e.name === entity)!.policies[op]!.ast as Expr, variables);
      });
    }

    test("the chain is followed CHECK_DEPTH_LIMIT records deep, and loops in the data end", async () => {
      const read = ir.entities.find((e) => e.name === "Folder")!.policies.read!.ast as Expr;
      const want = await compare("Folder", read, CALLERS[0][1]);
      const byName = Object.fromEntries(records.get("Folder")!.map((f, i) => [f.name as string, want[i]]));
      expect(byName["deep 0"]).toBe(true);
      expect(byName[`deep ${CHECK_DEPTH_LIMIT}`]).toBe(true);
      expect(byName[`deep ${CHECK_DEPTH_LIMIT + 1}`]).toBe(false);
      expect([byName["loop a"], byName["loop b"], byName["loop mine"], byName["loop c"]]).toEqual([false, false, true, true]);
      expect([byName.closed, byName["under closed"], byName["below under closed"]]).toEqual([false, false, false]);
    });
  });
}
