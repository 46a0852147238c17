/**
 * The invoicing example as a write fixture: its IR (compiled once), its committed migrations
 * applied to a suite's database, request contexts built by hand for the identities its policies
 * allow (billing and admin are tenant roles there), and a few records to write against.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { compileApp } from "../../../compiler/index.ts";
import type { IR } from "../../../compiler/ir/index.ts";
import { applyMigrations } from "../../../runtime/db/index.ts";
import { createEventBus } from "../../../runtime/events/index.ts";
import type { EventBus, Identity, RequestContext, WeaveEvent } from "../../../runtime/server/context.ts";
import { createRecord } from "../../../runtime/write/index.ts";
import type { TestDatabase } from "../../helpers/db.ts";

export const example = resolve(import.meta.dir, "../../../examples/invoicing");

export const TENANT_A = "00000000-0000-4000-8000-00000000000a";
export const TENANT_B = "00000000-0000-4000-8000-00000000000b";
export const USER = "00000000-0000-4000-8000-000000000001";

export const billing: Identity = { userId: USER, roles: [], tenantId: TENANT_A, tenantRoles: ["billing"] };
export const admin: Identity = { ...billing, tenantRoles: ["admin"] };
export const viewer: Identity = { ...billing, tenantRoles: ["viewer"] };

let compiled: Promise<IR> | undefined;

/** The invoicing IR, compiled once per process. */
export function invoicingIr(): Promise<IR> {
  compiled ??= compileApp(example).then((r) => {
    if (!r.ir) throw new Error("the invoicing example does not compile");
    return r.ir;
  });
  return compiled;
}

/** The IR with changes made to a mutable copy (hooks, handlers). */
export function editedIr(ir: IR, edit: (copy: any) => void): IR {
  const copy = structuredClone(ir) as any;
  edit(copy);
  return copy as IR;
}

/** Applies the example's migrations to the suite's database. */
export async function migrate(target: TestDatabase): Promise<void> {
  const result = await applyMigrations(target.database, { dir: join(example, "migrations") });
  if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
}

/** A request context for `identity`, with its own event bus unless one is given. */
export function contextFor(target: TestDatabase, ir: IR, identity: Identity, options: { events?: EventBus; appDir?: string; requestId?: string } = {}): RequestContext {
  return {
    requestId: options.requestId ?? crypto.randomUUID(),
    identity,
    ir,
    database: target.database,
    options: { database: target.database, ...(options.appDir ? { appDir: options.appDir } : {}) },
    events: options.events ?? createEventBus(),
  };
}

/** A bus that records what was published. */
export function recordingBus(): EventBus & { readonly published: WeaveEvent[] } {
  const bus = createEventBus();
  const published: WeaveEvent[] = [];
  bus.subscribe((event) => void published.push(event));
  return Object.assign(bus, { published });
}

let counter = 0;

/** A unique suffix for keys (codes, numbers), so tests in one database never collide. */
export const next = (): number => ++counter;

/** A customer of the context's tenant; returns its id. */
export async function customer(ctx: RequestContext, fields: Record<string, unknown> = {}): Promise<string> {
  const n = next();
  const { body } = await createRecord(ctx, "Customer", { code: `c-${n}`, name: `Customer ${n}`, email: `c${n}@example.com`, ...fields });
  return String((body as { id: string }).id);
}

/** A draft invoice (of a new customer unless given); returns its id. */
export async function invoice(ctx: RequestContext, fields: Record<string, unknown> = {}): Promise<string> {
  const customerId = (fields.customer as string | undefined) ?? (await customer(ctx));
  const { body } = await createRecord(ctx, "Invoice", { number: `INV-2026-${String(1000 + next()).padStart(4, "0")}`, customer: customerId, issued: "2026-01-10", ...fields });
  return String((body as { id: string }).id);
}

/** An app folder with files written into it (hook and handler modules); `remove` deletes it. */
export function appFolder(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "weave-write-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The promise's WeaveError (status, reason, detail, errors), or fails when it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<{ status: number; detail: string; errors?: readonly { path: string; message: string; code?: string }[] }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; detail?: string; errors?: readonly { path: string; message: string; code?: string }[] };
    if (typeof e.status !== "number") throw error;
    return { status: e.status, detail: e.detail ?? "", ...(e.errors ? { errors: e.errors } : {}) };
  }
  throw new Error("expected the write to be refused, but it succeeded");
}
