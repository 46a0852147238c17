/**
 * `GET /api/_audit`: the audit log of the caller's tenant, newest first, for admins.
 */
import type { AuditContent } from "./chain.ts";
import { sql } from "kysely";
import type { RequestContext } from "../server/context.ts";
import { badRequest, forbidden } from "../server/errors.ts";
import { entityParam } from "../write/model.ts";
import { expandRoles } from "../write/variables.ts";
import { atText } from "./chain.ts";

/** The query of `GET /api/_audit`, as parsed from `?entity=invoice&id=…&page[size]=50&page[after]=…`. */
export interface AuditQuery {
  readonly entity?: string;
  /** A record id; needs `entity`. */
  readonly id?: string;
  readonly page?: { readonly size?: string | number; readonly after?: string };
  readonly "page[size]"?: string | number;
  readonly "page[after]"?: string;
}

/** One entry as the API shows it: what the hash covers (but the tenant, which is the caller's), and the chain. */
export type AuditRecord = Omit<AuditContent, "tenantId"> & {
  readonly id: string;
  readonly prevHash: string | null;
  readonly hash: string;
};

export interface AuditPage {
  readonly data: readonly AuditRecord[];
  readonly page: { readonly size: number; readonly after?: string };
}

const DEFAULT_SIZE = 50;

/**
 * A page of audit entries, newest first. Only admins may read it (the `admin` role, app-wide or in
 * the tenant, or a role that inherits it): anyone else gets a 403. With tenancy on, the caller's
 * tenant is required and only its entries are listed.
 *
 * @example
 *   await listAudit(ctx, { entity: "invoice", id, "page[size]": "20" });
 *   // { data: [{ id: "42", action: "transition", name: "send", changes: {…}, … }], page: { size: 20, after: "23" } }
 */
export async function listAudit(ctx: RequestContext, query: AuditQuery = {}): Promise<AuditPage> {
  const { identity, ir } = ctx;
  const roles = [...expandRoles(ir, identity.roles), ...expandRoles(ir, identity.tenantRoles)];
  if (!roles.includes("admin")) throw forbidden("only admins may read the audit log");
  if (ir.app.tenancy.enabled && !identity.tenantId) throw badRequest(`the audit log is per tenant: send the ${ir.app.tenancy.header} header`, [{ path: `/headers/${ir.app.tenancy.header}`, message: "required" }]);
  const entity = query.entity ? entityParam(ir, query.entity, "/entity") : undefined;
  if (query.id !== undefined && !entity) throw badRequest("filtering the audit log by id needs an entity", [{ path: "/id", message: "give entity too" }]);
  const size = pageSize(query.page?.size ?? query["page[size]"], ctx.options.maxPageSize ?? 100);
  const after = cursor(query.page?.after ?? query["page[after]"]);
  const where = [
    ir.app.tenancy.enabled ? sql`"tenant_id" = ${identity.tenantId}::uuid` : sql`true`,
    entity ? sql`"entity" = ${entity.name}` : sql`true`,
    query.id !== undefined ? sql`"record_id" = ${query.id}` : sql`true`,
    after !== undefined ? sql`"id" < ${after}::bigint` : sql`true`,
  ];
  const { rows } = await sql<{ id: string; at: string; user_id: string | null; request_id: string | null; action: string; entity: string | null; record_id: string | null; name: string | null; changes: unknown; prev_hash: string | null; hash: string }>`
    select "id"::text as id, ${sql.raw(atText('"at"'))} as at, "user_id"::text as user_id, "request_id", "action", "entity", "record_id", "name", "changes", "prev_hash", "hash"
    from "weave_audit" where ${sql.join(where, sql` and `)} order by "id" desc limit ${size + 1}`.execute(ctx.database.kysely);
  const data = rows.slice(0, size).map((r) => ({
    id: r.id, at: r.at, userId: r.user_id, requestId: r.request_id, action: r.action, entity: r.entity, recordId: r.record_id, name: r.name, changes: r.changes, prevHash: r.prev_hash, hash: r.hash,
  }));
  return { data, page: rows.length > size ? { size, after: data[data.length - 1]!.id } : { size } };
}

function pageSize(value: string | number | undefined, max: number): number {
  if (value === undefined || value === "") return Math.min(DEFAULT_SIZE, max);
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > max) throw badRequest(`page[size] must be an integer from 1 to ${max}`, [{ path: "/page[size]", message: `from 1 to ${max}` }]);
  return size;
}

function cursor(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^[0-9]{1,19}$/.test(value)) throw badRequest("page[after] is not a cursor this endpoint gave", [{ path: "/page[after]", message: "not a cursor" }]);
  return value;
}
