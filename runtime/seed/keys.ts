/**
 * Finding a record by its key: the values of the entity's `key` fields as the seed writes them
 * (a ref among them given by its own target's key), looked up in the tenant, remembered per run.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import { entityNamed } from "../records/record-fields.ts";
import { ident, SqlBuilder } from "../records/sql-builder.ts";
import { inputColumns } from "../write/input.ts";
import type { SeedSession } from "./session.ts";

/** A key as written: one value, or a list for a compound key. */
export type KeyValue = unknown;

/** The cache key of a record: entity, tenant and key values. */
export const idKey = (entity: IREntity, tenant: string | undefined, key: KeyValue): string => `${entity.name} ${entity.tenant ? (tenant ?? "") : ""} ${JSON.stringify(key)}`;

/**
 * The key values of `values` (undefined when the entity has no key or the record leaves a key field out).
 *
 * @example keyOf(invoice, { number: "INV-1", customer: "globex" }); // "INV-1"
 */
export function keyOf(entity: IREntity, values: Readonly<Record<string, unknown>>): KeyValue | undefined {
  if (entity.key.length === 0 || entity.key.some((k) => values[k] === undefined || values[k] === null)) return undefined;
  return entity.key.length === 1 ? values[entity.key[0]!] : entity.key.map((k) => values[k]);
}

/**
 * The id of the `entity` record with key `key` in `tenant`, or undefined when there is none (or
 * the key cannot name a record: a value of the wrong type, a compound key of the wrong length).
 *
 * @example await idByKey(s, customer, "acme", "globex"); // "6f1c…"
 */
export async function idByKey(s: SeedSession, entity: IREntity, tenant: string | undefined, key: KeyValue): Promise<string | undefined> {
  const cached = s.ids.get(idKey(entity, tenant, key));
  if (cached) return cached;
  const parts = entity.key.length === 1 ? [key] : Array.isArray(key) && key.length === entity.key.length ? key : undefined;
  if (!parts) return undefined;
  const q = new SqlBuilder();
  const conditions: string[] = [];
  for (const [i, name] of entity.key.entries()) {
    const value = await keyPart(s, entity, tenant, name, parts[i]);
    if (value === undefined) return undefined;
    conditions.push(...value.map((c) => `${ident(c.column)} = ${q.param(c.value, c.cast)}`));
  }
  if (entity.tenant) conditions.push(`${ident("tenant_id")} = ${q.param(s.tenants.get(tenant ?? "") ?? null, "uuid")}`);
  const { rows } = await s.trx.executeQuery<{ id: string }>(q.compile(`select ${ident("id")}::text as ${ident("id")} from ${ident(entity.table)} where ${conditions.join(" and ")}`));
  const id = rows[0]?.id;
  if (id) s.ids.set(idKey(entity, tenant, key), id);
  return id;
}

/** The column values of one key field: a ref's target found by its key first. */
async function keyPart(s: SeedSession, entity: IREntity, tenant: string | undefined, name: string, value: unknown) {
  const field = entity.fields.find((f) => f.name === name);
  let written = value;
  if (field?.relation && (field.relation.kind === "ref" || field.relation.kind === "one")) {
    written = await idByKey(s, entityNamed(s.ir, field.relation.to[0]!), tenant, value);
    if (written === undefined) return undefined;
  }
  try {
    return inputColumns(s.ir, entity, { [name]: written }, "seed");
  } catch {
    return undefined;
  }
}
