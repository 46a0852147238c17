/**
 * Shared set-up of the read-side suites: the invoicing example (its committed migrations) or an
 * inline spec applied to a test database, seed rows written as the app role (so row-level security
 * and the tenant default apply), and request contexts built by hand.
 */
import { expect } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Kysely, KyselyPlugin } from "kysely";
import { compileApp } from "../../../compiler/index.ts";
import type { ListQueryModel } from "../../../compiler/generators/openapi/index.ts";
import { planMigration, renderMigrationFile } from "../../../compiler/generators/sql/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { applyMigrations } from "../../../runtime/db/migrations/apply.ts";
import { writeMigration } from "../../../runtime/db/migrations/migration-folder.ts";
import type { Identity, RequestContext, ServerOptions } from "../../../runtime/server/context.ts";
import { WeaveError } from "../../../runtime/server/errors.ts";
import type { TestDatabase } from "../../helpers/db.ts";
import { loadSpec, type SpecFiles } from "../../helpers/spec-app.ts";

export const TENANT_A = "00000000-0000-4000-8000-00000000000a";
export const TENANT_B = "00000000-0000-4000-8000-00000000000b";
export const TENANT_C = "00000000-0000-4000-8000-00000000000c";
export const USER_1 = "00000000-0000-4000-8000-000000000001";
export const USER_2 = "00000000-0000-4000-8000-000000000002";

export const invoicingDir = resolve(import.meta.dir, "../../../examples/invoicing");

let invoicing: Promise<IR> | undefined;

/** The invoicing example's IR, compiled once per process. */
export function invoicingIr(): Promise<IR> {
  invoicing ??= compileApp(invoicingDir).then((result) => {
    if (!result.ir) throw new Error("the invoicing example does not compile");
    return result.ir;
  });
  return invoicing;
}

/** Applies the invoicing example's committed migrations. */
export async function applyInvoicing(target: TestDatabase): Promise<IR> {
  const result = await applyMigrations(target.database, { dir: join(invoicingDir, "migrations") });
  expect(result.problems).toEqual([]);
  return invoicingIr();
}

/** Compiles an inline spec and applies it from empty (plan, write into a temp folder, apply). */
export async function applySpec(target: TestDatabase, files: SpecFiles): Promise<IR> {
  const { ir } = await loadSpec(files);
  const plan = planMigration(undefined, ir);
  expect(plan.problems).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), "weave-query-"));
  try {
    writeMigration(dir, "0001_initial", renderMigrationFile("0001", "initial", undefined, ir.hash, plan.steps), ir);
    const result = await applyMigrations(target.database, { dir });
    expect(result.problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ir;
}

/** A tenant member with these tenant roles, unless `identity` says otherwise. */
export function contextFor(target: TestDatabase, ir: IR, identity: Partial<Identity> = {}, options: Partial<ServerOptions> & { kysely?: Kysely<any> } = {}): RequestContext {
  const { kysely, ...serverOptions } = options;
  const database = kysely ? { ...target.database, kysely } : target.database;
  return {
    requestId: "test",
    identity: { userId: null, roles: [], tenantId: TENANT_A, tenantRoles: ["viewer"], ...identity },
    ir,
    database,
    options: { database, ...serverOptions },
    events: { publish: () => {}, subscribe: () => () => {} },
  };
}

/** Counts the statements a Kysely instance runs (each result passes every plugin once). */
export function statementCounter(db: Kysely<any>): { readonly kysely: Kysely<any>; readonly count: number; reset(): void } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      count++;
      return args.result;
    },
  };
  const kysely = db.withPlugin(plugin);
  return {
    kysely,
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
  };
}

/** Expects a WeaveError with this status whose errors (or detail) carry `path`. */
export async function expectProblem(promise: Promise<unknown>, status: number, path?: string, message?: RegExp): Promise<WeaveError> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  if (!(error instanceof WeaveError)) throw new Error(`expected a WeaveError ${status}, got ${error === undefined ? "success" : String(error)}`);
  expect({ status: error.status, detail: error.detail }).toEqual({ status, detail: expect.any(String) });
  if (path !== undefined) expect(error.errors?.map((e) => e.path)).toContain(path);
  if (message) expect(`${error.detail} ${(error.errors ?? []).map((e) => e.message).join(" ")}`).toMatch(message);
  return error;
}

/** The query string of a test case. */
export const params = (text: string) => new URLSearchParams(text);

/** A value of each filter type that parses (for contract tests over the whole list query model). */
const SAMPLE: Record<string, string> = {
  string: "x",
  integer: "1",
  decimal: "1.5",
  date: "2026-01-01",
  datetime: "2026-01-01T10:00:00.123456Z",
  boolean: "true",
  uuid: USER_1,
  serial: "1",
  presence: "true",
};

/**
 * Every filter path with every operator, and every sort path both ways, that the list query model
 * (and so the OpenAPI document) offers for `entity`: each one a query string the server must run.
 */
export function modelQueries(model: ListQueryModel): string[] {
  const queries: string[] = [];
  for (const filter of model.filters) {
    for (const op of filter.ops) {
      const value = op === "isNull" ? "false" : filter.type === "enum" ? filter.values![0]! : SAMPLE[filter.type]!;
      queries.push(`filter[${filter.path}][${op}]=${encodeURIComponent(value)}`);
    }
  }
  for (const sort of model.sorts) queries.push(`sort=${sort}`, `sort=-${sort}`);
  queries.push(`include=${model.includes.join(",")}`, `fields=${model.fields.join(",")}`);
  if (model.search) queries.push("q=x");
  return queries;
}
