/** `seed/*.yaml`: users, tenants and records loaded into a fresh database (development and tests). */
import { array, doc, map, nameList, object, ref, str, type Schema } from "./dsl.ts";
import type { RootSpec } from "./root.ts";

export const seedDefinitions: Record<string, Schema> = {
  tenantKey: {
    title: "TenantKey",
    ...doc("A tenant's key: kebab-case, like `acme`. The tenant header and seed records name tenants by it."),
    type: "string",
    pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    patternErrorMessage: "Tenant keys are kebab-case, like `acme` or `globex-eu`",
  },
  seedUser: object(
    "A user account.",
    {
      email: str("The sign-in email, unique.", { format: "email" }),
      password: str(
        "The password (development data only). `env:NAME` reads it from the environment. Default: none: the " +
          "user cannot sign in with a password.",
        { minLength: 1 },
      ),
      name: str("The display name."),
      roles: nameList("App-wide roles (`user.roles`). Default: none.", "roleName"),
      tenants: array(
        "The tenants the user is a member of (`tenant.member`): tenant keys, or `{ tenant, roles }` to give roles " +
          "within that tenant (`tenant.roles`). Default: none.",
        { anyOf: [ref("tenantKey"), ref("seedMembership")] },
      ),
    },
    { title: "SeedUser", required: ["email", "name"] },
  ),
  seedMembership: object(
    "Membership of a tenant, with roles in it.",
    {
      tenant: ref("tenantKey", "The tenant's key."),
      roles: nameList("Roles within this tenant (`tenant.roles`).", "roleName"),
    },
    { title: "SeedMembership", required: ["tenant"] },
  ),
  seedTenant: object(
    "A tenant.",
    {
      key: ref("tenantKey", "The tenant's key, unique."),
      name: str("The tenant's display name."),
    },
    { title: "SeedTenant", required: ["key", "name"] },
  ),
  seedRecord: {
    title: "SeedRecord",
    ...doc(
      "One record: field -> value. Ref fields take the target's key (its `key` field, a list of values for a " +
        "compound key). `$tenant` names the tenant of a `tenant: true` record; it may be left out when the seed has " +
        "one tenant.",
    ),
    type: "object",
    propertyNames: {
      type: "string",
      pattern: "^(?:\\$tenant|[a-z][A-Za-z0-9]*)$",
      patternErrorMessage: "Keys are field names (camelCase) or `$tenant`",
    },
    additionalProperties: true,
    examples: [{ code: "globex", name: "Globex Corporation" }],
  },
};

/** The root of seed.schema.json. */
export const seed: RootSpec = {
  kind: "seed",
  title: "SeedSpec",
  doc:
    "Seed data of a weave app (`seed/*.yaml`), loaded by `weave seed` into a fresh database, in file-name order. " +
    "See spec/seed.md.",
  properties: {
    users: array("User accounts.", ref("seedUser")),
    tenants: array("Tenants.", ref("seedTenant")),
    records: map(
      "Records by entity: entity name -> list of records. Entities are loaded in dependency order, so a record " +
        "may refer to one written below it.",
      "entityName",
      { type: "array", items: ref("seedRecord") },
      {
        defaultSnippets: [
          { label: "records of an entity", body: { "${1:Customer}": [{ "${2:name}": "${3:Globex}" }] } },
        ],
      },
    ),
  },
};
