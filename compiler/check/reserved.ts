/**
 * Names weave uses itself. A field may not take a system column's name, an entity may not take
 * the name of a table weave generates for identity and auditing, and no name may shadow
 * JavaScript object internals (records become plain objects in the runtime and the SDK).
 */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  "id", "tenant", "tenantId", "createdAt", "updatedAt", "createdBy", "updatedBy", "version",
  "constructor", "prototype", "toString", "valueOf", "hasOwnProperty",
]);

export const RESERVED_ENTITY_NAMES: ReadonlySet<string> = new Set([
  "User", "Tenant", "Membership", "Session", "Credential", "ApiToken", "MagicLink", "AuditEntry", "Event", "Outbox", "Migration",
  // Its table `docs` would give the route /api/docs, where the API documentation is served.
  "Doc",
]);

/** Variables of the expression language: a field named like one would be unreachable by bare name. */
export const CONTEXT_NAMES: ReadonlySet<string> = new Set(["user", "tenant", "record", "input", "params", "now", "today"]);
