import type { Origin, Seed, SeedRecord, SeedUser } from "../ir/index.ts";
import type { Model } from "../check/model.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";

type Doc = Record<string, unknown>;
type Membership = string | { tenant: string; roles?: string[] };

/**
 * Seed files merged in path order, each entry with its origin so `weave seed` can say which file
 * and record a problem is in. A user's tenants become `{ tenant, roles }`; a record of a
 * `tenant: true` entity without `$tenant` gets the only seeded tenant when there is exactly one.
 *
 * @example
 *   lowerSeed(model).records.Invoice[0];
 *   // { tenant: "acme", values: { number: "INV-2026-0001", customer: "globex" }, origin: { file: "seed/demo.yaml", line: 52, column: 7 } }
 */
export function lowerSeed(model: Model): Seed {
  const seed: Seed = { tenants: [], users: [], records: {} };
  const tenantKeys = model.seeds.flatMap(({ spec }) => ((spec.tenants ?? []) as Doc[]).map((t) => String(t.key)));
  const onlyTenant = tenantKeys.length === 1 ? tenantKeys[0] : undefined;
  for (const { file, spec } of model.seeds) {
    ((spec.tenants ?? []) as Doc[]).forEach((t, i) => seed.tenants.push({ key: String(t.key), name: String(t.name), origin: originOf(file, ["tenants", i]) }));
    ((spec.users ?? []) as Doc[]).forEach((u, i) => seed.users.push(lowerUser(u, originOf(file, ["users", i]))));
    for (const [entity, rows] of Object.entries((spec.records ?? {}) as Record<string, Doc[]>)) {
      const tenantEntity = model.entities.get(entity)?.spec.tenant === true;
      const lowered = rows.map((row, i) => lowerRecord(row, originOf(file, ["records", entity, i]), tenantEntity ? onlyTenant : undefined));
      seed.records[entity] = [...(seed.records[entity] ?? []), ...lowered];
    }
  }
  return seed;
}

function lowerUser(user: Doc, origin: Origin): SeedUser {
  const tenants = ((user.tenants ?? []) as Membership[]).map((m) => (typeof m === "string" ? { tenant: m, roles: [] } : { tenant: m.tenant, roles: [...(m.roles ?? [])] }));
  const lowered: SeedUser = { email: String(user.email), name: String(user.name), roles: [...((user.roles ?? []) as string[])], tenants, origin };
  if (typeof user.password === "string") lowered.password = user.password;
  return lowered;
}

function lowerRecord(row: Doc, origin: Origin, defaultTenant: string | undefined): SeedRecord {
  const { $tenant, ...values } = row;
  const tenant = $tenant === undefined ? defaultTenant : String($tenant);
  return { ...(tenant === undefined ? {} : { tenant }), values, origin };
}

/** Where a list entry starts: its first key, which is what a reader looks for. */
function originOf(file: SourceFile, path: DocPath): Origin {
  const place = locate(file, path, "value");
  return { file: file.path, line: place.line, column: place.column };
}
