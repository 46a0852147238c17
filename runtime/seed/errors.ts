/**
 * A problem with seed data, located: the file, line and column of the tenant, user or record, what
 * it is ("Invoice INV-2026-0001"), and each field that is wrong.
 */
import type { IREntity, Origin } from "../../compiler/ir/index.ts";
import { WeaveError } from "../server/errors.ts";
import { keyOf } from "./keys.ts";
import type { IRSeedRecord } from "./session.ts";

/** One thing wrong with an entry: the field (when it is about one) and why. */
export interface SeedProblem {
  readonly field?: string;
  readonly message: string;
}

/**
 * Seed data that cannot be loaded. Nothing was written: the seed runs in one transaction.
 *
 * @example
 *   new SeedError({ file: "seed/demo.yaml", line: 52, column: 7 }, "Invoice INV-1", [{ field: "customer", message: "no Customer with key `globx`" }]).message;
 *   // "seed/demo.yaml:52:7: Invoice INV-1: customer: no Customer with key `globx`"
 */
export class SeedError extends Error {
  constructor(
    readonly origin: Origin,
    /** What the entry is: `tenant acme`, `user ada@example.com`, `Invoice INV-2026-0001`. */
    readonly subject: string,
    readonly problems: readonly SeedProblem[],
  ) {
    const where = `${origin.file}:${origin.line}:${origin.column}`;
    super(`${where}: ${subject}: ${problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; ")}`);
    this.name = "SeedError";
  }
}

/** A WeaveError (a 4xx about the values) as a SeedError naming the record and fields. */
export function seedErrorOf(error: unknown, entity: IREntity, record: IRSeedRecord): SeedError | undefined {
  if (!(error instanceof WeaveError) || error.status >= 500) return undefined;
  const items = error.errors?.length ? error.errors : [{ path: "/", message: error.detail }];
  return new SeedError(record.origin, describe(entity, record), items.map((i) => (i.path === "/" ? { message: i.message } : { field: i.path.replace(/^\//, ""), message: i.message })));
}

/**
 * How a record is named in messages: its entity and key, else its place in the file.
 *
 * @example describe(invoice, record); // "Invoice INV-2026-0001"
 */
export function describe(entity: IREntity, record: IRSeedRecord): string {
  const key = keyOf(entity, record.values);
  return key === undefined ? `${entity.name} record` : `${entity.name} ${Array.isArray(key) ? key.join("/") : String(key)}`;
}
