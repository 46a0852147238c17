/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A role name: camelCase, unique across the app. user.roles and tenant.roles hold these names.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "roleName".
 */
export type RoleName = string;
/**
 * A tenant's key: kebab-case, like acme. The tenant header and seed records name tenants by it.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "tenantKey".
 */
export type TenantKey = string;
/**
 * An entity name: PascalCase, unique across the app.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "entityName".
 */
export type EntityName = string;

/**
 * Seed data of a weave app (seed/*.yaml), loaded by weave seed into a fresh database, in file-name order. See spec/seed.md.
 */
export interface SeedSpec {
  /**
   * User accounts.
   */
  users?: SeedUser[];
  /**
   * Tenants.
   */
  tenants?: SeedTenant[];
  /**
   * Records by entity: entity name -> list of records. Entities are loaded in dependency order, so a record may refer to one written below it.
   */
  records?: {
    [k: string]: SeedRecord[] | undefined;
  };
}
/**
 * A user account.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "seedUser".
 */
export interface SeedUser {
  /**
   * The sign-in email, unique.
   */
  email: string;
  /**
   * The password (development data only). env:NAME reads it from the environment. Default: none: the user cannot sign in with a password.
   */
  password?: string;
  /**
   * The display name.
   */
  name: string;
  /**
   * App-wide roles (user.roles). Default: none.
   */
  roles?: RoleName[];
  /**
   * The tenants the user is a member of (tenant.member): tenant keys, or { tenant, roles } to give roles within that tenant (tenant.roles). Default: none.
   */
  tenants?: (TenantKey | SeedMembership)[];
}
/**
 * Membership of a tenant, with roles in it.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "seedMembership".
 */
export interface SeedMembership {
  /**
   * The tenant's key.
   */
  tenant: TenantKey;
  /**
   * Roles within this tenant (tenant.roles).
   */
  roles?: RoleName[];
}
/**
 * A tenant.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "seedTenant".
 */
export interface SeedTenant {
  /**
   * The tenant's key, unique.
   */
  key: TenantKey;
  /**
   * The tenant's display name.
   */
  name: string;
}
/**
 * One record: field -> value. Ref fields take the target's key (its key field, a list of values for a compound key). $tenant names the tenant of a tenant: true record; it may be left out when the seed has one tenant.
 *
 * This interface was referenced by `SeedSpec`'s JSON-Schema
 * via the `definition` "seedRecord".
 */
export interface SeedRecord {
  [k: string]: unknown | undefined;
}
