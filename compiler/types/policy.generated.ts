/* Generated from schema/ by compiler/types/generate.ts. Do not edit: run `bun run gen:types`. */

/**
 * A role name: camelCase, unique across the app. user.roles and tenant.roles hold these names.
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "roleName".
 */
export type RoleName = string;
/**
 * An expression in weave's expression language (CEL-like), e.g. size(lines) > 0 or 'billing' in user.roles. The compiler parses and type-checks it against the model. See spec/expressions.md.
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "expression".
 */
export type ExpressionSource = string;
/**
 * A rule name: camelCase. Entity rules are unique within their entity, shared rules across the app.
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "ruleName".
 */
export type RuleName = string;
/**
 * A permission name: camelCase words joined by dots, like invoices.pay.
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "permissionName".
 */
export type PermissionName = string;

/**
 * A policy file of a weave app (policies/<name>.policy.yaml): roles, a permission catalog and shared named rules. An app may split them over several files; names are unique across all of them. See spec/policy.md.
 */
export interface PolicySpec {
  /**
   * Roles by name.
   */
  roles?: {
    [k: string]: Role | undefined;
  };
  /**
   * The permission catalog: permission name -> what it allows and who has it.
   */
  permissions?: {
    [k: string]: Permission | undefined;
  };
  /**
   * Shared named rules: expressions (bool) any other expression can use as $name, e.g. read: "$member && record.owner == user.id". The compiler inlines them.
   */
  rules?: {
    [k: string]: ExpressionSource | undefined;
  };
}
/**
 * A role people can hold, app-wide (user.roles) or within a tenant (tenant.roles).
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "role".
 */
export interface Role {
  /**
   * Display name. Default: the name in words. i18n key role.<role>.label.
   */
  label?: string;
  /**
   * What the role is for. i18n key role.<role>.description.
   */
  description?: string;
  /**
   * Roles this one includes: holding this role counts as holding them too ('billing' in user.roles is true for an admin that inherits billing).
   */
  inherits?: RoleName[];
}
/**
 * A documented permission: what it allows, and which roles have it. The catalog is for people and the admin screens; the expressions in entities are what the server enforces.
 *
 * This interface was referenced by `PolicySpec`'s JSON-Schema
 * via the `definition` "permission".
 */
export interface Permission {
  /**
   * What the permission allows.
   */
  description?: string;
  /**
   * The roles that have it.
   */
  roles: RoleName[];
}
