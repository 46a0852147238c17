/**
 * The query string of a list or a single-record read, validated against the model in one pass:
 * every problem is collected, then thrown as one 400 whose `errors` name each parameter.
 */
import { DEFAULT_MAX_PAGE_SIZE } from "../../compiler/generators/openapi/index.ts";
import type { IREntity } from "../../compiler/ir/index.ts";
import { unreadableField, unreadableSearchFields } from "../policy/readable-paths.ts";
import type { RequestContext } from "../server/context.ts";
import { decodeCursor } from "./cursor.ts";
import type { Filter, ListQuery, PageQuery, RecordQuery, SortKey } from "./list-query.ts";
import { FILTER_KEY, parseFilter } from "./parse-filters.ts";
import { parseFields, parseInclude } from "./parse-include.ts";
import { parseSort } from "./parse-sort.ts";
import { listOf, Problems } from "./problems.ts";
import { queryModel, type IndexedModel } from "./query-model.ts";

const MAX_SEARCH = 200;

const LIST_PARAMS = ["sort", "page[size]", "page[after]", "page[offset]", "include", "fields", "q", "count"];
const RECORD_PARAMS = ["include", "fields"];
const MAX_OFFSET = 2 ** 31 - 1;

/**
 * @example parseListQuery(ctx, invoice, new URLSearchParams("filter[status][eq]=sent&sort=-due&page[size]=20"))
 */
export function parseListQuery(ctx: RequestContext, entity: IREntity, query: URLSearchParams): ListQuery {
  const problems = new Problems();
  const model = queryModel(ctx.ir, entity, ctx.options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE);
  const filters = checkParams(ctx, entity, model, query, LIST_PARAMS, problems);
  const search = parseSearch(entity, model, query.get("q"), problems);
  const parsedSort = parseSort(ctx.ir, entity, model, query.get("sort") ?? undefined, problems);
  const sort = readableOnly(ctx, entity, filters, parsedSort, query.has("sort"), search !== undefined, problems);
  const page = parsePage(model, query, sort, problems);
  const include = parseInclude(ctx.ir, entity, query.get("include"), problems);
  const fields = parseFields(ctx.ir, entity, query.get("fields"), problems);
  const count = parseBoolean(query.get("count"), "/count", problems);
  problems.throwIfAny();
  return { filters, sort, page, include, count, ...(search === undefined ? {} : { search }), ...(fields ? { fields } : {}) };
}

/** `include` and `fields`, the only parameters a single-record read takes. */
export function parseRecordQuery(ctx: RequestContext, entity: IREntity, query: URLSearchParams): RecordQuery {
  const problems = new Problems();
  checkParams(ctx, entity, undefined, query, RECORD_PARAMS, problems);
  const include = parseInclude(ctx.ir, entity, query.get("include"), problems);
  const fields = parseFields(ctx.ir, entity, query.get("fields"), problems);
  problems.throwIfAny();
  return { include, ...(fields ? { fields } : {}) };
}

/** Flags unknown and repeated parameters; parses the filters (lists only, with the model). */
function checkParams(ctx: RequestContext, entity: IREntity, model: IndexedModel | undefined, query: URLSearchParams, allowed: readonly string[], problems: Problems): Filter[] {
  const filters: Filter[] = [];
  const seen = new Set<string>();
  const filtering = model !== undefined;
  for (const [key, value] of query) {
    if (seen.has(key)) problems.add(`/${key}`, `${key} is given more than once`, "invalidValue");
    else if (model && FILTER_KEY.test(key)) {
      const filter = parseFilter(ctx.ir, entity, model, key, value, problems);
      if (filter) filters.push(filter);
    } else if (!allowed.includes(key)) {
      const names = filtering ? ["filter[<field>][<op>]", ...allowed] : allowed;
      problems.add(`/${key}`, `unknown query parameter ${key}; allowed: ${listOf(names)}`, "unknownParameter");
    }
    seen.add(key);
  }
  return filters;
}

/**
 * Refuses filters, an explicit sort and a search on fields the caller may not read on every row (a
 * filter must not be an oracle); a default sort just leaves such keys out.
 */
function readableOnly(ctx: RequestContext, entity: IREntity, filters: readonly Filter[], sort: SortKey[], explicitSort: boolean, searching: boolean, problems: Problems): SortKey[] {
  for (const filter of filters) {
    const hidden = unreadableField(ctx, entity, filter.path);
    if (hidden) problems.add(`/filter[${filter.path.text}]`, `you may not filter by ${filter.path.text}: ${hidden} has a read policy`, "fieldRead");
  }
  const kept: SortKey[] = [];
  for (const key of sort) {
    const hidden = unreadableField(ctx, entity, key.path);
    if (!hidden) kept.push(key);
    else if (explicitSort) problems.add("/sort", `you may not sort by ${key.path.text}: ${hidden} has a read policy`, "fieldRead");
  }
  const unsearchable = searching ? unreadableSearchFields(ctx, entity) : [];
  if (unsearchable.length > 0) problems.add("/q", `you may not search ${entity.plural.toLowerCase()}: ${listOf(unsearchable)} have a read policy`, "fieldRead");
  return kept;
}

function parseSearch(entity: IREntity, model: IndexedModel, text: string | null, problems: Problems): string | undefined {
  if (text === null) return undefined;
  if (!model.model.search) return void problems.add("/q", `${entity.name} has no full-text search: list fields under search: in its model to enable q`, "unknownParameter");
  if (text.length < 1 || text.length > MAX_SEARCH || text.includes("\0")) return void problems.add("/q", `give 1 to ${MAX_SEARCH} characters to search for`, "invalidValue");
  return text;
}

function parsePage(model: IndexedModel, query: URLSearchParams, sort: readonly SortKey[], problems: Problems): PageQuery {
  const max = model.model.maxPageSize;
  const sizeText = query.get("page[size]");
  let size = model.model.defaultPageSize;
  if (sizeText !== null) {
    const value = /^\d{1,9}$/.test(sizeText) ? Number(sizeText) : NaN;
    if (value >= 1 && value <= max) size = value;
    else problems.add("/page[size]", `${JSON.stringify(sizeText)} is not a page size: give a whole number from 1 to ${max}`, "invalidValue");
  }
  const page: { size: number; after?: readonly (string | null)[]; offset?: number } = { size };
  const offsetText = query.get("page[offset]");
  if (offsetText !== null) {
    const value = /^\d{1,10}$/.test(offsetText) ? Number(offsetText) : NaN;
    if (value <= MAX_OFFSET) page.offset = value;
    else problems.add("/page[offset]", `${JSON.stringify(offsetText)} is not an offset: give a whole number from 0`, "invalidValue");
  }
  const afterText = query.get("page[after]");
  if (afterText !== null) {
    if (offsetText !== null) problems.add("/page[after]", "give page[after] or page[offset], not both", "invalidValue");
    const cursor = decodeCursor(afterText, sort);
    if (cursor.ok) page.after = cursor.values;
    else problems.add("/page[after]", cursor.message, "invalidCursor");
  }
  return page;
}

function parseBoolean(text: string | null, path: string, problems: Problems): boolean {
  if (text === null || text === "false") return false;
  if (text === "true") return true;
  problems.add(path, `${JSON.stringify(text)} is not true or false`, "invalidValue");
  return false;
}
