/** `policies/<name>.policy.yaml`: roles, the permission catalog and shared named rules. */
import { doc, map, nameList, object, ref, str, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

export const policyDefinitions: Record<string, Schema> = {
  permissionName: {
    title: "PermissionName",
    ...doc("A permission name: camelCase words joined by dots, like `invoices.pay`."),
    type: "string",
    pattern: "^[a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*$",
    patternErrorMessage: "Permission names are camelCase words joined by dots, like `invoices.pay`",
    examples: ["invoices.pay"],
  },
  role: object(
    "A role people can hold, app-wide (`user.roles`) or within a tenant (`tenant.roles`).",
    {
      label: str("Display name. Default: the name in words. i18n key `role.<role>.label`."),
      description: str("What the role is for. i18n key `role.<role>.description`."),
      inherits: nameList(
        "Roles this one includes: holding this role counts as holding them too (`'billing' in user.roles` is true " +
          "for an admin that inherits billing).",
        "roleName",
      ),
    },
    { title: "Role", examples: [{ label: "Administrator", inherits: ["billing"] }] },
  ),
  permission: object(
    "A documented permission: what it allows, and which roles have it. The catalog is for people and the admin " +
      "screens; the expressions in entities are what the server enforces.",
    {
      description: str("What the permission allows."),
      roles: nameList("The roles that have it.", "roleName"),
    },
    { title: "Permission", required: ["roles"] },
  ),
};

/** The root of policy.schema.json. */
export const policy: RootSpec = {
  kind: "policy",
  title: "PolicySpec",
  doc:
    "A policy file of a weave app (`policies/<name>.policy.yaml`): roles, a permission catalog and shared named " +
    "rules. An app may split them over several files; names are unique across all of them. See spec/policy.md.",
  properties: {
    roles: map("Roles by name.", "roleName", ref("role"), {
      defaultSnippets: [{ label: "new role", body: { "${1:billing}": { label: "${2:Billing}" } } }],
    }),
    permissions: map(
      "The permission catalog: permission name -> what it allows and who has it.",
      "permissionName",
      ref("permission"),
      {
        defaultSnippets: [
          {
            label: "new permission",
            body: { "${1:invoices.pay}": { description: "${2:Mark invoices paid}", roles: ["${3:billing}"] } },
          },
        ],
      },
    ),
    rules: map(
      "Shared named rules: expressions (bool) any other expression can use as `$name`, e.g. " +
        '`read: "$member && record.owner == user.id"`. The compiler inlines them.',
      "ruleName",
      ref("expression"),
      {
        examples: [{ member: "tenant.member", isBilling: "'billing' in user.roles" }],
        defaultSnippets: [{ label: "new shared rule", body: { "${1:isBilling}": "${2:'billing' in user.roles}" } }],
      },
    ),
  },
};
