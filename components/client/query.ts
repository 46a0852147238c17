/**
 * List parameters as the API spells them (spec/api.md#query-parameters): one object in, the exact
 * query string out, so every caller (components, SDK) asks for lists the same way.
 */

/** The filter operators of the API. */
export type FilterOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "in" | "nin" | "contains" | "startsWith" | "isNull";

/** `{ due: { lt: "2026-02-01" }, status: { in: ["draft", "sent"] } }` */
export type Filters = Record<string, Partial<Record<FilterOp, string | number | boolean | readonly (string | number)[]>>>;

export interface ListParams {
  readonly filter?: Filters;
  /** Paths, `-` for descending: `["-issued", "number"]`. */
  readonly sort?: readonly string[];
  readonly size?: number;
  readonly after?: string;
  readonly offset?: number;
  readonly include?: readonly string[];
  readonly fields?: readonly string[];
  readonly q?: string;
  readonly count?: boolean;
}

/**
 * The query string for a list request (without `?`), empty values left out.
 *
 * @example listQuery({ filter: { status: { eq: "sent" } }, sort: ["-due"], count: true })
 *   // "filter%5Bstatus%5D%5Beq%5D=sent&sort=-due&count=true"
 */
export function listQuery(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [path, ops] of Object.entries(params.filter ?? {})) {
    for (const [op, value] of Object.entries(ops)) {
      if (value === undefined || value === "") continue;
      search.append(`filter[${path}][${op}]`, Array.isArray(value) ? value.join(",") : String(value));
    }
  }
  if (params.sort?.length) search.set("sort", params.sort.join(","));
  if (params.size !== undefined) search.set("page[size]", String(params.size));
  if (params.after) search.set("page[after]", params.after);
  if (params.offset !== undefined) search.set("page[offset]", String(params.offset));
  if (params.include?.length) search.set("include", params.include.join(","));
  if (params.fields?.length) search.set("fields", params.fields.join(","));
  if (params.q?.trim()) search.set("q", params.q.trim());
  if (params.count) search.set("count", "true");
  return search.toString();
}
