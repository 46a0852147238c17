import { suggestion } from "../diagnostics/suggest.ts";
import { locate, type DocPath } from "../load/locate.ts";
import type { SourceFile } from "../load/source-file.ts";
import { reportUnknownEntity } from "./unknown-entity.ts";
import type { CheckContext } from "./context.ts";
import type { EntityLike } from "./model.ts";
import { SYSTEM_FIELDS } from "./paths.ts";

type Row = Record<string, unknown>;

/**
 * Checks seed data: every entity and field exists, every user's roles are declared, and every
 * reference (a record's ref field, a user's tenants) names a record seeded by key (WV318).
 *
 * @example
 *   checkSeeds(ctx);
 */
export function checkSeeds(ctx: CheckContext): void {
  const keys = seededKeys(ctx);
  for (const { file, spec } of ctx.model.seeds) {
    ((spec.users ?? []) as Row[]).forEach((user, i) => checkUser(ctx, file, ["users", i], user, keys));
    for (const [entity, rows] of Object.entries((spec.records ?? {}) as Record<string, Row[]>)) {
      const located = ctx.model.entities.get(entity);
      if (!located) {
        reportUnknownEntity(ctx, locate(file, ["records", entity], "key"), entity, `unknown entity \`${entity}\` in seed data`);
        continue;
      }
      rows.forEach((row, i) => checkRow(ctx, file, ["records", entity, i], located.spec, row, keys));
    }
  }
}

/** The key values seeded for each entity (and `$tenant` for tenants), across all seed files. */
function seededKeys(ctx: CheckContext): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>([["$tenant", new Set()]]);
  for (const { spec } of ctx.model.seeds) {
    for (const tenant of (spec.tenants ?? []) as Row[]) keys.get("$tenant")!.add(String(tenant.key));
    for (const [entity, rows] of Object.entries((spec.records ?? {}) as Record<string, Row[]>)) {
      const key = ctx.model.entities.get(entity)?.spec.key;
      if (typeof key !== "string") continue;
      const set = keys.get(entity) ?? new Set<string>();
      for (const row of rows) if (row[key] !== undefined) set.add(String(row[key]));
      keys.set(entity, set);
    }
  }
  return keys;
}

function checkUser(ctx: CheckContext, file: SourceFile, at: DocPath, user: Row, keys: Map<string, Set<string>>): void {
  checkRoles(ctx, file, [...at, "roles"], (user.roles ?? []) as string[]);
  ((user.tenants ?? []) as (string | { tenant: string; roles?: string[] })[]).forEach((membership, i) => {
    const tenant = typeof membership === "string" ? membership : membership.tenant;
    const place: DocPath = typeof membership === "string" ? [...at, "tenants", i] : [...at, "tenants", i, "tenant"];
    checkTenant(ctx, file, place, tenant, keys, `user ${String(user.email)}`);
    if (typeof membership === "object") checkRoles(ctx, file, [...at, "tenants", i, "roles"], membership.roles ?? []);
  });
}

function checkRoles(ctx: CheckContext, file: SourceFile, at: DocPath, roles: readonly string[]): void {
  roles.forEach((role, i) => {
    if (!ctx.model.roles.has(role)) ctx.reporter.report("WV311", locate(file, [...at, i]), `unknown role \`${role}\``, suggestion(role, [...ctx.model.roles.keys()]));
  });
}

function checkTenant(ctx: CheckContext, file: SourceFile, at: DocPath, tenant: string, keys: Map<string, Set<string>>, who: string): void {
  const tenants = keys.get("$tenant")!;
  if (tenants.has(tenant)) return;
  ctx.reporter.report("WV318", locate(file, at), `${who} belongs to tenant \`${tenant}\`, which no seed file creates`, suggestion(tenant, [...tenants]));
}

function checkRow(ctx: CheckContext, file: SourceFile, at: DocPath, entity: EntityLike, row: Row, keys: Map<string, Set<string>>): void {
  for (const [name, value] of Object.entries(row)) {
    if (name === "$tenant") checkTenant(ctx, file, [...at, name], String(value), keys, `this ${entity.entity}`);
    if (name.startsWith("$")) continue;
    const field = entity.fields[name];
    if (!field) {
      if (!(SYSTEM_FIELDS as readonly string[]).includes(name)) {
        ctx.reporter.report("WV302", locate(file, [...at, name], "key"), `unknown field \`${name}\` on ${entity.entity}`, suggestion(name, Object.keys(entity.fields)));
      }
      continue;
    }
    if ((field.type !== "ref" && field.type !== "one") || typeof field.to !== "string" || value === null) continue;
    const known = keys.get(field.to);
    if (known && !known.has(String(value))) {
      ctx.reporter.report("WV318", locate(file, [...at, name]), `${entity.entity}.${name} refers to ${field.to} \`${String(value)}\`, which no seed record has as its key`, suggestion(String(value), [...known]));
    }
  }
}
