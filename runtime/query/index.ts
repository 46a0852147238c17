/**
 * The read side of the REST API: list, get by id, get by key, related collections. A query string
 * is validated against the model (unknown names and bad values are one 400 naming what is
 * allowed), then becomes parameterised SQL that carries the tenant and the read policy.
 *
 * @example
 *   await listRecords(ctx, "Invoice", new URLSearchParams("filter[status][in]=sent,paid&sort=-due&page[size]=20&count=true"));
 *   await listRecords(ctx, "Invoice", url.searchParams, { parentEntity: "Customer", parentId, relation: "invoices" });
 *   await getRecord(ctx, "Invoice", id, new URLSearchParams("include=customer,lines"));
 *   await getRecordByKey(ctx, "Invoice", ["INV-2026-0001"], new URLSearchParams());
 */
export { getRecord, getRecordByKey, readRecord, type ReadOptions, type RecordMatch } from "./get-record.ts";
export { listRecords, runList, type ListResponse } from "./list-records.ts";
export type { FilterOp, ListQuery, RecordQuery } from "./list-query.ts";
export { parseListQuery, parseRecordQuery } from "./parse-list-query.ts";
export type { ListScope } from "./scope.ts";
