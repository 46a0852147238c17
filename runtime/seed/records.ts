/**
 * Seeding records: each entity in dependency order, refs found by key, matched by key so a second
 * run updates or skips instead of duplicating (a record of an entity without a key is matched on
 * every value it gives). States and read-only fields are set directly; computed fields are left
 * to the database. Policies do not apply; the entity's rules are checked once everything is written.
 */
import type { IREntity, IRField } from "../../compiler/ir/index.ts";
import { entityNamed } from "../records/record-fields.ts";
import { columnOf, ident, SqlBuilder } from "../records/sql-builder.ts";
import { databaseProblem } from "../write/database-errors.ts";
import { inputColumns, type ColumnValue } from "../write/input.ts";
import { describe, SeedError, seedErrorOf, type SeedProblem } from "./errors.ts";
import { idByKey, idKey, keyOf } from "./keys.ts";
import { seedOrder } from "./order.ts";
import { checkSeededRules, type Written } from "./rules.ts";
import { type IRSeedRecord, noCounts, type SeedCounts, type SeedSession, useTenant } from "./session.ts";

/** A ref whose target comes later (a cycle through optional refs): set once every record exists. */
interface Deferred {
  readonly entity: IREntity;
  readonly record: IRSeedRecord;
  readonly id: string;
  readonly field: IRField;
}

/**
 * Writes every seed record; returns the counts per entity.
 *
 * @example await seedRecords(s, ir.seed.records); // { Customer: { created: 3, updated: 0, unchanged: 0 }, ... }
 */
export async function seedRecords(s: SeedSession, records: Readonly<Record<string, readonly IRSeedRecord[] | undefined>>): Promise<Record<string, SeedCounts>> {
  const counts: Record<string, SeedCounts> = {};
  const written: Written[] = [];
  const deferred: Deferred[] = [];
  const order = seedOrder(s.ir, Object.keys(records));
  for (const [i, name] of order.entries()) {
    const entity = entityNamed(s.ir, name);
    const pending = new Set(order.slice(i));
    counts[name] = noCounts();
    for (const record of records[name] ?? []) {
      const outcome = await seedRecord(s, entity, record, pending, deferred);
      counts[name][outcome.result]++;
      if (outcome.result !== "unchanged") written.push({ entity, record, id: outcome.id });
    }
  }
  for (const d of deferred) await setDeferred(s, d);
  await checkSeededRules(s, written);
  return counts;
}

async function seedRecord(s: SeedSession, entity: IREntity, record: IRSeedRecord, pending: ReadonlySet<string>, deferred: Deferred[]): Promise<{ result: keyof SeedCounts; id: string }> {
  const tenant = tenantOf(s, entity, record);
  await useTenant(s, tenant === undefined ? undefined : s.tenants.get(tenant));
  const later: IRField[] = [];
  const body = await bodyOf(s, entity, record, tenant, pending, later);
  const columns = columnsOf(s, entity, record, body);
  const key = keyOf(entity, record.values);
  const found = key === undefined ? await matchingRecord(s, entity, columns) : await idByKey(s, entity, tenant, key);
  let result: keyof SeedCounts = "unchanged";
  let id = found;
  if (id === undefined) {
    id = await run(s, entity, record, () => insert(s, entity, columns));
    result = "created";
  } else if (key !== undefined && (await run(s, entity, record, () => updateChanged(s, entity, id!, columns)))) {
    result = "updated";
  }
  if (key !== undefined) s.ids.set(idKey(entity, tenant, key), id);
  for (const field of later) deferred.push({ entity, record, id, field });
  return { result, id };
}

/** The tenant key of a record, checked against the entity. */
function tenantOf(s: SeedSession, entity: IREntity, record: IRSeedRecord): string | undefined {
  const fail = (message: string) => new SeedError(record.origin, describe(entity, record), [{ field: "$tenant", message }]);
  if (!entity.tenant) {
    if (record.tenant !== undefined && s.ir.seed.tenants.length !== 1) throw fail(`${entity.name} does not belong to a tenant (it is not tenant: true)`);
    return undefined;
  }
  if (record.tenant === undefined) throw fail(`name the tenant this ${entity.name} belongs to: the seed files create ${s.ir.seed.tenants.length} tenants`);
  if (!s.tenants.has(record.tenant)) throw fail(`no seed file creates the tenant \`${record.tenant}\``);
  return record.tenant;
}

/** The record as an API body: refs resolved from keys to ids; refs to records not written yet put in `later`. */
async function bodyOf(s: SeedSession, entity: IREntity, record: IRSeedRecord, tenant: string | undefined, pending: ReadonlySet<string>, later: IRField[]): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  const problems: SeedProblem[] = [];
  for (const [name, value] of Object.entries(record.values)) {
    const field = entity.fields.find((f) => f.name === name);
    const relation = field?.relation;
    if (!field || !relation || value === null) {
      body[name] = value;
      continue;
    }
    if (relation.kind === "many" || relation.kind === "many-to-many") {
      problems.push({ field: name, message: `a ${relation.kind} relation is not written in seed data: seed the ${relation.through ?? relation.to[0]} records that point here instead` });
      continue;
    }
    const target = await refTarget(s, field, tenant, value);
    if (target.id !== undefined) body[name] = target.value;
    else if (!field.required && target.entity && pending.has(target.entity)) later.push(field);
    else problems.push({ field: name, message: target.problem });
  }
  if (problems.length > 0) throw new SeedError(record.origin, describe(entity, record), problems);
  return body;
}

type RefTarget = { id: string; value: unknown } | { id: undefined; entity?: string; problem: string };

/** A ref's target by key; a polymorphic ref is written `{ type, key }`. */
async function refTarget(s: SeedSession, field: IRField, tenant: string | undefined, value: unknown): Promise<RefTarget> {
  const relation = field.relation!;
  if (relation.kind === "polymorphic") {
    const { type, key } = (typeof value === "object" && value !== null ? value : {}) as { type?: unknown; key?: unknown };
    if (typeof type !== "string" || !relation.to.includes(type)) return { id: undefined, problem: `give { type, key } with type one of ${relation.to.join(", ")}` };
    const id = await idByKey(s, entityNamed(s.ir, type), tenant, key);
    return id === undefined ? { id, entity: type, problem: `no ${type} has the key ${JSON.stringify(key)}` } : { id, value: { type, id } };
  }
  const target = entityNamed(s.ir, relation.to[0]!);
  if (target.key.length === 0) return { id: undefined, problem: `${target.name} has no key, so seed data cannot refer to its records` };
  const id = await idByKey(s, target, tenant, value);
  return id === undefined ? { id, entity: target.name, problem: `no ${target.name} has the key ${JSON.stringify(value)}` } : { id, value: id };
}

function columnsOf(s: SeedSession, entity: IREntity, record: IRSeedRecord, body: Record<string, unknown>): ColumnValue[] {
  try {
    return inputColumns(s.ir, entity, body, "seed");
  } catch (error) {
    throw seedErrorOf(error, entity, record) ?? error;
  }
}

/** A record of a keyless entity with the same values (encrypted ones aside: their ciphertext differs every time). */
async function matchingRecord(s: SeedSession, entity: IREntity, columns: readonly ColumnValue[]): Promise<string | undefined> {
  const q = new SqlBuilder();
  const encrypted = new Set(entity.fields.filter((f) => f.encrypted).map((f) => f.column));
  const conditions = columns.filter((c) => !encrypted.has(c.column)).map((c) => `${ident(c.column)} is not distinct from ${q.param(c.value, c.cast)}`);
  // RLS (or, for a superuser, this filter) keeps the match inside the record's tenant.
  if (entity.tenant) conditions.push(`${ident("tenant_id")} = nullif(current_setting('app.tenant_id', true), '')::uuid`);
  const where = conditions.length > 0 ? ` where ${conditions.join(" and ")}` : "";
  const { rows } = await s.trx.executeQuery<{ id: string }>(q.compile(`select ${ident("id")}::text as ${ident("id")} from ${ident(entity.table)}${where} limit 1`));
  return rows[0]?.id;
}

async function insert(s: SeedSession, entity: IREntity, columns: readonly ColumnValue[]): Promise<string> {
  const q = new SqlBuilder();
  const body = columns.length === 0 ? "default values" : `(${columns.map((c) => ident(c.column)).join(", ")}) values (${columns.map((c) => q.param(c.value, c.cast)).join(", ")})`;
  const { rows } = await s.trx.executeQuery<{ id: string }>(q.compile(`insert into ${ident(entity.table)} ${body} returning ${ident("id")}::text as ${ident("id")}`));
  return rows[0]!.id;
}

/** Sets the columns when any differs, with a new version; true when it did. */
async function updateChanged(s: SeedSession, entity: IREntity, id: string, columns: readonly ColumnValue[]): Promise<boolean> {
  if (columns.length === 0) return false;
  const q = new SqlBuilder();
  const sets = columns.map((c) => `${ident(c.column)} = ${q.param(c.value, c.cast)}`);
  const differs = columns.map((c) => `${columnOf("t0", c.column)} is distinct from ${q.param(c.value, c.cast)}`);
  const text = `update ${ident(entity.table)} as ${ident("t0")} set ${sets.join(", ")}, ${ident("version")} = ${columnOf("t0", "version")} + 1, ${ident("updated_at")} = now()
    where ${columnOf("t0", "id")} = ${q.param(id, entity.id === "serial" ? "bigint" : "uuid")} and (${differs.join(" or ")}) returning 1 as ${ident("changed")}`;
  const { rows } = await s.trx.executeQuery(q.compile(text));
  return rows.length > 0;
}

async function setDeferred(s: SeedSession, d: Deferred): Promise<void> {
  const tenant = tenantOf(s, d.entity, d.record);
  await useTenant(s, tenant === undefined ? undefined : s.tenants.get(tenant));
  const target = await refTarget(s, d.field, tenant, d.record.values[d.field.name]);
  if (target.id === undefined) throw new SeedError(d.record.origin, describe(d.entity, d.record), [{ field: d.field.name, message: target.problem }]);
  const columns = columnsOf(s, d.entity, d.record, { [d.field.name]: target.value });
  await run(s, d.entity, d.record, () => updateChanged(s, d.entity, d.id, columns));
}

/** Runs a statement; a refusal by Postgres (a check, a unique key) becomes a SeedError at the record. */
async function run<T>(s: SeedSession, entity: IREntity, record: IRSeedRecord, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw seedErrorOf(databaseProblem(s.ir, error) ?? error, entity, record) ?? error;
  }
}
